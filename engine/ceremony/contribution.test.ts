import { describe, expect, it } from 'vitest';
import { contributionProblem } from './contribution.ts';

describe('the parent representatives’ contribution', () => {
  it.each([
    ['digits stopped on the counter', '4711'],
    ['one digit', '0'],
    ['64 digits', '9'.repeat(64)],
    ['dice thrown and typed in', '3-6-1-4-2-5'],
    ['one die', '6'],
    ['32 dice', Array.from({ length: 32 }, () => '1').join('-')],
  ])('accepts %s', (_, text) => {
    expect(contributionProblem(text)).toBeNull();
  });

  it.each([
    ['nothing', ''],
    ['letters', '12a'],
    ['65 digits', '9'.repeat(65)],
    ['a 7 on a die', '3-7-1'],
    ['a 0 on a die', '0-1'],
    ['dice without a separator between faces', '3-61'],
    ['a trailing separator', '3-6-'],
    ['spaces', '3 6 1'],
    ['33 dice', Array.from({ length: 33 }, () => '1').join('-')],
    ['full-width digits', '４７１１'],
  ])('refuses %s, quoting it, in Chinese and English', (_, text) => {
    const problem = contributionProblem(text);
    expect(problem?.zh).toContain(`收到“${text}”`);
    expect(problem?.en).toContain(`got "${text}"`);
  });
});
