/**
 * Reads a plan file (学校, 学段, 班级数, 班额上限, 学生数, 男生数, 女生数, 多胞胎数, optional 超额理由) — CSV in any
 * common encoding or .xlsx, through the roster reader's table layer — into the engine's plan, or says exactly which
 * file, row and column is wrong. Texts and numbers are held to the limits the wire protocol puts on a plan, so a plan
 * read from a file is one the controller would take as a request too.
 */
import { PLAN_COLUMNS, validatePlan, type Plan, type PlanSchool, type Stage } from '../engine/ceremony/plan.ts';
import type { RefusalDetail } from '../engine/ceremony/state.ts';
import { MAX_COUNT, MAX_NAME_LENGTH, MAX_REASON_LENGTH } from './contract/protocol.ts';
import { cellsPastHeader, normaliseHeader, VALUE_MAX_LENGTH } from './contract/roster-file/columns.ts';
import { columnLabel, type RosterIssue } from './contract/roster-file/issue.ts';
import { cellsPastHeader as pastHeaderText, textProblem } from './contract/roster-file/messages.ts';
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
const FIELDS = Object.keys(ALIASES) as Field[];
const OPTIONAL: ReadonlySet<Field> = new Set(['capOverrideReason']);
const NUMBERS = ['classes', 'cap', 'students', 'boys', 'girls', 'multiples'] as const;
const MAX_LENGTH: Readonly<Record<Field, number>> = {
  name: MAX_NAME_LENGTH,
  stage: VALUE_MAX_LENGTH,
  classes: VALUE_MAX_LENGTH,
  cap: VALUE_MAX_LENGTH,
  students: VALUE_MAX_LENGTH,
  boys: VALUE_MAX_LENGTH,
  girls: VALUE_MAX_LENGTH,
  multiples: VALUE_MAX_LENGTH,
  capOverrideReason: MAX_REASON_LENGTH,
};
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

function fieldOf(header: string): Field | undefined {
  return FIELDS.find((field) => ALIASES[field].some((alias) => normaliseHeader(alias) === normaliseHeader(header)));
}

function headerIndexOf(rows: readonly (readonly string[])[]): number {
  return rows.findIndex((row) => row.some((cell) => tidyCell(cell) !== ''));
}

/** Whether a sheet holds a plan: its first row names at least two plan columns. */
function holdsPlanHeader(rows: readonly (readonly string[])[]): boolean {
  const header = rows[headerIndexOf(rows)] ?? [];
  return header.filter((cell) => fieldOf(cell) !== undefined).length >= 2;
}

export async function readPlanFile(fileName: string, bytes: Uint8Array): Promise<PlanReadResult> {
  const problem = (row: number | null, column: string | null, zh: string, en: string): RefusalDetail => ({
    file: fileName,
    row,
    column,
    zh,
    en,
  });
  const fromIssue = (issue: Pick<RosterIssue, 'zh' | 'en'>, row: number | null, column: string | null) =>
    problem(row, column, issue.zh, issue.en);
  const { table, issues } = await readTable(fileName, bytes, null, readWorkbookSheet, holdsPlanHeader);
  const errors = issues.filter((issue) => issue.severity === 'error');
  if (table === null || errors.length > 0) {
    return { plan: null, problems: errors.map((issue) => fromIssue(issue, issue.row, issue.column)) };
  }
  const headerIndex = headerIndexOf(table.rows);
  if (headerIndex < 0)
    return { plan: null, problems: [problem(null, null, '计划文件是空的', 'the plan file is empty')] };
  const header = table.rows[headerIndex] ?? [];
  const headerRow = headerIndex + 1;
  const problems: RefusalDetail[] = [];
  const columnOf = new Map<Field, number>();
  header.forEach((cell, index) => {
    const text = tidyCell(cell);
    const textIssue = textProblem(text, MAX_NAME_LENGTH);
    if (textIssue !== null) problems.push(fromIssue(textIssue, headerRow, columnLabel(text, index)));
    const field = fieldOf(text);
    if (field === undefined) return;
    const earlier = columnOf.get(field);
    if (earlier === undefined) {
      columnOf.set(field, index);
      return;
    }
    const first = columnLabel(header[earlier] ?? '', earlier);
    problems.push(
      problem(
        headerRow,
        columnLabel(text, index),
        `与 ${first} 列都表示“${PLAN_COLUMNS[field]}”，无法确定用哪一列。请删除其中一列`,
        `both this column and ${first} mean "${PLAN_COLUMNS[field]}"; delete one of them`,
      ),
    );
  });
  const missing = FIELDS.filter((field) => !OPTIONAL.has(field) && !columnOf.has(field));
  if (missing.length > 0) {
    const names = missing.map((field) => PLAN_COLUMNS[field]);
    const all = FIELDS.map((field) => PLAN_COLUMNS[field]);
    problems.push(
      problem(
        headerRow,
        null,
        `缺少列：${names.join('、')}。计划文件的表头应为：${all.join('、')}（超额理由可省略）`,
        `the header lacks the column(s) ${names.join(', ')}; a plan file's header is: ${all.join(', ')} (超额理由 optional)`,
      ),
    );
  }
  if (problems.length > 0) return { plan: null, problems };
  const label = (field: Field) => columnLabel(header[columnOf.get(field)!]!, columnOf.get(field)!);

  const lastColumn = columnLabel(header.at(-1) ?? '', header.length - 1);
  for (const { rowIndex, columnIndex, text } of cellsPastHeader(table.rows, headerIndex)) {
    problems.push(fromIssue(pastHeaderText(lastColumn, text), rowIndex + 1, columnLabel('', columnIndex)));
  }
  const schools: PlanSchool[] = [];
  const rowOfSchool: number[] = [];
  table.rows.forEach((cells, index) => {
    if (index <= headerIndex || cells.every((cell) => tidyCell(cell) === '')) return;
    const row = index + 1;
    const texts = new Map<Field, string>();
    for (const [field, column] of columnOf) {
      const text = tidyCell(cells[column] ?? '');
      const textIssue = textProblem(text, MAX_LENGTH[field]);
      if (textIssue === null) texts.set(field, text);
      else problems.push(fromIssue(textIssue, row, label(field)));
    }
    const cell = (field: Field) => texts.get(field) ?? '';
    const stage = STAGES.get(normaliseHeader(cell('stage')));
    if (stage === undefined && texts.has('stage')) {
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
        const value = Number(text);
        if (texts.has(field) && (!/^\d+$/.test(text) || value > MAX_COUNT)) {
          problems.push(
            problem(
              row,
              label(field),
              `应为 0 到 ${MAX_COUNT} 之间的整数，收到“${text}”`,
              `must be a whole number from 0 to ${MAX_COUNT}, got "${text}"`,
            ),
          );
        }
        return [field, value];
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
