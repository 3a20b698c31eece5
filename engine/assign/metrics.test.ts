import { describe, expect, it } from 'vitest';
import type { Roster, Student } from '../roster.ts';
import { measure } from './metrics.ts';

const student = (id: number, extra: Partial<Student> = {}): Student => ({
  id: `S${id}`,
  name: `学生${id}`,
  gender: id % 2 ? 'F' : 'M',
  birthDate: '2018-01-01',
  idCard: null,
  siblingGroup: null,
  apartGroups: [],
  sourceSchool: null,
  scores: [60 + id],
  ...extra,
});

describe('measure: every check can fail', () => {
  const roster: Roster = {
    subjects: ['数学'],
    students: [
      student(0, { siblingGroup: 'D1', name: '王浩' }),
      student(1, { siblingGroup: 'D1', apartGroups: ['A'] }),
      student(2, { apartGroups: ['A'], name: '王浩' }),
      student(3, { name: '李雷' }),
      student(4),
      student(6),
    ],
  };
  const options = { classes: 2, cap: 4, siblings: 'together', names: 'sound' } as const;

  it('flags sizes, cap, gender, split siblings, apart groups, same and sound-alike names', () => {
    const report = measure(roster, [1, 2, 1, 1, 1, 1], options);
    const failed = report.checks.filter((check) => !check.ok).map((check) => check.id);
    expect(failed.sort()).toEqual(['size-spread', 'cap', 'boys-spread', 'siblings', 'same-name', 'same-sound'].sort());
    expect(report.classes.map((summary) => summary.size)).toEqual([5, 1]);
    expect(report.subjects[0]!.meanRange).toBeCloseTo((60 + 62 + 63 + 64 + 66) / 5 - 61, 9);
  });

  it('passes a placement that meets every rule', () => {
    const report = measure(roster, [1, 1, 2, 2, 2, 1], options);
    expect(report.checks.filter((check) => !check.ok).map((check) => check.id)).toEqual([]);
  });
});
