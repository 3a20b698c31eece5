import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLAN, ROSTERS, SEAL, declared, fullCeremony } from '../../test/support/ceremony-fixtures.ts';
import { canonicalJson } from './canonical.ts';
import {
  INITIAL_STATE,
  PHASES,
  SCHOOL_STATUSES,
  type CeremonyCommand,
  type CeremonyState,
  type SchoolStatus,
} from './state.ts';
import { transition } from './transition.ts';

const script = fullCeremony();
const schools = ['东湖小学', '西山中学', '北岭小学', '无此校'];
const roster = ROSTERS['东湖小学']!;

/** Commands that are wrong, early, late or alternative at most points of the ceremony. */
const noise: CeremonyCommand[] = [
  { type: 'plan:set', plan: PLAN },
  { type: 'plan:set', plan: { schools: [declared('东湖小学', 'primary', 2, 45)] } },
  { type: 'plan:set', plan: { schools: [declared('东湖小学', 'primary', 2, 60)] } },
  SEAL,
  { ...SEAL, publicValueSource: '福彩3D第2026318期开奖号码' } as CeremonyCommand,
  { type: 'ceremony:enter-public-value', value: '3 7 5' },
  { type: 'ceremony:enter-public-value', value: '3 7 6' },
  { type: 'ceremony:preview' },
  { type: 'ceremony:unseal' },
  { type: 'ceremony:close' },
  ...schools.flatMap((school): CeremonyCommand[] => [
    { type: 'school:import', school, fileName: 'x.csv', roster, acceptMismatchReason: null },
    { type: 'school:import', school, fileName: 'x.csv', roster: ROSTERS['西山中学']!, acceptMismatchReason: '核对过' },
    { type: 'school:draw', school, contribution: '42' },
    { type: 'school:draw', school, contribution: '4x' },
    { type: 'school:publish', school },
    { type: 'school:teachers', school, draw: { kind: 'lottery', contribution: '7' } },
    { type: 'school:teachers', school, draw: { kind: 'envelopes', teamOfClass: [2, 1, 3] } },
    { type: 'school:teachers', school, draw: { kind: 'envelopes', teamOfClass: [1, 2] } },
  ]),
];

const rank = (status: SchoolStatus) => SCHOOL_STATUSES.indexOf(status);

/** What must hold of every reachable state. */
function checkInvariants(state: CeremonyState): void {
  const sealed = state.phase !== 'planning';
  expect(state.seal !== null).toBe(sealed);
  if (sealed) expect(state.plan).not.toBeNull();
  expect(state.schools.length).toBe(state.plan?.schools.length ?? 0);
  // A named public value is in before any draw.
  if (state.schools.some((school) => school.draw !== null)) expect(state.seal!.publicValue?.value).not.toBeNull();
  state.schools.forEach((school, index) => {
    const plan = state.plan!.schools[index]!;
    expect(school.status === 'skipped').toBe(plan.classes === 1);
    expect(school.imported !== null).toBe(rank(school.status) >= rank('imported'));
    expect(school.draw !== null).toBe(rank(school.status) >= rank('drawn'));
    expect(school.teachers !== null).toBe(school.status === 'teachers-drawn');
    if (state.phase !== 'unsealed' && state.phase !== 'closed') expect(['waiting', 'skipped']).toContain(school.status);
    if (state.phase === 'closed') expect(['teachers-drawn', 'skipped']).toContain(school.status);
    if (school.draw !== null) {
      expect(school.draw.classOf).toHaveLength(school.imported!.roster.students.length);
      for (const classNumber of school.draw.classOf) expect(classNumber).toBeGreaterThanOrEqual(1);
      for (const classNumber of school.draw.classOf) expect(classNumber).toBeLessThanOrEqual(plan.classes);
    }
  });
}

describe('the ceremony state machine under any command sequence', () => {
  it('never reaches an invalid state, never goes back, and never changes a drawn result', () => {
    const step = fc.oneof(
      { weight: 3, arbitrary: fc.constant(null) },
      { weight: 2, arbitrary: fc.constantFrom(...noise) },
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 60, size: 'max' }), (steps) => {
        let state = INITIAL_STATE;
        let cursor = 0;
        let accepted = 0;
        const results = new Map<string, string>();
        for (const chosen of steps) {
          // null: the ceremony's next scripted command, so that runs get far; otherwise a noisy one.
          const command = chosen ?? script[cursor++];
          if (command === undefined) continue;
          const before = canonicalJson(state);
          const outcome = transition(state, command);
          expect(canonicalJson(state)).toBe(before);
          if (!outcome.ok) continue;
          const next = outcome.state;
          accepted++;
          expect(next.revision).toBe(accepted);
          expect(PHASES.indexOf(next.phase)).toBeGreaterThanOrEqual(PHASES.indexOf(state.phase));
          // Once entered, the public value never changes.
          if (state.seal?.publicValue?.value != null) expect(next.seal!.publicValue).toEqual(state.seal.publicValue);
          if (state.phase !== 'planning') {
            next.schools.forEach((school, index) =>
              expect(rank(school.status)).toBeGreaterThanOrEqual(rank(state.schools[index]!.status)),
            );
          }
          checkInvariants(next);
          for (const school of next.schools) {
            const result = canonicalJson([school.imported, school.draw]);
            if (school.draw === null) continue;
            if (results.has(school.name)) expect(result).toBe(results.get(school.name));
            results.set(school.name, result);
          }
          state = next;
        }
      }),
      { seed: 20261125, numRuns: 150 },
    );
  });
});
