/**
 * Reads a plan file (学校, 学段, 班级数, 班额上限, 学生数, 男生数, 女生数, 多胞胎数, optional 超额理由) — CSV in any
 * common encoding or .xlsx, through the roster reader's table layer — into the engine's plan, or says exactly which
 * file, row and column is wrong.
 */
import { PLAN_COLUMNS, validatePlan, type Plan, type PlanSchool, type Stage } from '../engine/ceremony/plan.ts';
import type { RefusalDetail } from '../engine/ceremony/state.ts';
import { normaliseHeader } from './contract/roster-file/columns.ts';
import { columnLabel } from './contract/roster-file/issue.ts';
import { readTable } from './contract/roster-file/table.ts';
import { halfWidth, tidyCell } from './contract/roster-file/values.ts';
import { readWorkbookSheet } from './contract/roster-file/workbook.ts';

type Field = keyof PlanSchool;

const ALIASES: Readonly<Record<Field, readonly string[]>> = {
  name: [PLAN_COLUMNS.name, '学校名称', 'school'],
  stage: [PLAN_COLUMNS.stage, 'stage'],
  classes: [PLAN_COLUMNS.classes, '班数', 'classes'],
  cap: [PLAN_COLUMNS.cap, '班额', 'cap'],
  students: [PLAN_COLUMNS.students, '人数', 'students'],
  boys: [PLAN_COLUMNS.boys, '男生', 'boys'],
  girls: [PLAN_COLUMNS.girls, '女生', 'girls'],
  multiples: [PLAN_COLUMNS.multiples, '多胞胎', 'multiples'],
  capOverrideReason: [PLAN_COLUMNS.capOverrideReason, 'capoverridereason'],
};
const OPTIONAL: ReadonlySet<Field> = new Set(['capOverrideReason']);
const NUMBERS = ['classes', 'cap', 'students', 'boys', 'girls', 'multiples'] as const;
const STAGES: ReadonlyMap<string, Stage> = new Map([
  ['小学', 'primary'],
  ['primary', 'primary'],
  ['初中', 'junior'],
  ['junior', 'junior'],
]);

export interface PlanReadResult {
  readonly plan: Plan | null;
  readonly problems: readonly RefusalDetail[];
}

export async function readPlanFile(fileName: string, bytes: Uint8Array): Promise<PlanReadResult> {
  const problem = (row: number | null, column: string | null, zh: string, en: string): RefusalDetail => ({
    file: fileName,
    row,
    column,
    zh,
    en,
  });
  const { table, issues } = await readTable(fileName, bytes, null, readWorkbookSheet);
  const errors = issues.filter((issue) => issue.severity === 'error');
  if (table === null || errors.length > 0) {
    return { plan: null, problems: errors.map((issue) => problem(issue.row, issue.column, issue.zh, issue.en)) };
  }
  const headerIndex = table.rows.findIndex((row) => row.some((cell) => cell.trim() !== ''));
  if (headerIndex < 0)
    return { plan: null, problems: [problem(null, null, '计划文件是空的', 'the plan file is empty')] };
  const header = table.rows[headerIndex] ?? [];
  const columnOf = new Map<Field, number>();
  header.forEach((cell, index) => {
    const field = (Object.keys(ALIASES) as Field[]).find((candidate) =>
      ALIASES[candidate].some((alias) => normaliseHeader(alias) === normaliseHeader(cell)),
    );
    if (field !== undefined) columnOf.set(field, index);
  });
  const missing = (Object.keys(ALIASES) as Field[]).filter((field) => !OPTIONAL.has(field) && !columnOf.has(field));
  if (missing.length > 0) {
    const names = missing.map((field) => PLAN_COLUMNS[field]).join('、');
    return {
      plan: null,
      problems: [problem(headerIndex + 1, null, `缺少列：${names}`, `missing column(s): ${names}`)],
    };
  }
  const label = (field: Field) => columnLabel(header[columnOf.get(field)!]!, columnOf.get(field)!);

  const problems: RefusalDetail[] = [];
  const schools: PlanSchool[] = [];
  const rowOfSchool: number[] = [];
  table.rows.forEach((cells, index) => {
    if (index <= headerIndex || cells.every((cell) => cell.trim() === '')) return;
    const row = index + 1;
    const cell = (field: Field) => tidyCell(cells[columnOf.get(field) ?? -1] ?? '');
    const stage = STAGES.get(normaliseHeader(cell('stage')));
    if (stage === undefined) {
      problems.push(
        problem(
          row,
          label('stage'),
          `学段应为“小学”或“初中”，收到“${cell('stage')}”`,
          `stage must be 小学 (primary) or 初中 (junior), got "${cell('stage')}"`,
        ),
      );
    }
    const numbers = Object.fromEntries(
      NUMBERS.map((field) => {
        const text = halfWidth(cell(field));
        if (!/^\d+$/.test(text)) {
          problems.push(problem(row, label(field), `应为整数，收到“${text}”`, `must be a whole number, got "${text}"`));
        }
        return [field, Number(text)];
      }),
    ) as Record<(typeof NUMBERS)[number], number>;
    const reason = cell('capOverrideReason');
    schools.push({
      name: cell('name'),
      stage: stage ?? 'primary',
      ...numbers,
      capOverrideReason: reason === '' ? null : reason,
    });
    rowOfSchool.push(row);
  });
  if (problems.length > 0) return { plan: null, problems };

  const plan = { schools };
  const invalid = validatePlan(plan).map((found) =>
    problem(
      found.school === null ? null : rowOfSchool[found.school]!,
      found.field === null || !columnOf.has(found.field) ? null : label(found.field),
      found.zh,
      found.en,
    ),
  );
  return invalid.length > 0 ? { plan: null, problems: invalid } : { plan, problems: [] };
}
