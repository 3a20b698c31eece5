import { describe, expect, it } from 'vitest';
import {
  DRAWN_SCHOOLS,
  PLAN,
  ROSTERS,
  SEAL,
  declared,
  fullCeremony,
  run,
} from '../../test/support/ceremony-fixtures.ts';
import { INITIAL_STATE, type CeremonyCommand, type CeremonyState, type RefusalCode } from './state.ts';
import { transition } from './transition.ts';

const commands = fullCeremony();
const states = commands.reduce<CeremonyState[]>(
  (list, command) => [...list, run([command], list.at(-1))],
  [INITIAL_STATE],
);
const closed = states.at(-1)!;
const HAN = /[\u4e00-\u9fff]/;

function refusal(state: CeremonyState, command: CeremonyCommand) {
  const outcome = transition(state, command);
  if (outcome.ok) throw new Error(`${command.type} was accepted`);
  expect(outcome.refusal.zh).toMatch(HAN);
  expect(outcome.refusal.en).toMatch(/[a-z]/);
  return outcome.refusal;
}

describe('the ceremony state machine', () => {
  it('runs the whole ceremony in the official order and skips single-class schools', () => {
    expect(closed.phase).toBe('closed');
    expect(closed.revision).toBe(commands.length);
    expect(closed.schools.map((school) => school.status)).toEqual(['teachers-drawn', 'teachers-drawn', 'skipped']);
    for (const [index, name] of DRAWN_SCHOOLS.entries()) {
      const school = closed.schools[index]!;
      const classes = PLAN.schools[index]!.classes;
      expect(school.name).toBe(name);
      expect(new Set(school.draw!.classOf)).toEqual(new Set(Array.from({ length: classes }, (_, c) => c + 1)));
      expect([...school.teachers!.teamOfClass].sort()).toEqual(Array.from({ length: classes }, (_, c) => c + 1));
      expect(school.draw!.report.checks.every((check) => check.ok)).toBe(true);
    }
  });

  it('reveals every student exactly once, into the class the draw gave them', () => {
    for (const school of closed.schools.filter((found) => found.draw !== null)) {
      const { reveal, classOf } = school.draw!;
      expect(reveal.map((step) => step.student).sort((a, b) => a - b)).toEqual(classOf.map((_, index) => index));
      for (const step of reveal) expect(step.classNumber).toBe(classOf[step.student]);
      // The reveal order comes from the seed, not from the roster order.
      expect(reveal.map((step) => step.student)).not.toEqual(classOf.map((_, index) => index));
    }
  });

  it('is deterministic: the same commands rebuild the same state, results included', () => {
    expect(run(commands)).toEqual(closed);
  });

  it('draws from the canonical roster: the file order of the students does not matter', () => {
    const reordered = commands.map((command) =>
      command.type === 'school:import'
        ? { ...command, roster: { ...command.roster, students: [...command.roster.students].reverse() } }
        : command,
    );
    expect(run(reordered)).toEqual(closed);
  });

  it('reveals the secret at the close', () => {
    expect(transition(states.at(-2)!, commands.at(-1)!)).toMatchObject({
      ok: true,
      events: [{ type: 'ceremony:closed', secretHex: SEAL.type === 'ceremony:seal' ? SEAL.secretHex : '?' }],
    });
  });

  it('draws from dice as from digits: the typed text enters the seed as is', () => {
    const dice = run(fullCeremony('3-6-1-4-2-5'));
    expect(dice.schools[0]!.draw!.contribution).toBe('3-6-1-4-2-5');
    expect(dice.schools[0]!.draw!.seedHex).not.toBe(closed.schools[0]!.draw!.seedHex);
  });

  it('gives another result for another public contribution', () => {
    const other = run(fullCeremony('1'));
    expect(other.schools[0]!.draw!.seedHex).not.toBe(closed.schools[0]!.draw!.seedHex);
    expect(other.schools[1]!.draw!.classOf).not.toEqual(closed.schools[1]!.draw!.classOf);
  });

  it('draws by the rules frozen at the seal', () => {
    const apart = run(
      fullCeremony().map((command) =>
        command.type === 'ceremony:seal' ? { ...command, rules: { ...command.rules, siblings: 'apart' } } : command,
      ),
    );
    const classesOfSiblings = (state: CeremonyState) => {
      const school = state.schools[1]!;
      const students = school.imported!.roster.students;
      return students.flatMap((student, index) => (student.siblingGroup === null ? [] : [school.draw!.classOf[index]]));
    };
    expect(closed.seal!.rules).toEqual(SEAL.type === 'ceremony:seal' ? SEAL.rules : null);
    expect(new Set(classesOfSiblings(closed)).size).toBe(1);
    expect(new Set(classesOfSiblings(apart)).size).toBe(2);
  });

  it('emits public events only: no secret before the close, no operator key, no ID numbers', () => {
    const events = JSON.stringify(
      commands.slice(0, -1).flatMap((command, index) => {
        const outcome = transition(states[index]!, command);
        return outcome.ok ? outcome.events : [];
      }),
    );
    expect(events).toContain('school:drawn');
    expect(events).not.toContain(SEAL.type === 'ceremony:seal' ? SEAL.secretHex : '?');
    expect(events).not.toContain('scrypt$');
    for (const roster of Object.values(ROSTERS)) {
      for (const student of roster.students) if (student.idCard !== null) expect(events).not.toContain(student.idCard);
    }
  });

  it('refuses every command repeated at any later point, leaving the state as it was', () => {
    const expected: Partial<Record<CeremonyCommand['type'], RefusalCode[]>> = {
      'school:import': ['already-imported', 'wrong-phase'],
      'school:draw': ['already-drawn', 'wrong-phase'],
      'school:publish': ['already-published', 'wrong-phase'],
      'school:teachers': ['already-teachers', 'wrong-phase'],
    };
    let checked = 0;
    states.forEach((state, i) => {
      commands.slice(0, i).forEach((command) => {
        // Before the seal the plan may be set again: that is editing it, not repeating a step.
        if (command.type === 'plan:set' && state.phase === 'planning') return;
        const refused = refusal(state, command);
        expect(expected[command.type] ?? ['wrong-phase']).toContain(refused.code);
        checked++;
      });
    });
    expect(checked).toBeGreaterThan(80);
  });

  const at = (step: number) => states[step]!;
  const [east] = DRAWN_SCHOOLS;
  it.each<[string, () => CeremonyState, CeremonyCommand, RefusalCode]>([
    ['seal without a plan', () => INITIAL_STATE, SEAL, 'no-plan'],
    ['preview before the seal', () => at(1), { type: 'ceremony:preview' }, 'wrong-phase'],
    ['unseal before the preview', () => at(2), { type: 'ceremony:unseal' }, 'wrong-phase'],
    ['import before unsealing', () => at(3), commands[4]!, 'wrong-phase'],
    [
      'draw before any step',
      () => INITIAL_STATE,
      { type: 'school:draw', school: east, contribution: '1' },
      'wrong-phase',
    ],
    ['draw before the import', () => at(4), { type: 'school:draw', school: east, contribution: '1' }, 'not-imported'],
    ['publish before the draw', () => at(6), { type: 'school:publish', school: east }, 'not-drawn'],
    [
      'teacher teams before publishing',
      () => at(8),
      { type: 'school:teachers', school: east, draw: { kind: 'lottery', contribution: '1' } },
      'not-published',
    ],
    ['close before every school is done', () => at(11), { type: 'ceremony:close' }, 'schools-unfinished'],
    ['a new plan after the seal', () => at(2), { type: 'plan:set', plan: PLAN }, 'wrong-phase'],
    [
      'a draw for a single-class school',
      () => at(6),
      { type: 'school:draw', school: '北岭小学', contribution: '1' },
      'school-skipped',
    ],
    [
      'a draw for an unknown school',
      () => at(6),
      { type: 'school:draw', school: '不存在', contribution: '1' },
      'unknown-school',
    ],
    [
      'letters as the public input',
      () => at(6),
      { type: 'school:draw', school: east, contribution: '12a' },
      'bad-contribution',
    ],
    ['an empty public input', () => at(6), { type: 'school:draw', school: east, contribution: '' }, 'bad-contribution'],
    [
      'teams that are not a permutation',
      () => at(10),
      { type: 'school:teachers', school: east, draw: { kind: 'envelopes', teamOfClass: [1, 1, 2] } },
      'bad-teams',
    ],
    ['a malformed seal', () => at(1), { ...SEAL, secretHex: 'xyz' } as CeremonyCommand, 'bad-seal'],
    ['anything after closing', () => closed, { type: 'ceremony:preview' }, 'wrong-phase'],
  ])('refuses %s', (_, state, command, code) => {
    const before = state();
    expect(refusal(before, command).code).toBe(code);
  });

  it('records teacher teams from the envelope lottery when given as a permutation', () => {
    const state = run(
      [{ type: 'school:teachers', school: east, draw: { kind: 'envelopes', teamOfClass: [3, 1, 2] } }],
      at(10),
    );
    expect(state.schools[0]!.teachers!.teamOfClass).toEqual([3, 1, 2]);
  });

  it('refuses an invalid plan with every problem, by school and column', () => {
    const plan = {
      schools: [{ ...declared('东湖小学', 'primary', 3, 46) }, { ...declared('西山中学', 'junior', 1, 20) }],
    };
    const refused = refusal(INITIAL_STATE, { type: 'plan:set', plan });
    expect(refused.code).toBe('plan-invalid');
    expect(refused.details.map((detail) => detail.column)).toEqual(['超额理由', '班额上限']);
    expect(refused.details[0]!.zh).toContain('东湖小学');
  });
});

describe('importing a roster that disagrees with the sealed figures', () => {
  const unsealed = states[4]!;
  const roster = ROSTERS['东湖小学']!;
  const withGirls = (extra: number) => ({
    ...roster,
    students: [
      ...roster.students,
      ...Array.from({ length: extra }, (_, index) => ({
        ...roster.students[0]!,
        id: `EXTRA-${index}`,
        name: `新同学${index}`,
        gender: 'F' as const,
        siblingGroup: null,
      })),
    ],
  });
  const command = (reason: string | null, extra = 1): CeremonyCommand => ({
    type: 'school:import',
    school: '东湖小学',
    fileName: '东湖小学.csv',
    roster: withGirls(extra),
    acceptMismatchReason: reason,
  });

  it('shows every difference and refuses without a reason', () => {
    for (const reason of [null, '   ']) {
      const refused = refusal(unsealed, command(reason));
      expect(refused.code).toBe('import-mismatch');
      expect(refused.details.map((detail) => detail.zh)).toEqual([
        `学生数：申报 ${roster.students.length}，名单 ${roster.students.length + 1}`,
        expect.stringMatching(/^女生数：申报 \d+，名单 \d+$/),
      ]);
    }
  });

  it('imports when the operator accepts with a reason, which stays in the state and the event', () => {
    const outcome = transition(unsealed, command('一名学生补录 / one late enrolment'));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const school = outcome.state.schools[0]!;
    expect(school.imported!.acceptedReason).toBe('一名学生补录 / one late enrolment');
    expect(school.imported!.mismatches.map((mismatch) => mismatch.figure)).toEqual(['students', 'girls']);
    expect(outcome.events[0]).toMatchObject({
      type: 'school:imported',
      acceptedReason: '一名学生补录 / one late enrolment',
    });
  });

  it('refuses a roster the classes cannot hold, even with a reason', () => {
    const tight = run([
      { type: 'plan:set', plan: { schools: [declared('东湖小学', 'primary', 3, 8)] } },
      SEAL,
      { type: 'ceremony:preview' },
      { type: 'ceremony:unseal' },
    ]);
    expect(refusal(tight, command('补录', 2)).code).toBe('over-capacity');
    expect(transition(tight, command('补录', 1)).ok).toBe(true);
  });
});
