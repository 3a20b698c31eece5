/**
 * The published roster's name classes stand in for the names: a draw on the roster as the engine reads it
 * (`engineRoster`, what the verifier replays) must give exactly the classes of the draw on the real names.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rosterArbitrary, seedArbitrary } from '../assign/fixtures/roster-arbitrary.ts';
import { assign, DEFAULT_OPTIONS, type AssignOutcome } from '../assign/index.ts';
import { nameClassesOf, nameKey, soundAlikeKey, type NameSeparation } from '../names.ts';
import type { Roster } from '../roster.ts';
import { ROSTERS } from '../../test/support/ceremony-fixtures.ts';
import { canonicalRoster, engineRoster } from './canonical.ts';

const named = (names: readonly string[]) => names.map((name) => ({ name }));

describe('name classes', () => {
  it('number each key by first appearance, keeping only what the names rule compares', () => {
    const students = named(['张伟', '章伟', '张玮', '张伟', '陈静', '程静', '李娜', '李拉', '张　伟']);
    expect(nameClassesOf(students, 'exact')).toEqual([1, 2, 3, 1, 4, 5, 6, 7, 1].map((exact) => ({ exact })));
    const sound = [1, 1, 1, 1, 2, 3, 4, 5, 1];
    const dialect = [1, 1, 1, 1, 2, 2, 3, 3, 1];
    expect(nameClassesOf(students, 'sound').map((classes) => 'sound' in classes && classes.sound)).toEqual(sound);
    expect(nameClassesOf(students, 'dialect').map((classes) => 'dialect' in classes && classes.dialect)).toEqual(
      dialect,
    );
  });

  it('keep exactly the equalities of the name keys, for every rule', () => {
    fc.assert(
      fc.property(rosterArbitrary, ({ roster, options: { names } }) => {
        const { students } = canonicalRoster(roster);
        const published = engineRoster(roster, names).students;
        for (let i = 0; i < students.length; i++) {
          for (let j = i + 1; j < students.length; j++) {
            const [a, b, classedA, classedB] = [students[i]!, students[j]!, published[i]!, published[j]!];
            expect(nameKey(classedA, 'exact') === nameKey(classedB, 'exact')).toBe(
              nameKey(a, 'exact') === nameKey(b, 'exact'),
            );
            expect(soundAlikeKey(classedA, names) === soundAlikeKey(classedB, names)).toBe(
              soundAlikeKey(a, names) === soundAlikeKey(b, names),
            );
          }
        }
      }),
      { numRuns: 100, seed: 20260820 },
    );
  });
});

describe('a draw on the published roster', () => {
  const school = ROSTERS['西山中学']!;

  /** The outcome with every student id replaced by the rank `engineRoster` gives it. */
  function withRanks(outcome: AssignOutcome, canonical: Roster, published: Roster): AssignOutcome {
    if (!outcome.ok) return outcome;
    const rank = new Map(canonical.students.map((student, index) => [student.id, published.students[index]!.id]));
    const soundAlikePairs = outcome.report.soundAlikePairs.map((pair) => ({
      ...pair,
      a: rank.get(pair.a)!,
      b: rank.get(pair.b)!,
    }));
    return { ...outcome, report: { ...outcome.report, soundAlikePairs } };
  }

  it('gives the classes, relaxations and report of the draw on the names, for every rule and sibling policy', () => {
    fc.assert(
      fc.property(
        rosterArbitrary,
        seedArbitrary,
        fc.constantFrom('together', 'apart'),
        ({ roster, options }, seed, siblings) => {
          const canonical = canonicalRoster(roster);
          const published = engineRoster(canonical, options.names);
          const onNames = assign(canonical, { ...options, siblings }, seed);
          const onClasses = assign(published, { ...options, siblings }, seed);
          if (onClasses.ok || onNames.ok) {
            expect(onClasses).toEqual(withRanks(onNames, canonical, published));
          } else {
            // Refused alike, for the same reason; the message names ids where the published roster has no names.
            expect(onClasses.error.code).toBe(onNames.error.code);
            const message = JSON.stringify(onClasses.error);
            for (const student of roster.students) expect(message).not.toContain(student.name);
          }
        },
      ),
      { numRuns: 200, seed: 20260820 },
    );
  });

  it.each<NameSeparation>(['exact', 'sound', 'dialect'])(
    'is refused when read under another names rule than it was published for (%s)',
    (names) => {
      const other: NameSeparation = names === 'dialect' ? 'sound' : 'dialect';
      const options = { ...DEFAULT_OPTIONS, classes: 4, cap: 50, names: other };
      expect(assign(school, options, new Uint8Array(32)).ok).toBe(true);
      expect(() => assign(engineRoster(school, names), options, new Uint8Array(32))).toThrow(`no "${other}" class`);
    },
  );
});
