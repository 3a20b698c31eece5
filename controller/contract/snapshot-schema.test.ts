/**
 * The schemas the apps check broadcasts with must accept everything a real controller sends: were one too strict, a
 * display would ignore every snapshot from then on. So whole ceremonies run here, and each snapshot (as displays and
 * consoles see it, and masked, as public pages do), each update and the step times go through the schemas after a
 * trip through JSON, as on the wire.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ceremonyTimes } from '../storage/ceremony-times.ts';
import { toSnapshot } from '../snapshot.ts';
import { openCeremony } from '../ceremony.ts';
import { CeremonyTimesSchema, SnapshotSchema, UpdateSchema } from './snapshot-schema.ts';
import type { Snapshot } from './protocol.ts';
import { DEFAULT_OPTIONS } from '../../engine/assign/index.ts';
import { INITIAL_STATE, type CeremonyCommand, type CeremonyState } from '../../engine/ceremony/state.ts';
import { transition } from '../../engine/ceremony/transition.ts';
import { DRAWN_SCHOOLS, fullCeremony } from '../../test/support/ceremony-fixtures.ts';
import { demoRequests, FIXED_SERVICES, tempDataDir, type DemoStage } from '../../test/support/demo-ceremony.ts';

const overTheWire = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function problemsOf(schema: z.ZodType, value: unknown): string[] {
  const parsed = schema.safeParse(overTheWire(value));
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

function snapshotProblems(state: CeremonyState): string[] {
  return (['hall', 'public'] as const).flatMap((names) => problemsOf(SnapshotSchema, toSnapshot(state, names)));
}

describe('the broadcast schemas', () => {
  it.each<DemoStage>(['primary', 'junior'])(
    'accept every snapshot, update and step times of the %s demo ceremony',
    async (stage) => {
      const { service, log } = openCeremony(tempDataDir(), FIXED_SERVICES);
      const problems: string[] = snapshotProblems(service.state);
      let updates = 0;
      service.subscribe(({ state, events }) => {
        updates += 1;
        const update = { revision: state.revision, events, snapshot: toSnapshot(state, 'hall') };
        problems.push(...problemsOf(UpdateSchema, update), ...snapshotProblems(state));
        problems.push(...problemsOf(CeremonyTimesSchema, ceremonyTimes(log)));
      });
      for (const request of await demoRequests(stage)) expect((await service.submit(request, 'test')).ok).toBe(true);
      log.close();
      expect(service.state.phase).toBe('closed');
      expect(updates).toBeGreaterThan(10);
      expect(problems).toEqual([]);
    },
  );

  it('accept a ceremony with score bands, siblings apart, a public value and teams from envelopes', () => {
    const [west] = DRAWN_SCHOOLS.slice(1);
    const commands = fullCeremony().flatMap((command): CeremonyCommand[] => {
      if (command.type === 'ceremony:seal') {
        return [
          {
            ...command,
            rules: { ...DEFAULT_OPTIONS, bands: 3, siblings: 'apart' },
            publicValueSource: '福彩3D第2026219期',
          },
        ];
      }
      if (command.type === 'school:draw' && command.school === DRAWN_SCHOOLS[0]) {
        return [{ type: 'ceremony:enter-public-value', value: '509' }, command];
      }
      if (command.type === 'school:teachers' && command.school === west) {
        return [{ ...command, draw: { kind: 'envelopes', teamOfClass: [2, 4, 1, 3] } }];
      }
      return [command];
    });
    let state = INITIAL_STATE;
    const problems: string[] = [];
    for (const command of commands) {
      const outcome = transition(state, command);
      if (!outcome.ok) throw new Error(`${command.type} refused: ${outcome.refusal.en}`);
      state = outcome.state;
      const update = { revision: state.revision, events: outcome.events, snapshot: toSnapshot(state, 'hall') };
      problems.push(...problemsOf(UpdateSchema, update), ...snapshotProblems(state));
    }
    const closed = toSnapshot(state, 'hall');
    expect(closed.seal?.publicValue).toEqual({ source: '福彩3D第2026219期', value: '509' });
    // Revealed at the close: the one snapshot with the optional field.
    expect(closed.seal?.secretHex).toMatch(/^[0-9a-f]{64}$/);
    expect(closed.schools.find((school) => school.name === west)?.teachers?.draw.kind).toBe('envelopes');
    expect(closed.schools.some((school) => (school.draw?.report.distribution.bands.length ?? 0) > 0)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('accept a draw that had to relax a rule, and refuse one whose relaxation names no rule', () => {
    const state = fullCeremony()
      .slice(0, 8)
      .reduce((before, command) => {
        const outcome = transition(before, command);
        if (!outcome.ok) throw new Error(outcome.refusal.en);
        return outcome.state;
      }, INITIAL_STATE);
    const snapshot = toSnapshot(state, 'hall');
    const relaxed = (rule: string): Snapshot => ({
      ...snapshot,
      schools: snapshot.schools.map((school) =>
        school.draw === null
          ? school
          : { ...school, draw: { ...school.draw, relaxations: [{ rule, zh: '放宽', en: 'relaxed' }] } },
      ) as Snapshot['schools'],
    });
    expect(snapshot.schools.some((school) => school.draw !== null)).toBe(true);
    expect(problemsOf(SnapshotSchema, relaxed('band'))).toEqual([]);
    expect(problemsOf(SnapshotSchema, relaxed('luck'))).not.toEqual([]);
  });
});
