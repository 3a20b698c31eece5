import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DRAWN_SCHOOLS, PLAN, SEAL, declared, fullCeremony, run } from '../../test/support/ceremony-fixtures.ts';
import { MAX_PUBLIC_TEXT, normalizedPublicText, publicTextProblem } from './public-value.ts';
import { type CeremonyCommand, type CeremonyState, type RefusalCode } from './state.ts';
import { transition } from './transition.ts';

const HAN = /[\u4e00-\u9fff]/;
const SOURCE = '2026年11月26日 中国福利彩票“3D”第2026318期开奖号码 / China Welfare Lottery 3D draw no. 2026318';
const VALUE = '3 7 5';

/** The fixture ceremony, sealed naming the source (typed with an ideographic space at the end, as IMEs do). */
const NAMING_SEAL = { ...SEAL, publicValueSource: `${SOURCE}\u3000` } as CeremonyCommand;
const enter = (value: string): CeremonyCommand => ({ type: 'ceremony:enter-public-value', value });

/** The fixture ceremony with the seal naming the source and `value` entered just before the first draw. */
function ceremonyWithValue(value: string): CeremonyCommand[] {
  const commands = fullCeremony().map((command) => (command.type === 'ceremony:seal' ? NAMING_SEAL : command));
  const firstDraw = commands.findIndex((command) => command.type === 'school:draw');
  return [...commands.slice(0, firstDraw), enter(value), ...commands.slice(firstDraw)];
}

const script = ceremonyWithValue(VALUE);
/** The state after the first `count` commands of `script`. */
const after = (count: number) => run(script.slice(0, count));
/** Where the value is entered: just before the first draw, which is `script[entry + 1]`. */
const entry = script.findIndex((command) => command.type === 'ceremony:enter-public-value');

function refusal(state: CeremonyState, command: CeremonyCommand) {
  const outcome = transition(state, command);
  if (outcome.ok) throw new Error(`${command.type} was accepted`);
  expect(outcome.refusal.zh).toMatch(HAN);
  expect(outcome.refusal.en).toMatch(/[a-z]/);
  return outcome.refusal;
}

/** The seed as an outside verifier computes it from docs/verification.md: HMAC-SHA256 over length-prefixed fields. */
function outsideSeed(state: CeremonyState, school: string, fields: readonly string[]): string {
  const record = state.schools.find((candidate) => candidate.name === school)!;
  const message = Buffer.concat(
    [fields[0]!, state.seal!.planHash, school, record.imported!.rosterHash, ...fields.slice(1)].map((field) => {
      const bytes = Buffer.from(field, 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32BE(bytes.length);
      return Buffer.concat([length, bytes]);
    }),
  );
  return createHmac('sha256', Buffer.from(state.seal!.secretHex, 'hex')).update(message).digest('hex');
}

describe('the text of a public value and its source', () => {
  it('is kept as typed, without the spaces at both ends and in Unicode NFC', () => {
    expect(normalizedPublicText('\u3000 3 7 5 \n')).toBe('3 7 5');
    // "é" typed as e + combining accent, and as one character, is one text: the same seed either way.
    expect(normalizedPublicText('Cafe\u0301')).toBe('Café');
    expect(normalizedPublicText('Cafe\u0301')).toBe(normalizedPublicText('Caf\u00e9'));
  });

  it.each([
    ['empty', ''],
    ['two lines', '3 7 5\n第2026318期'],
    ['with a tab', '3\t7'],
    ['too long', '福'.repeat(MAX_PUBLIC_TEXT + 1)],
  ])('refuses text that is %s, in Chinese and English', (_, text) => {
    for (const kind of ['source', 'value'] as const) {
      const problem = publicTextProblem(kind, text);
      expect(problem?.zh).toMatch(kind === 'source' ? /^外部公开随机值的来源应为一行/ : /^外部公开随机值应为一行/);
      expect(problem?.en).toContain(`1 to ${MAX_PUBLIC_TEXT} characters`);
    }
  });

  it('accepts one line of up to the limit, counted in characters', () => {
    expect(publicTextProblem('value', '福'.repeat(MAX_PUBLIC_TEXT))).toBeNull();
    expect(publicTextProblem('source', SOURCE)).toBeNull();
  });
});

describe('a public value named at the seal', () => {
  const closed = run(script);

  it('is recorded with the seal (trimmed), entered once, and in the events', () => {
    const sealed = transition(after(1), NAMING_SEAL);
    expect(sealed).toMatchObject({ ok: true, events: [{ type: 'ceremony:sealed', publicValueSource: SOURCE }] });
    expect(after(2).seal!.publicValue).toEqual({ source: SOURCE, value: null });
    expect(transition(after(entry), enter(`  ${VALUE} `))).toMatchObject({
      ok: true,
      events: [{ type: 'ceremony:public-value-entered', source: SOURCE, value: VALUE }],
    });
    expect(closed.phase).toBe('closed');
    expect(closed.seal!.publicValue).toEqual({ source: SOURCE, value: VALUE });
  });

  it('may be entered in any phase from the seal to the unsealing, before the first draw', () => {
    for (const count of [2, 3, 4, entry]) {
      const state = after(count);
      expect(transition(state, enter(VALUE)).ok, state.phase).toBe(true);
    }
    expect(new Set([2, 3, 4].map((count) => after(count).phase))).toEqual(new Set(['sealed', 'previewed', 'unsealed']));
  });

  it('goes into every seed, students and teachers, as two more fields under their own labels', () => {
    for (const school of DRAWN_SCHOOLS) {
      const record = closed.schools.find((candidate) => candidate.name === school)!;
      const contribution = record.draw!.contribution;
      expect(record.draw!.seedHex).toBe(
        outsideSeed(closed, school, ['sunshine-class-draw/seed/students+public-value/v1', contribution, SOURCE, VALUE]),
      );
      expect(record.teachers!.draw).toEqual({ kind: 'lottery', contribution });
    }
    const other = run(ceremonyWithValue('3 7 6'));
    expect(other.schools[0]!.draw!.seedHex).not.toBe(closed.schools[0]!.draw!.seedHex);
    expect(other.schools[1]!.draw!.classOf).not.toEqual(closed.schools[1]!.draw!.classOf);
    expect(other.schools[1]!.teachers!.teamOfClass).not.toEqual(closed.schools[1]!.teachers!.teamOfClass);
  });

  it('leaves the seeds of a ceremony without one exactly as they were', () => {
    const plain = run(fullCeremony());
    expect(plain.seal!.publicValue).toBeNull();
    for (const school of plain.schools.filter((candidate) => candidate.draw !== null)) {
      expect(school.draw!.seedHex).toBe(
        outsideSeed(plain, school.name, ['sunshine-class-draw/seed/students/v1', school.draw!.contribution]),
      );
    }
    expect(plain.schools[0]!.draw!.seedHex).not.toBe(closed.schools[0]!.draw!.seedHex);
  });

  const unsealedPlain = () => run(fullCeremony().slice(0, 6));
  const allSingleClass = () =>
    run([
      { type: 'plan:set', plan: { schools: [declared('北岭小学', 'primary', 1, 45)] } },
      NAMING_SEAL,
      { type: 'ceremony:preview' },
      { type: 'ceremony:unseal' },
    ]);
  it.each<[string, () => CeremonyState, CeremonyCommand, RefusalCode, string]>([
    ['a value before the seal', () => run([{ type: 'plan:set', plan: PLAN }]), enter(VALUE), 'wrong-phase', '尚不能'],
    ['a value no seal named', unsealedPlain, enter(VALUE), 'public-value-not-named', '封装时未指定'],
    [
      'a value entered twice, even the same',
      () => after(entry + 1),
      enter(VALUE),
      'public-value-already-entered',
      '不能更改',
    ],
    [
      'another value after the first draw',
      () => after(entry + 2),
      enter('1'),
      'public-value-already-entered',
      '“3 7 5”',
    ],
    ['a value after the close', () => closed, enter(VALUE), 'wrong-phase', '只能在“已封装”至“已拆封”阶段进行'],
    ['an empty value', () => after(entry), enter(' \u3000 '), 'bad-public-value', '收到 0 个字符'],
    ['a value of two lines', () => after(entry), enter('3 7 5\n3 7 6'), 'bad-public-value', '不含换行'],
    [
      'a blank source at the seal',
      () => after(1),
      { ...SEAL, publicValueSource: '  ' } as CeremonyCommand,
      'bad-public-value',
      '来源',
    ],
    ['a draw while the value is missing', () => after(entry), script[entry + 1]!, 'public-value-missing', '尚未录入'],
    [
      'the close of a ceremony without draws while the value is missing',
      allSingleClass,
      { type: 'ceremony:close' },
      'public-value-missing',
      SOURCE,
    ],
  ])('refuses %s, bilingually, changing nothing', (_, state, command, code, phrase) => {
    const before = state();
    const refused = refusal(before, command);
    expect(refused.code).toBe(code);
    expect(refused.zh).toContain(phrase);
  });

  it('lets a ceremony without draws close once the value is entered', () => {
    const entered = run([enter(VALUE)], allSingleClass());
    expect(transition(entered, { type: 'ceremony:close' }).ok).toBe(true);
  });

  it('draws once the value is entered, and never changes it afterwards', () => {
    expect(transition(after(entry + 1), script[entry + 1]!).ok).toBe(true);
    const drawnStates = script.slice(entry + 2).map((_, index) => after(entry + 2 + index));
    for (const state of drawnStates) expect(state.seal!.publicValue).toEqual({ source: SOURCE, value: VALUE });
  });
});
