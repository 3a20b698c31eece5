import { describe, expect, it } from 'vitest';
import { ROSTERS, fullCeremony, run } from '../../test/support/ceremony-fixtures.ts';
import type { ChainEntry } from './audit-chain.ts';
import { createBundle } from './bundle.ts';
import { canonicalJson } from './canonical.ts';
import type { CeremonyCommand } from './state.ts';
import { transition } from './transition.ts';

const commands = fullCeremony();
const closed = run(commands);
const names = Object.values(ROSTERS).flatMap((roster) => roster.students.map((student) => student.name));

/** The commands as audit entries; hashes do not matter to the bundle, which copies them. */
const entry = (seq: number, kind: ChainEntry['kind'], body: unknown): ChainEntry => ({
  seq,
  at: '2026-08-20T09:00:00.000Z',
  actor: 'test',
  kind,
  body,
  prev: '0'.repeat(64),
  hash: '0'.repeat(64),
});

describe('the bundle keeps students’ names out', () => {
  it('publishes rosters with name classes, and no name from a command', () => {
    const chain = commands.map((command, index) => entry(index + 1, 'command', { revision: index + 1, command }));
    const published = canonicalJson(createBundle(closed, chain));
    expect(names.length).toBeGreaterThan(60);
    for (const name of names) expect(published).not.toContain(name);
    expect(published).toContain('"nameClasses":{"exact":1,"sound":1}');
  });

  it('publishes a refusal by its code alone: a draw refused over two siblings’ shared name names them', () => {
    const [east] = Object.keys(ROSTERS);
    const roster = ROSTERS[east!]!;
    const twins = roster.students.map((student, index) =>
      index < 2 ? { ...student, name: roster.students[0]!.name, siblingGroup: 'D-twins' } : student,
    );
    const importTwins: CeremonyCommand = {
      type: 'school:import',
      school: east!,
      fileName: 'twins.csv',
      roster: { ...roster, students: twins },
      acceptMismatchReason: '核对过',
    };
    const imported = run([importTwins], run(commands.slice(0, 4)));
    const draw: CeremonyCommand = { type: 'school:draw', school: east!, contribution: '42' };
    const outcome = transition(imported, draw);
    if (outcome.ok) throw new Error('the draw was accepted');
    expect(outcome.refusal.zh).toContain(roster.students[0]!.name);

    const bundle = createBundle(closed, [entry(1, 'refusal', { request: draw, refusal: outcome.refusal })])!;
    expect(bundle.audit[0]).toMatchObject({
      redacted: true,
      body: { request: draw, refusal: { code: 'draw-failed', zh: null, en: null, details: null } },
    });
    expect(canonicalJson(bundle)).not.toContain(roster.students[0]!.name);
  });
});

describe('the bundle keeps the addresses of the hall’s devices out', () => {
  it('publishes a summary of refused log-ins with its counts and without the addresses', () => {
    const summary = {
      type: 'access:refused',
      from: '2026-08-20T09:00:00.000Z',
      to: '2026-08-20T09:00:40.000Z',
      total: 5,
      attempts: [{ address: '192.168.1.23', channel: 'socket', reason: 'wrong-passphrase', count: 5 }],
    };
    const bundle = createBundle(closed, [entry(1, 'access', summary)])!;
    expect(bundle.audit[0]).toEqual({
      ...entry(1, 'access', {
        ...summary,
        attempts: [{ address: null, channel: 'socket', reason: 'wrong-passphrase', count: 5 }],
      }),
      redacted: true,
    });
  });
});
