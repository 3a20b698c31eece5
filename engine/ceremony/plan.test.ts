import { describe, expect, it } from 'vitest';
import { validatePlan, type PlanSchool } from './plan.ts';

const school: PlanSchool = {
  name: '信州区第一小学',
  stage: 'primary',
  classes: 8,
  cap: 45,
  students: 352,
  boys: 195,
  girls: 157,
  multiples: 2,
  capOverrideReason: null,
};

describe('plan validation', () => {
  it('accepts a plan that keeps the rules', () => {
    expect(validatePlan({ schools: [school, { ...school, name: '一中', stage: 'junior', cap: 50 }] })).toEqual([]);
  });

  it.each<[string, Partial<PlanSchool>, keyof PlanSchool]>([
    ['classes that cannot hold the students', { classes: 7 }, 'cap'],
    ['a primary cap over 45 without a reason', { cap: 46 }, 'capOverrideReason'],
    ['a blank reason', { cap: 46, capOverrideReason: '  ' }, 'capOverrideReason'],
    ['a cap over 56 even with a reason', { cap: 57, capOverrideReason: '校舍不足' }, 'cap'],
    ['boys and girls not adding up', { boys: 196 }, 'students'],
    ['more multiples than students', { students: 1, boys: 1, girls: 0, multiples: 2, classes: 1 }, 'multiples'],
    ['zero classes', { classes: 0 }, 'classes'],
    ['a fractional count', { boys: 194.5, girls: 157.5 }, 'boys'],
    ['an empty name', { name: ' ' }, 'name'],
    ['fewer students than classes', { students: 3, boys: 2, girls: 1, multiples: 0 }, 'classes'],
  ])('refuses %s', (_, change, field) => {
    const problems = validatePlan({ schools: [{ ...school, ...change }] });
    expect(problems.map((problem) => problem.field)).toContain(field);
    expect(problems[0]!.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('accepts a cap over the standard one with a reason (the reason is part of the sealed plan)', () => {
    expect(validatePlan({ schools: [{ ...school, cap: 48, capOverrideReason: '教室容量经批准' }] })).toEqual([]);
  });

  it('refuses an empty plan and a school listed twice', () => {
    expect(validatePlan({ schools: [] })).toHaveLength(1);
    expect(validatePlan({ schools: [school, school] }).map((problem) => problem.school)).toEqual([1]);
  });
});
