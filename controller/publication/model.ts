/**
 * What the public result pages show, built from the ceremony state alone: class lists with masked names, the balance
 * the draw achieved and what anyone needs to re-check it. Pure and browser-safe; the controller's pages and the static
 * export render this same model (render.ts).
 */
import type { Check, Relaxation } from '../../engine/assign/index.ts';
import type { Stage } from '../../engine/ceremony/plan.ts';
import type { CeremonyState, PublicValue, SchoolRecord } from '../../engine/ceremony/state.ts';
import { maskName } from '../mask.ts';

/** Where a school stands for the public: lists appear only once the school is published. */
export type PublicStatus = 'single-class' | 'not-drawn' | 'awaiting-publication' | 'published';

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
  /** Masked names (张*涵), in zh-CN collation order. */
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

/**
 * Names are listed in zh-CN (pinyin) order of the masked name, so a parent scans for the surname; the draw's reveal
 * order looks random and the canonical order follows student numbers, which often embed the ID number.
 */
const collator = new Intl.Collator('zh-CN');

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
  const namesOf = report.classes.map((): string[] => []);
  roster.students.forEach((student, position) => namesOf[classOf[position]! - 1]!.push(maskName(student.name)));
  const classes = report.classes.map((summary, c): PublicClass => ({
    classNumber: summary.classNumber,
    size: summary.size,
    boys: summary.boys,
    girls: summary.girls,
    teacherTeam: school.teachers?.teamOfClass[c] ?? null,
    subjectMeans: summary.subjects.map((subject) => subject.mean),
    meanBirthDate: summary.meanBirthDate,
    students: namesOf[c]!.sort(collator.compare),
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
    },
  };
}

export function publicStatus(school: SchoolRecord): PublicStatus {
  switch (school.status) {
    case 'skipped':
      return 'single-class';
    case 'waiting':
    case 'imported':
      return 'not-drawn';
    case 'drawn':
      return 'awaiting-publication';
    case 'published':
    case 'teachers-drawn':
      return 'published';
  }
}
