import { describe, expect, it } from 'vitest';
import type { Roster, Student } from '../roster.ts';
import { measure } from './metrics.ts';
import { DEFAULT_OPTIONS } from './options.ts';

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
  flags: [],
  ...extra,
});

describe('measure: every check can fail', () => {
  const roster: Roster = {
    subjects: ['数学'],
    flags: [],
    students: [
      student(0, { siblingGroup: 'D1', name: '王浩' }),
      student(1, { siblingGroup: 'D1', apartGroups: ['A'] }),
      student(2, { apartGroups: ['A'], name: '王浩' }),
      student(3, { name: '李雷' }),
      student(4),
      student(6),
    ],
  };
  const options = { ...DEFAULT_OPTIONS, classes: 2, cap: 4, bands: 0, extremes: 0 } as const;

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

describe('measure: the score distribution', () => {
  // Eight students ranked 90, 80 … 20: bands of four, the top two and the bottom two.
  const roster: Roster = {
    subjects: ['语文', '数学'],
    flags: [],
    students: Array.from({ length: 8 }, (_, i) => student(i, { scores: [90 - 10 * i, null] })),
  };
  const options = { ...DEFAULT_OPTIONS, classes: 2, cap: 4, bands: 2, extremes: 2 } as const;

  it('flags a class holding the best and one holding the weakest, and tabulates bands and extremes', () => {
    const report = measure(roster, [1, 1, 1, 1, 2, 2, 2, 2], options);
    const failed = report.checks.filter((check) => !check.ok).map((check) => check.id);
    expect(failed.sort()).toEqual(['band-spread', 'bottom-share', 'top-share']);
    expect(report.distribution.bands.map((row) => row.perClass)).toEqual([
      [4, 0],
      [0, 4],
    ]);
    expect(report.distribution.top?.perClass).toEqual([2, 0]);
    expect(report.distribution.bottom?.perClass).toEqual([0, 2]);
  });

  it('passes classes that share every band and extreme, ranking by the total with missing scores imputed', () => {
    const report = measure(roster, [1, 2, 2, 1, 1, 2, 2, 1], options);
    expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    expect(report.distribution.rankedBy).toBeNull();
  });

  it('ranks by a chosen subject when asked, and ties by the smaller student id', () => {
    const tied: Roster = {
      subjects: ['语文'],
      flags: [],
      students: [student(3, { scores: [70] }), student(1, { scores: [70] })],
    };
    const report = measure(tied, [1, 2], { ...options, rankBy: '语文', bands: 0, extremes: 1 });
    expect(report.distribution.rankedBy).toBe('语文');
    // S1 ranks first on the tie: it is the top student, S3 the bottom one.
    expect(report.distribution.top?.perClass).toEqual([0, 1]);
    expect(report.distribution.bottom?.perClass).toEqual([1, 0]);
  });
});

describe('measure: balance groups', () => {
  const roster: Roster = {
    subjects: [],
    flags: ['留守儿童'],
    students: Array.from({ length: 6 }, (_, i) => student(i, { scores: [], flags: [i < 4] })),
  };
  const options = { ...DEFAULT_OPTIONS, classes: 2, cap: 3, extremes: 0, balance: ['留守儿童'] } as const;

  it('flags a group crowded into one class and tabulates every group', () => {
    const crowded = measure(roster, [1, 1, 1, 2, 2, 2], options);
    expect(crowded.distribution.flags).toEqual([{ label: '留守儿童', perClass: [3, 1] }]);
    expect(crowded.checks.find((check) => check.id === 'flag-spread')).toMatchObject({ ok: false, value: 2, limit: 1 });
    const even = measure(roster, [1, 2, 1, 2, 1, 2], options);
    expect(even.checks.find((check) => check.id === 'flag-spread')).toMatchObject({ ok: true, value: 0 });
  });
});
