/**
 * Where the ceremony is and what may be done next, derived from the controller's snapshot alone, so a reload or a
 * controller restart lands on the same screen. Pure functions: unit-tested in test/console-ceremony.test.ts.
 */
import type { SchoolView, Snapshot } from '../../../controller/contract/protocol.ts';
import type { SchoolStatus } from '../../../engine/ceremony/state.ts';
import type { DeclaredFigures } from '../../../engine/ceremony/plan.ts';

/** The official order (CEREMONY.md). Import belongs to the unseal step: the notary unseals, then rosters come in. */
export const STEPS = ['plan', 'seal', 'preview', 'unseal', 'draw', 'publish', 'teachers', 'close'] as const;
export type Step = (typeof STEPS)[number];

export const STEP_NAME: Readonly<Record<Step, { zh: string; en: string }>> = {
  plan: { zh: '分班计划', en: 'Plan' },
  seal: { zh: '封装', en: 'Seal' },
  preview: { zh: '预览', en: 'Preview' },
  unseal: { zh: '拆封与导入', en: 'Unseal and import' },
  draw: { zh: '分班', en: 'Draw' },
  publish: { zh: '公示', en: 'Publish' },
  teachers: { zh: '教师团队', en: 'Teacher teams' },
  close: { zh: '结束', en: 'Close' },
};

/** What a school needs next; each command moves a school exactly one step on. */
export type SchoolAction = 'import' | 'draw' | 'publish' | 'teachers';

const NEXT_ACTION: Readonly<Record<SchoolStatus, SchoolAction | null>> = {
  skipped: null,
  waiting: 'import',
  imported: 'draw',
  drawn: 'publish',
  published: 'teachers',
  'teachers-drawn': null,
};

export const STEP_OF_ACTION: Readonly<Record<SchoolAction, Step>> = {
  import: 'unseal',
  draw: 'draw',
  publish: 'publish',
  teachers: 'teachers',
};

const ACTION_ORDER: readonly SchoolAction[] = ['import', 'draw', 'publish', 'teachers'];

export function nextAction(school: SchoolView): SchoolAction | null {
  return NEXT_ACTION[school.status];
}

/** Schools with more than one class: the only ones that go through import, draw, publish and teachers. */
export function drawnSchools(snapshot: Snapshot): SchoolView[] {
  return snapshot.schools.filter((school) => school.status !== 'skipped');
}

/** The step the ceremony is at now; null once it is closed. */
export function currentStep(snapshot: Snapshot): Step | null {
  switch (snapshot.phase) {
    case 'planning':
      return snapshot.schools.length === 0 ? 'plan' : 'seal';
    case 'sealed':
      return 'preview';
    case 'previewed':
      return 'unseal';
    case 'unsealed': {
      const behind = leastAdvancedAction(snapshot);
      return behind === null ? 'close' : STEP_OF_ACTION[behind];
    }
    case 'closed':
      return null;
  }
}

function leastAdvancedAction(snapshot: Snapshot): SchoolAction | null {
  const pending = drawnSchools(snapshot).flatMap((school) => nextAction(school) ?? []);
  return ACTION_ORDER.find((action) => pending.includes(action)) ?? null;
}

export type StepState = 'done' | 'current' | 'todo';

export function stepState(snapshot: Snapshot, step: Step): StepState {
  const current = currentStep(snapshot);
  if (current === null) return 'done';
  const here = STEPS.indexOf(current);
  const index = STEPS.indexOf(step);
  return index < here ? 'done' : index === here ? 'current' : 'todo';
}

/** For the per-school steps: how many schools have passed it, out of how many need it. */
export function stepProgress(snapshot: Snapshot, step: Step): { done: number; total: number } | null {
  const action = ACTION_ORDER.find((candidate) => STEP_OF_ACTION[candidate] === step);
  if (action === undefined || snapshot.phase === 'planning') return null;
  const schools = drawnSchools(snapshot);
  const passed = schools.filter((school) => {
    const next = nextAction(school);
    return next === null || ACTION_ORDER.indexOf(next) > ACTION_ORDER.indexOf(action);
  });
  return { done: passed.length, total: schools.length };
}

/**
 * The school the operator should turn to: one drawn but not yet published first (a list is shown as soon as it comes
 * out), otherwise the first school, in plan order, among those furthest behind. Null when none needs anything.
 */
export function focusSchool(snapshot: Snapshot): SchoolView | null {
  if (snapshot.phase !== 'unsealed') return null;
  const schools = drawnSchools(snapshot);
  const unpublished = schools.find((school) => school.status === 'drawn');
  if (unpublished !== undefined) return unpublished;
  const behind = leastAdvancedAction(snapshot);
  if (behind === null) return null;
  return schools.find((school) => nextAction(school) === behind) ?? null;
}

/** A school's figures: declared in the plan, or counted in its roster. */
export type Figures = DeclaredFigures;

export const FIGURE_NAME: Readonly<Record<keyof Figures, { zh: string; en: string }>> = {
  students: { zh: '学生数', en: 'Students' },
  boys: { zh: '男生', en: 'Boys' },
  girls: { zh: '女生', en: 'Girls' },
  multiples: { zh: '多胞胎', en: 'Multiples' },
};

export interface FigureComparison {
  readonly figure: keyof Figures;
  readonly declared: number;
  readonly actual: number;
}

/** Each figure the school declared before the seal beside the one counted in the roster file. */
export function compareFigures(declared: Figures, actual: Figures): FigureComparison[] {
  return (Object.keys(FIGURE_NAME) as (keyof Figures)[]).map((figure) => ({
    figure,
    declared: declared[figure],
    actual: actual[figure],
  }));
}
