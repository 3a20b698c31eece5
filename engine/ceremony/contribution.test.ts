import { describe, expect, it } from 'vitest';
import { contributionFaces, contributionProblem, MAX_DICE, MIN_DICE, readDice } from './contribution.ts';

const dice = (count: number) => Array.from({ length: count }, () => '1').join('-');

describe('the parent representatives’ contribution', () => {
  it.each([
    ['digits stopped on the counter', '4711', { kind: 'digits', digits: [4, 7, 1, 1] }],
    ['one digit', '0', { kind: 'digits', digits: [0] }],
    ['64 digits', '9'.repeat(64), { kind: 'digits', digits: Array.from({ length: 64 }, () => 9) }],
    ['dice thrown and typed in', '3-6-1-4-2-5', { kind: 'dice', faces: [3, 6, 1, 4, 2, 5] }],
    [`${MIN_DICE} dice`, dice(MIN_DICE), { kind: 'dice', faces: [1, 1, 1] }],
    [`${MAX_DICE} dice`, dice(MAX_DICE), { kind: 'dice', faces: Array.from({ length: MAX_DICE }, () => 1) }],
  ])('accepts %s, read as the hall sees it', (_, text, faces) => {
    expect(contributionProblem(text)).toBeNull();
    expect(contributionFaces(text)).toEqual(faces);
  });

  it.each([
    ['nothing', ''],
    ['letters', '12a'],
    ['65 digits', '9'.repeat(65)],
    ['a 7 on a die', '3-7-1'],
    ['a 0 on a die', '0-1-2'],
    ['dice without a separator between faces', '3-61'],
    ['a trailing separator', '3-6-1-'],
    ['spaces', '3 6 1'],
    ['too few dice', dice(MIN_DICE - 1)],
    ['too many dice', dice(MAX_DICE + 1)],
    ['full-width digits', '４７１１'],
  ])('refuses %s, quoting it, in Chinese and English', (_, text) => {
    const problem = contributionProblem(text);
    expect(contributionFaces(text)).toBeNull();
    expect(problem?.zh).toContain(`收到“${text}”`);
    expect(problem?.en).toContain(`got "${text}"`);
  });
});

describe('dice as the operator types them', () => {
  it.each([
    ['3 5 1 6 2 4', '3-5-1-6-2-4'],
    ['3,5，1、6', '3-5-1-6'],
    ['3-6-1', '3-6-1'],
    ['  2  2 2 ', '2-2-2'],
    ['6161', '6-1-6-1'],
  ])('reads %j as the canonical contribution %s', (typed, contribution) => {
    const reading = readDice(typed);
    expect(reading).toEqual({ ok: true, contribution });
    expect(contributionProblem(contribution)).toBeNull();
  });

  it.each([
    ['', '请输入骰子点数'],
    ['3 7 1', '骰子点数只能是 1 至 6'],
    ['3 a 1', '骰子点数只能是 1 至 6'],
    ['1'.repeat(MIN_DICE - 1), `至少掷 ${MIN_DICE} 次骰子`],
    ['1'.repeat(MAX_DICE + 1), `最多 ${MAX_DICE} 个点数`],
  ])('refuses %j: %s', (typed, zh) => {
    expect(readDice(typed)).toMatchObject({ ok: false, zh });
  });
});
