/**
 * What clients may see of the ceremony state, in two views. The hall's (displays and consoles): names in full, as the
 * rules require the roster on screen. The public's: what the result pages show, masked names. Neither carries any
 * character of an ID number or a student number, not even a masked tail: they are the parent lookup's keys
 * (docs/decisions/011-parent-lookup-keys.md), and the hall's screen is filmed
 * (docs/decisions/018-no-id-characters-in-the-hall.md). Neither carries the passphrase hash, nor the seal's secret
 * before the close.
 */
import type { CeremonyEvent, CeremonyState, DrawRecord, ImportRecord, Reveal } from '../engine/ceremony/state.ts';
import type { SoundAlikePair } from '../engine/assign/index.ts';
import type { Student } from '../engine/roster.ts';
import { maskName } from './mask.ts';
import type { Role, SchoolView, Snapshot, StudentView, Update } from './contract/protocol.ts';

/** Who a snapshot is for: the hall (displays and consoles) or the public. */
export type Audience = 'hall' | 'public';

export const audienceOf = (role: Role): Audience => (role === 'public' ? 'public' : 'hall');

/** A school's students and draw as one audience sees them; the rest of a school is the same for everyone. */
interface StudentsSeen {
  readonly students: readonly StudentView[];
  readonly draw: DrawRecord | null;
}
type StudentsView = (imported: ImportRecord, draw: DrawRecord | null) => StudentsSeen;

export function toSnapshot(state: CeremonyState, audience: Audience): Snapshot {
  return snapshotOf(state, audience === 'hall' ? hallStudents : publicStudents);
}

/** An update for one audience: its snapshot, and the events with their student indices pointing into it. */
export function toUpdate(state: CeremonyState, events: readonly CeremonyEvent[], audience: Audience): Update {
  const snapshot = toSnapshot(state, audience);
  const revealOf = (school: string): readonly Reveal[] =>
    snapshot.schools.find((found) => found.name === school)?.draw?.reveal ?? [];
  return {
    revision: state.revision,
    events: events.map((event) =>
      event.type === 'school:drawn' ? { ...event, reveal: revealOf(event.school) } : event,
    ),
    snapshot,
  };
}

function snapshotOf(state: CeremonyState, studentsView: StudentsView): Snapshot {
  const schools = state.schools.map((school, index): SchoolView => {
    const plan = state.plan!.schools[index]!;
    const { imported, draw } = school;
    const seen = imported === null ? null : studentsView(imported, draw);
    return {
      name: school.name,
      stage: plan.stage,
      classes: plan.classes,
      cap: plan.cap,
      capOverrideReason: plan.capOverrideReason,
      declared: { students: plan.students, boys: plan.boys, girls: plan.girls, multiples: plan.multiples },
      status: school.status,
      roster:
        imported === null
          ? null
          : {
              fileName: imported.fileName,
              rosterHash: imported.rosterHash,
              mismatches: imported.mismatches,
              acceptedReason: imported.acceptedReason,
              students: seen!.students,
            },
      draw: seen?.draw ?? null,
      teachers: school.teachers,
    };
  });
  const { seal } = state;
  return {
    revision: state.revision,
    phase: state.phase,
    seal:
      seal === null
        ? null
        : {
            commitment: seal.commitment,
            planHash: seal.planHash,
            rules: seal.rules,
            buildHash: seal.buildHash,
            publicValue: seal.publicValue,
            // Revealed at the close and never before: until every school is drawn, the secret would let someone
            // foresee a draw from its contribution.
            ...(state.phase === 'closed' ? { secretHex: seal.secretHex } : {}),
          },
    schools,
  };
}

/**
 * The hall's view: full names, as the rules require the roster on screen, with gender, source school and sibling
 * groups; no character of any ID number or student number, and not the canonical order either (see `listedStudents`).
 * Namesakes are told apart by gender, source school and their row in the list.
 */
function hallStudents(imported: ImportRecord, draw: DrawRecord | null): StudentsSeen {
  return listedStudents(imported, draw, (student) => ({
    name: student.name,
    sourceSchool: student.sourceSchool,
    siblingGroup: student.siblingGroup,
  }));
}

/** The public's view: what the result pages show, masked names and nothing else but gender (see `listedStudents`). */
function publicStudents(imported: ImportRecord, draw: DrawRecord | null): StudentsSeen {
  return listedStudents(imported, draw, (student) => ({
    name: maskName(student.name),
    sourceSchool: null,
    siblingGroup: null,
  }));
}

/** What an audience sees of a student besides gender. */
type Shown = Pick<StudentView, 'name' | 'sourceSchool' | 'siblingGroup'>;

/**
 * Students as an audience sees them. Neither view keeps the canonical order: it follows the student numbers, which
 * usually embed the ID number (region, then birth date), and the verification bundle publishes each rank's birth date
 * when a roster has no scores (docs/publication.md §5), so a name shown at its rank would give its birth date away.
 * Students are listed instead by the name shown in zh-CN order, then gender, then source school, then the draw's
 * reveal order (drawn from the seed): students that order cannot separate look the same before the draw. Each is
 * named by their row in that list (`1`, `2` …); the draw's indices and the report's pairs are carried over to the
 * rows, the pairs in row order too, since the engine lists them in canonical order.
 */
function listedStudents(
  imported: ImportRecord,
  draw: DrawRecord | null,
  show: (student: Student) => Shown,
): StudentsSeen {
  const { students } = imported.roster;
  const shown = students.map(show);
  const revealRank = new Map(draw?.reveal.map((reveal, rank) => [reveal.student, rank]));
  const rows = students
    .map((_, position) => position)
    .sort(
      (a, b) =>
        collator.compare(shown[a]!.name, shown[b]!.name) ||
        students[a]!.gender.localeCompare(students[b]!.gender) ||
        collator.compare(shown[a]!.sourceSchool ?? '', shown[b]!.sourceSchool ?? '') ||
        (revealRank.get(a) ?? 0) - (revealRank.get(b) ?? 0),
    );
  const rowOf = new Map(rows.map((position, row) => [position, row]));
  const rowOfId = new Map(students.map((student, position) => [student.id, rowOf.get(position)!]));
  const pairInRows = (pair: SoundAlikePair) => {
    const [a, b] = [rowOfId.get(pair.a)!, rowOfId.get(pair.b)!];
    return a < b
      ? { a, b, classA: pair.classA, classB: pair.classB }
      : { a: b, b: a, classA: pair.classB, classB: pair.classA };
  };
  return {
    students: rows.map((position, row) => ({
      id: rowName(row),
      ...shown[position]!,
      gender: students[position]!.gender,
    })),
    draw:
      draw === null
        ? null
        : {
            ...withPairs(
              draw,
              draw.report.soundAlikePairs
                .map(pairInRows)
                .sort((x, y) => x.a - y.a || x.b - y.b)
                .map((pair) => ({ ...pair, a: rowName(pair.a), b: rowName(pair.b) })),
            ),
            classOf: rows.map((position) => draw.classOf[position]!),
            reveal: draw.reveal.map((reveal) => ({ ...reveal, student: rowOf.get(reveal.student)! })),
          },
  };
}

const collator = new Intl.Collator('zh-CN');
const rowName = (row: number) => String(row + 1);

/** The draw with these same-sounding pairs in its report (they name students by id: each view names them its way). */
function withPairs(draw: DrawRecord, soundAlikePairs: readonly SoundAlikePair[]): DrawRecord {
  return { ...draw, report: { ...draw.report, soundAlikePairs } };
}
