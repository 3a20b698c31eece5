/**
 * What the public result pages show, built from the ceremony state alone: class lists with masked names, the balance
 * the draw achieved and what anyone needs to re-check it. Pure and browser-safe; the controller's pages and the static
 * export render this same model (render.ts).
 */
import type { Check, Relaxation } from '../../engine/assign/index.ts';
import type { Stage } from '../../engine/ceremony/plan.ts';
import { classLists, publicStatus, resultFingerprint, type PublicStatus } from '../../engine/ceremony/publication.ts';
import type { CeremonyState, PublicValue, SchoolRecord } from '../../engine/ceremony/state.ts';
import { maskName } from '../mask.ts';

export interface PublicClass {
  readonly classNumber: number;
  readonly size: number;
  readonly boys: number;
  readonly girls: number;
  /** The teacher team drawn for this class; null until the teacher draw. */
  readonly teacherTeam: number | null;
  /** One entry per `PublishedResult.subjects`: the class mean, null when no student of the class has that score. */
  readonly subjectMeans: readonly (number | null)[];
  readonly meanBirthDate: string | null;
  /** Masked names (张*涵), in the lists' order (zh-CN collation) of the masked names. */
  readonly students: readonly string[];
}

export interface PublishedResult {
  readonly subjects: readonly string[];
  readonly classes: readonly PublicClass[];
  /** Largest minus smallest class mean, per subject. */
  readonly subjectMeanRanges: readonly number[];
  /** Days between the earliest and latest class mean birth date: the age balance. */
  readonly birthDateMeanRangeDays: number | null;
  readonly checks: readonly Check[];
  /** Rules the data did not allow to hold exactly, and how far they were met instead. */
  readonly relaxations: readonly Relaxation[];
  readonly contribution: string;
  readonly seedHex: string;
  /** As printed under the school's lists and recomputed by `sunshine verify`. */
  readonly resultFingerprint: string;
}

export interface PublicSchool {
  readonly name: string;
  readonly stage: Stage;
  readonly classCount: number;
  readonly status: PublicStatus;
  /** Null until the school is published. */
  readonly result: PublishedResult | null;
}

/** What anyone needs to check the ceremony: the seal's commitment and, from the close, the secret it commits to. */
export interface PublicVerification {
  readonly commitment: string | null;
  readonly publicValue: PublicValue | null;
  readonly secretHex: string | null;
}

export interface PublicCeremony {
  readonly schools: readonly PublicSchool[];
  readonly verification: PublicVerification;
}

export function publicCeremony(state: CeremonyState): PublicCeremony {
  const { seal } = state;
  return {
    schools: state.schools.map((school, index) => publicSchool(state, school, index)),
    verification: {
      commitment: seal?.commitment ?? null,
      publicValue: seal?.publicValue ?? null,
      // The state holds the secret from the seal on; the public learns it only at the close.
      secretHex: state.phase === 'closed' ? seal!.secretHex : null,
    },
  };
}

function publicSchool(state: CeremonyState, school: SchoolRecord, index: number): PublicSchool {
  const plan = state.plan!.schools[index]!;
  const base = { name: school.name, stage: plan.stage, classCount: plan.classes };
  const status = publicStatus(school);
  if (status !== 'published') return { ...base, status, result: null };
  const { roster } = school.imported!;
  const { classOf, report, relaxations, contribution, seedHex } = school.draw!;
  // The lists' order applied to the masked names, so a parent scans for the surname; the draw's reveal order looks
  // random and the canonical order follows student numbers, which often embed the ID number. Sorting the full names
  // instead would tell something of the hidden characters.
  const masked = roster.students.map((student) => ({ name: maskName(student.name), id: student.id }));
  const namesOf = classLists(masked, classOf, report.classes.length);
  const classes = report.classes.map((summary, c): PublicClass => ({
    classNumber: summary.classNumber,
    size: summary.size,
    boys: summary.boys,
    girls: summary.girls,
    teacherTeam: school.teachers?.teamOfClass[c] ?? null,
    subjectMeans: summary.subjects.map((subject) => subject.mean),
    meanBirthDate: summary.meanBirthDate,
    students: namesOf[c]!.map((student) => student.name),
  }));
  return {
    ...base,
    status,
    result: {
      subjects: roster.subjects,
      classes,
      subjectMeanRanges: report.subjects.map((subject) => subject.meanRange),
      birthDateMeanRangeDays: report.birthDateMeanRangeDays,
      checks: report.checks,
      relaxations,
      contribution,
      seedHex,
      resultFingerprint: resultFingerprint(classOf),
    },
  };
}
