import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactNameKey } from '../names.ts';
import type { Roster, Student } from '../roster.ts';
import { student as aStudent } from '../../test/support/student.ts';
import { rosterArbitrary, seedArbitrary } from './fixtures/roster-arbitrary.ts';
import { assign, DEFAULT_OPTIONS, type AssignOptions } from './index.ts';

const ALWAYS_HARD = ['size-spread', 'cap', 'siblings', 'apart-groups', 'same-name'];

describe('assign: guarantees', () => {
  it('meets every hard rule, or explains why it cannot', () => {
    fc.assert(
      fc.property(
        rosterArbitrary,
        seedArbitrary,
        fc.constantFrom('together', 'apart'),
        ({ roster, options }, seed, siblings) => {
          const outcome = assign(roster, { ...options, siblings }, seed);
          if (!outcome.ok) {
            expect(outcome.error.zh.length).toBeGreaterThan(0);
            expect(outcome.error.en.length).toBeGreaterThan(0);
            expect(justified(roster, { ...options, siblings }, outcome.error.code)).toBe(true);
            return;
          }
          expect(outcome.classOf).toHaveLength(roster.students.length);
          for (const classNumber of outcome.classOf)
            expect(classNumber >= 1 && classNumber <= options.classes).toBe(true);
          const failed = outcome.report.checks.filter((check) => !check.ok).map((check) => check.id);
          for (const id of ALWAYS_HARD) expect(failed).not.toContain(id);
          const relaxed = new Set(outcome.relaxations.map((relaxation) => relaxation.rule));
          if (failed.includes('boys-spread') || failed.includes('girls-spread'))
            expect(relaxed.has('gender')).toBe(true);
          if (failed.includes('source-school-spread')) expect(relaxed.has('sourceSchool')).toBe(true);
          if (failed.includes('same-sound')) expect(relaxed.has('sameSound')).toBe(true);
          if (failed.includes('band-spread')) expect(relaxed.has('band')).toBe(true);
          if (failed.includes('top-share')) expect(relaxed.has('top')).toBe(true);
          if (failed.includes('bottom-share')) expect(relaxed.has('bottom')).toBe(true);
          if (failed.includes('flag-spread')) expect(relaxed.has('flag')).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gives the same classes for the same inputs and seed, whatever the row order', () => {
    fc.assert(
      fc.property(rosterArbitrary, seedArbitrary, fc.infiniteStream(fc.nat()), ({ roster, options }, seed, noise) => {
        const first = assign(roster, options, seed);
        const order = roster.students.map((_, index) => index).sort(() => (noise.next().value % 3) - 1);
        const shuffled: Roster = { ...roster, students: order.map((index) => roster.students[index]!) };
        const second = assign(shuffled, options, seed);
        expect(second.ok).toBe(first.ok);
        if (!first.ok || !second.ok) return;
        order.forEach((original, position) => expect(second.classOf[position]).toBe(first.classOf[original]));
      }),
      { numRuns: 40 },
    );
  });

  it('never lets siblings kept together land in different classes, nor siblings kept apart share one', () => {
    const twins: Roster = {
      subjects: [],
      flags: [],
      students: ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛'].map((name, index) => ({
        id: String(index),
        name: `钱${name}`,
        gender: index % 2 ? 'F' : 'M',
        birthDate: '2018-03-01',
        idCard: null,
        siblingGroup: index < 2 ? 'D1' : null,
        apartGroups: [],
        sourceSchool: null,
        scores: [],
        flags: [],
      })),
    };
    for (let trial = 0; trial < 20; trial++) {
      const seed = new Uint8Array(32).fill(trial);
      const together = assign(twins, { ...DEFAULT_OPTIONS, classes: 4, cap: 2, names: 'exact' }, seed);
      const apart = assign(twins, { ...DEFAULT_OPTIONS, classes: 4, cap: 2, siblings: 'apart', names: 'exact' }, seed);
      if (!together.ok || !apart.ok) throw new Error('expected feasible');
      expect(together.classOf[0]).toBe(together.classOf[1]);
      expect(apart.classOf[0]).not.toBe(apart.classOf[1]);
    }
  });
});

describe('assign: infeasible inputs are refused with the reason', () => {
  const student = (id: number, extra: Partial<Student> = {}): Student =>
    aStudent({
      id: `S${id}`,
      name: `学生${'甲乙丙丁戊己庚辛壬癸'[id % 10]}${Math.floor(id / 10)}`,
      gender: id % 2 ? 'F' : 'M',
      ...extra,
    });
  const roster = (students: Student[]): Roster => ({ subjects: [], flags: [], students });
  const base: AssignOptions = { ...DEFAULT_OPTIONS, classes: 3, cap: 45, names: 'exact' };

  it.each<[string, Roster, AssignOptions, string]>([
    ['empty roster', roster([]), base, 'no-students'],
    [
      'a balance column the roster lacks',
      roster([student(1), student(2), student(3)]),
      { ...base, balance: ['留守儿童'] },
      'missing-balance-column',
    ],
    ['zero classes', roster([student(1), student(2)]), { ...base, classes: 0 }, 'bad-classes'],
    ['more classes than students', roster([student(1), student(2)]), base, 'bad-classes'],
    ['over capacity', roster(Array.from({ length: 10 }, (_, i) => student(i))), { ...base, cap: 3 }, 'over-capacity'],
    [
      'apart group larger than the classes',
      roster(Array.from({ length: 9 }, (_, i) => student(i, { apartGroups: i < 4 ? ['A'] : [] }))),
      base,
      'apart-group-too-large',
    ],
    [
      'same name more often than classes',
      roster(Array.from({ length: 9 }, (_, i) => student(i, i < 4 ? { name: '王伟' } : {}))),
      base,
      'same-name-too-many',
    ],
    [
      'siblings who must also be apart',
      roster(Array.from({ length: 9 }, (_, i) => student(i, i < 2 ? { siblingGroup: 'D', apartGroups: ['A'] } : {}))),
      base,
      'siblings-must-be-apart',
    ],
    [
      'sibling group larger than a class',
      roster(Array.from({ length: 6 }, (_, i) => student(i, i < 3 ? { siblingGroup: 'D' } : {}))),
      base,
      'sibling-group-too-large',
    ],
  ])('%s', (_, input, options, code) => {
    const outcome = assign(input, options, new Uint8Array(32));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe(code);
  });
});

/** An independent reading of the roster that confirms a refusal is real. */
function justified(roster: Roster, options: AssignOptions, code: string): boolean {
  const count = (keyOf: (student: Student) => readonly string[]) => {
    const counts = new Map<string, number>();
    for (const student of roster.students)
      for (const key of keyOf(student)) counts.set(key, (counts.get(key) ?? 0) + 1);
    return Math.max(0, ...counts.values());
  };
  const siblingKeys = (student: Student) => (student.siblingGroup === null ? [] : [student.siblingGroup]);
  switch (code) {
    case 'same-name-too-many':
      return count((student) => [exactNameKey(student.name)]) > options.classes;
    case 'apart-group-too-large':
      return (
        count((student) => student.apartGroups) > options.classes ||
        (options.siblings === 'apart' && count(siblingKeys) > options.classes)
      );
    case 'sibling-group-too-large':
      return count(siblingKeys) > Math.ceil(roster.students.length / options.classes);
    case 'siblings-must-be-apart':
      return roster.students.some((a) =>
        roster.students.some(
          (b) =>
            a !== b &&
            a.siblingGroup !== null &&
            a.siblingGroup === b.siblingGroup &&
            (exactNameKey(a.name) === exactNameKey(b.name) || a.apartGroups.some((g) => b.apartGroups.includes(g))),
        ),
      );
    case 'no-feasible-placement':
      return true;
    default:
      return false;
  }
}
