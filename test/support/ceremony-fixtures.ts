/** A small district for ceremony tests: two schools that need a draw and one single-class school. */
import { DEFAULT_OPTIONS } from '../../engine/assign/index.ts';
import type { Plan, PlanSchool } from '../../engine/ceremony/plan.ts';
import type { CeremonyCommand, CeremonyState } from '../../engine/ceremony/state.ts';
import { INITIAL_STATE } from '../../engine/ceremony/state.ts';
import { transition } from '../../engine/ceremony/transition.ts';
import { idCardCheckCharacter } from '../../engine/idcard.ts';
import type { Roster } from '../../engine/roster.ts';
import { syntheticRoster } from './synthetic-roster.ts';

export const ROSTERS: Readonly<Record<string, Roster>> = {
  东湖小学: syntheticRoster({ students: 23, withScores: false, label: 'ceremony/east' }),
  西山中学: syntheticRoster({ students: 31, withScores: true, label: 'ceremony/west' }),
  北岭小学: syntheticRoster({ students: 12, withScores: false, label: 'ceremony/north' }),
};

/** A plan school whose declared figures match its roster exactly. */
export function declared(name: string, stage: PlanSchool['stage'], classes: number, cap: number): PlanSchool {
  const roster = ROSTERS[name]!;
  const boys = roster.students.filter((student) => student.gender === 'M').length;
  return {
    name,
    stage,
    classes,
    cap,
    students: roster.students.length,
    boys,
    girls: roster.students.length - boys,
    multiples: roster.students.filter((student) => student.siblingGroup !== null).length,
    capOverrideReason: null,
  };
}

export const PLAN: Plan = {
  schools: [
    declared('东湖小学', 'primary', 3, 45),
    declared('西山中学', 'junior', 4, 50),
    declared('北岭小学', 'primary', 1, 45),
  ],
};

export const SEAL: CeremonyCommand = {
  type: 'ceremony:seal',
  secretHex: 'ab'.repeat(32),
  rules: DEFAULT_OPTIONS,
  buildHash: 'cd'.repeat(32),
  operatorKey: 'scrypt$test',
};

export const DRAWN_SCHOOLS = ['东湖小学', '西山中学'] as const;

/** The whole ceremony, in order, for the plan above. */
export function fullCeremony(contribution = '271828'): CeremonyCommand[] {
  const each = (command: (school: string) => CeremonyCommand) => DRAWN_SCHOOLS.map(command);
  return [
    { type: 'plan:set', plan: PLAN },
    SEAL,
    { type: 'ceremony:preview' },
    { type: 'ceremony:unseal' },
    ...each((school) => ({
      type: 'school:import',
      school,
      fileName: `${school}.csv`,
      roster: ROSTERS[school]!,
      acceptMismatchReason: null,
    })),
    ...each((school) => ({ type: 'school:draw', school, contribution })),
    ...each((school) => ({ type: 'school:publish', school })),
    ...each((school) => ({ type: 'school:teachers', school, draw: { kind: 'lottery', contribution } })),
    { type: 'ceremony:close' },
  ];
}

/**
 * The fixture's junior roster with real-looking ID numbers, and 学籍号 = G + ID number, as 全国学籍号 are; its second
 * student renamed to sound like its first (张雨彤, 章雨桐), so the report has a pair to name.
 */
export function withIdNumbers(roster: Roster): Roster {
  return {
    ...roster,
    students: roster.students.map((student, index) => {
      const parity = student.gender === 'M' ? 1 : 0;
      const first17 = `361102${student.birthDate!.replaceAll('-', '')}${String(index * 2 + parity).padStart(3, '0')}`;
      const idCard = first17 + idCardCheckCharacter(first17);
      return { ...student, id: `G${idCard}`, idCard, name: index === 1 ? '章雨桐' : student.name };
    }),
  };
}

/**
 * The whole ceremony with the junior school's ID numbers (`withIdNumbers`; the primary school keeps its short school
 * numbers), same-sounding names kept apart so the report lists pairs of students by id: every place that must show
 * no piece of a lookup key has both kinds of number to hide.
 */
export function ceremonyWithIdNumbers(): CeremonyCommand[] {
  return fullCeremony().map((command) => {
    if (command.type === 'ceremony:seal') return { ...command, rules: { ...command.rules, names: 'sound' } };
    if (command.type === 'school:import' && command.school === '西山中学') {
      return { ...command, roster: withIdNumbers(ROSTERS['西山中学']!) };
    }
    return command;
  });
}

/** Applies commands that must all be accepted. */
export function run(commands: readonly CeremonyCommand[], from: CeremonyState = INITIAL_STATE): CeremonyState {
  return commands.reduce((state, command) => {
    const outcome = transition(state, command);
    if (!outcome.ok) throw new Error(`${command.type} refused: ${outcome.refusal.en}`);
    return outcome.state;
  }, from);
}
