import { describe, expect, it } from 'vitest';
import type { CeremonyState } from '../engine/ceremony/state.ts';
import { transition } from '../engine/ceremony/transition.ts';
import { ceremonyWithIdNumbers, run } from '../test/support/ceremony-fixtures.ts';
import { ceremonySecrets, lookupSecretLeaks } from '../test/support/lookup-secrets.ts';
import type { SchoolView, StudentView } from './contract/protocol.ts';
import { maskName } from './mask.ts';
import { toSnapshot, toUpdate, type Audience } from './snapshot.ts';

const WEST = '西山中学';
const EAST = '东湖小学';
const COMMANDS = ceremonyWithIdNumbers();
const CLOSED = run(COMMANDS);
const IMPORTED = run(
  COMMANDS.slice(
    0,
    COMMANDS.findIndex((command) => command.type === 'school:draw'),
  ),
);

const everyStudent = (state: CeremonyState) =>
  state.schools.flatMap((school) => school.imported?.roster.students ?? []);
const KEYS = 'gender,id,name,siblingGroup,sourceSchool';
const schoolOf = (snapshot: { schools: readonly SchoolView[] }, name: string) =>
  snapshot.schools.find((school) => school.name === name)!;

describe.each<[Audience, (name: string) => string]>([
  ['hall', (name) => name],
  ['public', maskName],
])('the %s snapshot', (audience, shownName) => {
  it('carries no piece of any ID number or student number, short school numbers included', () => {
    expect(everyStudent(CLOSED).some((student) => student.idCard !== null)).toBe(true);
    expect(everyStudent(CLOSED).some((student) => student.id.length <= 8)).toBe(true);
    for (const state of [IMPORTED, CLOSED]) {
      expect(lookupSecretLeaks(JSON.stringify(toSnapshot(state, audience)), ceremonySecrets(state))).toEqual([]);
    }
  });

  it('names each student by a row of a list in name order, never by the canonical (student number) order', () => {
    for (const state of [IMPORTED, CLOSED]) {
      for (const school of toSnapshot(state, audience).schools.filter((found) => found.roster !== null)) {
        const students = school.roster!.students;
        expect(students.map((student) => student.id)).toEqual(students.map((_, row) => String(row + 1)));
        const names = students.map((student) => student.name);
        expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN').compare));
        const truth = state.schools.find((found) => found.name === school.name)!.imported!.roster.students;
        expect(names).not.toEqual(truth.map((student) => shownName(student.name)));
      }
    }
  });

  it('keeps the draw true to the ceremony: each class, the reveal order and the pairs name the same students', () => {
    const hall = toSnapshot(CLOSED, 'hall');
    const seen = toSnapshot(CLOSED, audience);
    for (const name of [EAST, WEST]) {
      const truth = CLOSED.schools.find((school) => school.name === name)!;
      const { students } = truth.imported!.roster;
      const { draw, roster } = schoolOf(seen, name);
      const byClass = (entries: [string, number][]) => entries.map(([student, c]) => `${c}:${student}`).sort();
      expect(byClass(roster!.students.map((student, row) => [student.name, draw!.classOf[row]!]))).toEqual(
        byClass(students.map((student, position) => [shownName(student.name), truth.draw!.classOf[position]!])),
      );
      expect(draw!.reveal.map((reveal) => [roster!.students[reveal.student]!.name, reveal.classNumber])).toEqual(
        truth.draw!.reveal.map((reveal) => [shownName(students[reveal.student]!.name), reveal.classNumber]),
      );
      // The pairs, in row order: each the same two masked names, in the same classes.
      const rowOf = (id: string) => roster!.students[Number(id) - 1]!;
      const studentOf = (id: string) => students.find((student) => student.id === id)!;
      const pairs = draw!.report.soundAlikePairs;
      const seenPairs = pairs.map((pair) => [
        `${rowOf(pair.a).name}/${pair.classA}`,
        `${rowOf(pair.b).name}/${pair.classB}`,
      ]);
      const truePairs = truth.draw!.report.soundAlikePairs.map((pair) => [
        `${shownName(studentOf(pair.a).name)}/${pair.classA}`,
        `${shownName(studentOf(pair.b).name)}/${pair.classB}`,
      ]);
      const unordered = (list: string[][]) => list.map((pair) => [...pair].sort().join(' ')).sort();
      expect(unordered(seenPairs)).toEqual(unordered(truePairs));
      expect(pairs.map((pair) => [Number(pair.a), Number(pair.b)])).toEqual(
        pairs.map((pair) => [Number(pair.a), Number(pair.b)]).sort(([a1, b1], [a2, b2]) => a1! - a2! || b1! - b2!),
      );
      expect(pairs.every((pair) => Number(pair.a) < Number(pair.b))).toBe(true);
      // Everything else of the school is what the hall sees.
      const withoutStudents = (school: SchoolView) => ({
        ...school,
        roster: { ...school.roster!, students: [] },
        draw: { ...school.draw!, classOf: [], reveal: [], report: { ...school.draw!.report, soundAlikePairs: [] } },
      });
      expect(withoutStudents(schoolOf(seen, name))).toEqual(withoutStudents(schoolOf(hall, name)));
    }
    expect(CLOSED.schools.flatMap((school) => school.draw?.report.soundAlikePairs ?? []).length).toBeGreaterThan(0);
  });
  it('gives its clients draw events whose reveal points into their own list', () => {
    const before = run(
      COMMANDS.slice(
        0,
        COMMANDS.findIndex((command) => command.type === 'school:draw'),
      ),
    );
    const outcome = transition(before, { type: 'school:draw', school: WEST, contribution: '271828' });
    if (!outcome.ok) throw new Error(outcome.refusal.en);
    const drawn = outcome.events.find((event) => event.type === 'school:drawn')!;
    const seen = toUpdate(outcome.state, outcome.events, audience);
    const reveal = schoolOf(seen.snapshot, WEST).draw!.reveal;
    expect(reveal).not.toEqual(drawn.reveal);
    expect(seen.events.find((event) => event.type === 'school:drawn')).toEqual({ ...drawn, reveal });
    expect(seen.snapshot).toEqual(toSnapshot(outcome.state, audience));
    expect(seen.revision).toBe(outcome.state.revision);
  });
});

describe('the public snapshot', () => {
  it('carries no sibling groups nor source schools', () => {
    const students = toSnapshot(CLOSED, 'public').schools.flatMap((school) => school.roster?.students ?? []);
    expect(students.every((student) => student.siblingGroup === null && student.sourceSchool === null)).toBe(true);
  });
});

describe('the hall snapshot', () => {
  it('shows names in full with gender, source school and sibling group, and nothing else of a student', () => {
    const truth = CLOSED.schools.find((school) => school.name === WEST)!.imported!.roster.students;
    const shown = (student: Pick<StudentView, 'name' | 'gender' | 'sourceSchool' | 'siblingGroup'>) =>
      [student.name, student.gender, student.sourceSchool, student.siblingGroup].join('/');
    const students = schoolOf(toSnapshot(CLOSED, 'hall'), WEST).roster!.students;
    expect(students.map(shown).sort()).toEqual(truth.map(shown).sort());
    expect(students.every((student) => Object.keys(student).sort().join() === KEYS)).toBe(true);
    expect(students.some((student) => student.sourceSchool !== null && student.siblingGroup !== null)).toBe(true);
  });

  it('reveals the secret only once the ceremony is closed', () => {
    expect(toSnapshot(CLOSED, 'public').seal!.secretHex).toBe(CLOSED.seal!.secretHex);
    expect(toSnapshot(IMPORTED, 'public').seal!.secretHex).toBeUndefined();
    expect(toSnapshot(IMPORTED, 'hall').seal!.secretHex).toBeUndefined();
  });
});
