/**
 * What may leave the ceremony on paper or in a file, and when: a school's lists once published, the seal certificate
 * once sealed, the final report once closed. Every printed document and every export asks here first, so they all
 * refuse the same way (CLI exit 3, HTTP 409); when a school counts as published and how its lists are ordered are the
 * engine's publication facts (engine/ceremony/publication.ts), which the result pages and the verifier share.
 */
import type { PlanSchool, Stage } from '../../engine/ceremony/plan.ts';
import { classLists, isPublished } from '../../engine/ceremony/publication.ts';
import type {
  CeremonyState,
  DrawRecord,
  ImportRecord,
  SealRecord,
  TeacherRecord,
} from '../../engine/ceremony/state.ts';
import type { Student } from '../../engine/roster.ts';

/** Why a document cannot be made (yet): `unknown` is a name that is not in the plan, `not-yet` a step not reached. */
export interface Unavailable {
  readonly reason: 'unknown' | 'not-yet';
  readonly zh: string;
  readonly en: string;
}

export interface ClassList {
  readonly classNumber: number;
  /** In the lists' order (`classLists` of the engine): zh-CN collation of the names, ties by student id. */
  readonly students: readonly Student[];
  readonly boys: number;
  readonly girls: number;
  /** The teacher team drawn for this class; null until the teams are drawn. */
  readonly team: number | null;
}

export interface PublishedSchool {
  readonly plan: PlanSchool;
  readonly imported: ImportRecord;
  readonly draw: DrawRecord;
  readonly teachers: TeacherRecord | null;
  readonly classes: readonly ClassList[];
}

/** The starting grade of each stage, as lists and the provincial platform name it. */
export const GRADE: Readonly<Record<Stage, { zh: string; en: string }>> = {
  primary: { zh: '一年级', en: 'grade 1' },
  junior: { zh: '七年级', en: 'grade 7' },
};

/** A school's result, once published; otherwise why not. */
export function publishedSchool(state: CeremonyState, name: string): PublishedSchool | Unavailable {
  const index = state.schools.findIndex((school) => school.name === name);
  const record = state.schools[index];
  if (record === undefined || state.plan === null) {
    return { reason: 'unknown', zh: `计划中没有学校“${name}”`, en: `no school "${name}" in the plan` };
  }
  const { imported, draw } = record;
  if (!isPublished(record) || imported === null || draw === null) {
    return {
      reason: 'not-yet',
      zh: `${name} 的分班结果尚未公示，公示后才能打印或导出`,
      en: `${name}'s classes are not published yet: they can be printed or exported once published`,
    };
  }
  const plan = state.plan.schools[index]!;
  return {
    plan,
    imported,
    draw,
    teachers: record.teachers,
    classes: countedClassLists(plan, imported, draw, record.teachers),
  };
}

/** Every published school, in the plan's order. */
export function publishedSchools(state: CeremonyState): PublishedSchool[] {
  return state.schools.flatMap((school) => {
    const published = publishedSchool(state, school.name);
    return 'reason' in published ? [] : [published];
  });
}

/** The lists with their counts and teacher teams. */
function countedClassLists(
  plan: PlanSchool,
  imported: ImportRecord,
  draw: DrawRecord,
  teachers: TeacherRecord | null,
): ClassList[] {
  return classLists(imported.roster.students, draw.classOf, plan.classes).map((students, index) => {
    const boys = students.filter((student) => student.gender === 'M').length;
    return {
      classNumber: index + 1,
      students,
      boys,
      girls: students.length - boys,
      team: teachers?.teamOfClass[index] ?? null,
    };
  });
}

export function sealOf(state: CeremonyState): SealRecord | Unavailable {
  return (
    state.seal ?? {
      reason: 'not-yet',
      zh: '尚未封装：封装后才能打印封装证书',
      en: 'not sealed yet: the seal certificate can be printed once sealed',
    }
  );
}

/** The closed ceremony's seal, secret included; before the close the secret must stay hidden. */
export function closedSeal(state: CeremonyState): SealRecord | Unavailable {
  if (state.phase === 'closed' && state.seal !== null) return state.seal;
  return {
    reason: 'not-yet',
    zh: '仪式尚未结束：结束时才公开密钥，之后才能打印总报告',
    en: 'the ceremony is not closed: the secret is revealed at the close, and the final report comes after it',
  };
}
