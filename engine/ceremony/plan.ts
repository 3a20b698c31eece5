/** The sealed plan: which schools take part, their classes and caps, and the figures each school declared in advance. */
import type { Roster } from '../roster.ts';

export type Stage = 'primary' | 'junior';

/** Per-class caps set by the rules: primary ≤ 45, junior ≤ 50; above these only with a logged reason. */
export const STANDARD_CAP: Readonly<Record<Stage, number>> = { primary: 45, junior: 50 };
/** Classes over 56 are forbidden outright, whatever the reason. */
export const ABSOLUTE_CAP = 56;

export const STAGE_NAME: Readonly<Record<Stage, { zh: string; en: string }>> = {
  primary: { zh: '小学', en: 'primary' },
  junior: { zh: '初中', en: 'junior' },
};

/** What a school declared before the ceremony; the imported roster is compared against these. */
export interface DeclaredFigures {
  readonly students: number;
  readonly boys: number;
  readonly girls: number;
  /** Students who belong to a multiple-birth group (多胞胎). */
  readonly multiples: number;
}

/** The same figures counted in an imported roster, as the import compares them (a console shows them before). */
export function rosterFigures(roster: Roster): DeclaredFigures {
  const boys = roster.students.filter((student) => student.gender === 'M').length;
  return {
    students: roster.students.length,
    boys,
    girls: roster.students.length - boys,
    multiples: roster.students.filter((student) => student.siblingGroup !== null).length,
  };
}

export interface PlanSchool extends DeclaredFigures {
  readonly name: string;
  readonly stage: Stage;
  readonly classes: number;
  readonly cap: number;
  /** Why the cap exceeds the standard one; null when it does not. */
  readonly capOverrideReason: string | null;
}

export interface Plan {
  readonly schools: readonly PlanSchool[];
}

/** The plan file's column headers, also used to say which field a problem is in. */
export const PLAN_COLUMNS = {
  name: '学校',
  stage: '学段',
  classes: '班级数',
  cap: '班额上限',
  students: '学生数',
  boys: '男生数',
  girls: '女生数',
  multiples: '多胞胎数',
  capOverrideReason: '超额理由',
} as const satisfies Record<keyof PlanSchool, string>;

export interface PlanProblem {
  /** Index of the school in `plan.schools`; null for the plan as a whole. */
  readonly school: number | null;
  readonly field: keyof PlanSchool | null;
  readonly zh: string;
  readonly en: string;
}

/** Every reason the plan cannot be sealed; empty when it can. */
export function validatePlan(plan: Plan): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (plan.schools.length === 0) {
    problems.push({ school: null, field: null, zh: '计划中没有学校', en: 'the plan has no schools' });
  }
  const seen = new Set<string>();
  plan.schools.forEach((school, index) => {
    const problem = (field: keyof PlanSchool, zh: string, en: string) =>
      problems.push({ school: index, field, zh: `${school.name}：${zh}`, en: `${school.name}: ${en}` });
    if (school.name.trim() === '' || school.name !== school.name.trim()) {
      problem('name', '学校名称为空或首尾有空格', 'the school name is empty or has spaces around it');
    } else if (seen.has(school.name)) {
      problem('name', '学校名称重复', 'the school appears twice');
    }
    seen.add(school.name);
    for (const field of ['classes', 'cap'] as const) {
      if (!Number.isInteger(school[field]) || school[field] < 1) {
        problem(field, `${PLAN_COLUMNS[field]}应为正整数`, `${field} must be a positive whole number`);
      }
    }
    for (const field of ['students', 'boys', 'girls', 'multiples'] as const) {
      if (!Number.isInteger(school[field]) || school[field] < 0) {
        problem(field, `${PLAN_COLUMNS[field]}应为非负整数`, `${field} must be a whole number ≥ 0`);
      }
    }
    if (school.boys + school.girls !== school.students) {
      problem(
        'students',
        `男生数 ${school.boys} + 女生数 ${school.girls} ≠ 学生数 ${school.students}`,
        `boys ${school.boys} + girls ${school.girls} ≠ students ${school.students}`,
      );
    }
    if (school.multiples > school.students) {
      problem('multiples', '多胞胎数大于学生数', 'more multiple-birth students than students');
    }
    if (school.cap * school.classes < school.students) {
      problem(
        'cap',
        `${school.classes} 个班 × 班额 ${school.cap} 容纳不下 ${school.students} 名学生`,
        `${school.classes} classes × cap ${school.cap} cannot hold ${school.students} students`,
      );
    }
    if (school.classes > 1 && school.students < school.classes) {
      problem('classes', '学生数少于班级数', 'fewer students than classes');
    }
    const standard = STANDARD_CAP[school.stage];
    if (school.cap > ABSOLUTE_CAP) {
      problem('cap', `班额不得超过 ${ABSOLUTE_CAP} 人`, `no class may exceed ${ABSOLUTE_CAP} students`);
    } else if (school.cap > standard && (school.capOverrideReason ?? '').trim() === '') {
      const stage = STAGE_NAME[school.stage];
      problem(
        'capOverrideReason',
        `${stage.zh}班额上限为 ${standard}，超过须写明理由`,
        `the ${stage.en} cap is ${standard}; a higher cap needs a reason`,
      );
    }
  });
  return problems;
}
