import { describe, expect, it } from 'vitest';
import { fullCeremony, ROSTERS, run } from '../../test/support/ceremony-fixtures.ts';
import { replay, type CommandEntry } from './replay.ts';
import type { CeremonyCommand } from './state.ts';
import { transition } from './transition.ts';

const commands = fullCeremony();
const closed = run(commands);

/** The accepted commands as the log stores them: every entry numbered, refusals in between. */
function entries(list: readonly CeremonyCommand[] = commands): CommandEntry[] {
  return list.map((command, index) => ({ seq: 2 * index + 1, body: { revision: index + 1, command } }));
}

/** A writable copy of one entry's body, to tamper with. */
interface Body {
  revision: unknown;
  command: Record<string, unknown> & { roster?: { students: Record<string, unknown>[] } | null };
}
function tampered(index: number, edit: (body: Body) => void): CommandEntry[] {
  const copy = JSON.parse(JSON.stringify(entries())) as { seq: number; body: Body }[];
  edit(copy[index]!.body);
  return copy;
}

const importIndex = commands.findIndex((command) => command.type === 'school:import');
const drawIndex = commands.findIndex((command) => command.type === 'school:draw');

describe('the replay of stored commands', () => {
  it('rebuilds exactly the state the commands built', () => {
    expect(replay(entries(), null)).toEqual({ ok: true, state: closed });
    expect(replay([], null)).toMatchObject({ ok: true, state: { revision: 0, phase: 'planning' } });
  });

  const malformed: readonly { readonly what: string; readonly edit: (body: Body) => void; readonly field: string }[] = [
    {
      what: 'a gender that is no gender',
      edit: ({ command }) => void (command.roster!.students[4]!['gender'] = 'X'),
      field: 'command.roster.students.4.gender',
    },
    {
      what: 'a student without an id',
      edit: ({ command }) => void delete command.roster!.students[0]!['id'],
      field: 'command.roster.students.0.id',
    },
    { what: 'a field too many', edit: ({ command }) => void (command['classOf'] = [1, 2]), field: 'command' },
    {
      what: 'an unknown command',
      edit: ({ command }) => void (command['type'] = 'school:redraw'),
      field: 'command.type',
    },
    { what: 'a revision that is text', edit: (body) => void (body.revision = '5'), field: 'revision' },
  ];

  it.each(malformed)('names the entry and the field of $what, without running it', ({ edit, field }) => {
    const outcome = replay(tampered(importIndex, edit), null);
    expect(outcome).toMatchObject({ ok: false, seq: 2 * importIndex + 1 });
    if (outcome.ok) return;
    expect(outcome.zh).toBe(`不是有效的命令：字段 ${field} 无效`);
    expect(outcome.en).toContain(`not a valid command: ${field}: `);
    // The state is what the entries before it built.
    expect(outcome.state).toEqual(run(commands.slice(0, importIndex)));
  });

  it('names an entry whose body is no command at all', () => {
    const outcome = replay([{ seq: 1, body: null }], null);
    expect(outcome).toMatchObject({ ok: false, seq: 1, zh: '不是有效的命令：字段 body 无效' });
  });

  it('names a command the state machine refuses, with its reason', () => {
    const outcome = replay(
      tampered(drawIndex, ({ command }) => void (command['contribution'] = 'abc')),
      null,
    );
    const draw = { ...commands[drawIndex]!, contribution: 'abc' } as CeremonyCommand;
    const refused = transition(run(commands.slice(0, drawIndex)), draw);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    const { zh, en } = refused.refusal;
    expect(outcome).toMatchObject({ ok: false, seq: 2 * drawIndex + 1, zh, en });
  });

  it('names an entry whose revision is not the one the replay reaches', () => {
    const outcome = replay(
      tampered(drawIndex, (body) => void (body.revision = 99)),
      null,
    );
    expect(outcome).toMatchObject({ ok: false, seq: 2 * drawIndex + 1 });
    expect(outcome.ok ? '' : outcome.en).toBe(`it records revision 99, the replay gives ${drawIndex + 1}`);
  });

  it('puts a published roster back into an import that comes without one, and only then', () => {
    const withoutRosters = tampered(importIndex, ({ command }) => void (command.roster = null));
    expect(replay(withoutRosters, null)).toMatchObject({ ok: false, seq: 2 * importIndex + 1 });
    const school = commands[importIndex] as Extract<CeremonyCommand, { type: 'school:import' }>;
    const published = (name: string) => (name === school.school ? ROSTERS[name]! : null);
    expect(replay(withoutRosters, published)).toEqual({ ok: true, state: closed });
    const outcome = replay(withoutRosters, () => null);
    expect(outcome).toMatchObject({ ok: false, zh: `缺少 ${school.school} 的名单文件` });
  });
});
