/** Which column holds what: header aliases in Chinese and English, and which other columns are scores. */

import { MAX_NAME_LENGTH } from '../protocol.ts';
import { columnLabel, type RosterIssue } from './issue.ts';
import { parseScore, removeInvisible, tidyCell } from './values.ts';

export type RosterField =
  'id' | 'name' | 'gender' | 'idCard' | 'birthDate' | 'siblingGroup' | 'apartGroups' | 'sourceSchool';

const REQUIRED_FIELDS: readonly RosterField[] = ['id', 'name', 'gender'];

/** Header spellings, already normalised by `normaliseHeader`; the first one is what messages suggest. */
/**
 * Header spellings, already normalised by `normaliseHeader`; the first one is what messages suggest. Traditional
 * spellings too, for a file from a traditional-Chinese system (Big5).
 */
const FIELD_ALIASES: Readonly<Record<RosterField, readonly string[]>> = {
  id: ['学籍号', '全国学籍号', '学号', '编号', 'id', 'studentid', '學籍號', '全國學籍號', '學號', '編號'],
  name: ['姓名', '学生姓名', 'name', '學生姓名'],
  gender: ['性别', 'gender', 'sex', '性別'],
  idCard: [
    '身份证号',
    '身份证',
    '身份证号码',
    '公民身份号码',
    'idcard',
    '身份證號',
    '身份證',
    '身份證號碼',
    '公民身份號碼',
  ],
  birthDate: ['出生日期', '生日', 'birthdate', 'birthday'],
  siblingGroup: ['多胞胎组', '同胞组', '多胞胎', 'siblinggroup', '多胞胎組', '同胞組'],
  apartGroups: ['分开组', 'apartgroup', '分開組'],
  sourceSchool: ['毕业学校', '毕业小学', 'sourceschool', '畢業學校', '畢業小學'],
};

/** The row-number column (序号) means nothing once the rows are read. */
const ROW_NUMBER_ALIASES: readonly string[] = ['序号', 'no', 'no.', '#', '序號'];

/**
 * The longest text a cell of each field may hold. Generous for real data — a national student number has 19
 * characters, a Chinese name rarely 10, a transliterated one perhaps 40 — and short enough that a runaway cell (a
 * whole file pasted into one) is refused rather than printed on every class list.
 */
export const FIELD_MAX_LENGTH: Readonly<Record<RosterField, number>> = {
  id: 32,
  name: 64,
  gender: 16,
  idCard: 32,
  birthDate: 32,
  siblingGroup: 32,
  apartGroups: 200,
  sourceSchool: MAX_NAME_LENGTH,
};
/** A score or a yes/no cell: any longer text is no valid value, and is refused without being repeated. */
export const VALUE_MAX_LENGTH = 32;
/** A header may become a subject or a balance column, which the sealed rules name within the protocol's limit. */
export const HEADER_MAX_LENGTH = MAX_NAME_LENGTH;

const FIELD_BY_ALIAS: ReadonlyMap<string, RosterField> = new Map(
  Object.entries(FIELD_ALIASES).flatMap(([field, aliases]) => aliases.map((alias) => [alias, field as RosterField])),
);

/**
 * Case, width and spacing do not matter ("Student ID", "student_id", "ＩＤ"), nor a required-field star or a remark
 * in brackets, as templates often have ("*姓名", "出生日期（yyyy-mm-dd）").
 */
export function normaliseHeader(text: string): string {
  return removeInvisible(text)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_-]+/g, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/\([^)]*\)$/, '');
}

function fieldOf(header: string): RosterField | null {
  return FIELD_BY_ALIAS.get(normaliseHeader(header)) ?? null;
}

function isRowNumberHeader(header: string): boolean {
  return ROW_NUMBER_ALIASES.includes(normaliseHeader(header));
}

/** Far enough down for a page of instructions above the table, as some templates have. */
const HEADER_SEARCH_ROWS = 100;

/** The first row, of the first HEADER_SEARCH_ROWS, naming at least two known columns; -1 when there is none. */
function namedHeaderRow(rows: readonly (readonly string[])[]): number {
  return rows
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((row) => row.filter((cell) => fieldOf(cell) !== null || isRowNumberHeader(cell)).length >= 2);
}

/** Whether a sheet holds a roster: its header names at least two known columns. */
export function holdsRosterHeader(rows: readonly (readonly string[])[]): boolean {
  return namedHeaderRow(rows) !== -1;
}

/**
 * Index of the header row: the first row naming at least two known columns, so a title row above the table
 * ("2024 年新生名单") is skipped; failing that, the first non-empty row. Null for a file with no content at all.
 */
export function findHeaderRow(rows: readonly (readonly string[])[]): number | null {
  const named = namedHeaderRow(rows);
  if (named !== -1) return named;
  const firstNonEmpty = rows.findIndex((row) => !isBlankRow(row));
  return firstNonEmpty === -1 ? null : firstNonEmpty;
}

export interface CellPastHeader {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly text: string;
}

/**
 * In each row below the header, the first filled cell beyond the header's last cell. In a CSV file a row longer than
 * the header usually has its columns shifted (an unquoted comma in a cell); Excel itself writes every row as long as
 * the longest, so a column merely lacking a header is within the header's length.
 */
export function cellsPastHeader(rows: readonly (readonly string[])[], headerIndex: number): CellPastHeader[] {
  const width = (rows[headerIndex] ?? []).length;
  const found: CellPastHeader[] = [];
  rows.forEach((row, rowIndex) => {
    if (rowIndex <= headerIndex || row.length <= width) return;
    const columnIndex = row.findIndex((cell, index) => index >= width && tidyCell(cell) !== '');
    if (columnIndex !== -1) found.push({ rowIndex, columnIndex, text: tidyCell(row[columnIndex] ?? '') });
  });
  return found;
}

export function isBlankRow(row: readonly string[], ignoredColumns: readonly number[] = []): boolean {
  return row.every((cell, index) => ignoredColumns.includes(index) || tidyCell(cell) === '');
}

export interface ScoreColumn {
  readonly subject: string;
  readonly index: number;
}

export interface FlagColumn {
  readonly flag: string;
  readonly index: number;
}

/**
 * The yes/no columns named as balance columns (随班就读, 留守儿童 …), taken out of the other columns so they are
 * neither scores nor ignored. A name the file does not have is an error.
 */
export function chooseFlagColumns(
  header: readonly string[],
  headerRow: number,
  layout: ColumnLayout,
  flagNames: readonly string[],
): { flags: FlagColumn[]; layout: ColumnLayout; issues: RosterIssue[] } {
  const issues: RosterIssue[] = [];
  const chosen = namedColumns(header, headerRow, layout.otherColumns, flagNames, 'balance', issues);
  return {
    flags: chosen.map((index) => ({ flag: tidyCell(header[index] ?? ''), index })),
    layout: { ...layout, otherColumns: layout.otherColumns.filter((index) => !chosen.includes(index)) },
    issues,
  };
}

export interface ColumnLayout {
  /** Column index of each field, null when the file has no such column. */
  readonly fields: Readonly<Record<RosterField, number | null>>;
  readonly rowNumberColumns: readonly number[];
  /** Columns that are neither a field nor the row number, in file order. */
  readonly otherColumns: readonly number[];
}

/** Maps header cells to fields; missing required columns and a field named twice are errors. */
export function layoutColumns(
  header: readonly string[],
  headerRow: number,
): { layout: ColumnLayout; issues: RosterIssue[] } {
  const fields: Record<RosterField, number | null> = {
    id: null,
    name: null,
    gender: null,
    idCard: null,
    birthDate: null,
    siblingGroup: null,
    apartGroups: null,
    sourceSchool: null,
  };
  const rowNumberColumns: number[] = [];
  const otherColumns: number[] = [];
  const issues: RosterIssue[] = [];

  header.forEach((text, index) => {
    const field = fieldOf(text);
    if (field === null) {
      (isRowNumberHeader(text) ? rowNumberColumns : otherColumns).push(index);
      return;
    }
    const earlier = fields[field];
    if (earlier === null) {
      fields[field] = index;
      return;
    }
    const first = columnLabel(header[earlier] ?? '', earlier);
    const second = columnLabel(text, index);
    issues.push({
      severity: 'error',
      code: 'duplicate-column',
      row: headerRow,
      column: second,
      zh: `与 ${first} 列都表示“${FIELD_ALIASES[field][0]}”，无法确定用哪一列。请删除其中一列或改名。`,
      en: `both this column and ${first} mean "${FIELD_ALIASES[field][0]}"; delete or rename one of them.`,
    });
  });

  for (const field of REQUIRED_FIELDS) {
    if (fields[field] !== null) continue;
    const aliases = FIELD_ALIASES[field];
    issues.push({
      severity: 'error',
      code: 'missing-column',
      row: headerRow,
      column: null,
      zh: `表头缺少“${aliases[0]}”列（可写作：${aliases.join('、')}）。`,
      en: `the header has no "${aliases[0]}" column (any of: ${aliases.join(', ')}).`,
    });
  }
  return { layout: { fields, rowNumberColumns, otherColumns }, issues };
}

const LIKELY_SCORE_MAX = 1000;

/**
 * Chooses the score columns among the other columns: by default each one whose filled cells are mostly numbers (or
 * marked absent); `scoreNames` names them instead. Every other column is ignored, with a warning. `dataRowNumbers`
 * are the spreadsheet rows of `dataRows`, to say where a column without a header has content.
 */
export function chooseScoreColumns(
  header: readonly string[],
  headerRow: number,
  layout: ColumnLayout,
  dataRows: readonly (readonly string[])[],
  dataRowNumbers: readonly number[],
  scoreNames: readonly string[] | null,
): { scores: ScoreColumn[]; issues: RosterIssue[] } {
  const issues: RosterIssue[] = [];
  const candidates = layout.otherColumns.filter((index) => tidyCell(header[index] ?? '') !== '');
  const chosen =
    scoreNames === null
      ? candidates.filter((index) => isNumericColumn(dataRows, index))
      : namedColumns(header, headerRow, candidates, scoreNames, 'score', issues);

  for (const index of layout.otherColumns) {
    if (chosen.includes(index)) continue;
    const headerText = tidyCell(header[index] ?? '');
    const filledRows = dataRowNumbers.filter((_, position) => tidyCell(dataRows[position]?.[index] ?? '') !== '');
    if (headerText === '' && filledRows.length === 0) continue;
    issues.push({
      severity: 'warning',
      code: 'ignored-column',
      row: null,
      column: columnLabel(headerText, index),
      ...ignoredColumnReason(headerText, filledRows, scoreNames !== null),
    });
  }

  const scores = chosen.map((index) => ({ subject: tidyCell(header[index] ?? ''), index }));
  if (scoreNames === null) issues.push(...unlikelyScoreWarnings(scores, dataRows));
  issues.push(...duplicateSubjectErrors(scores, headerRow));
  return { scores, issues };
}

const ROWS_SHOWN = 5;

function ignoredColumnReason(
  headerText: string,
  filledRows: readonly number[],
  scoresNamed: boolean,
): { zh: string; en: string } {
  if (headerText === '') {
    const shown = filledRows.slice(0, ROWS_SHOWN);
    const more = filledRows.length > shown.length;
    return {
      zh: `该列没有表头，已忽略，其中第 ${shown.join('、')} 行${more ? '等' : ''}有内容。如果这些内容有用，请补上表头。`,
      en: `this column has no header and is ignored; content in ${filledRows.length === 1 ? 'row' : 'rows'} ${shown.join(', ')}${more ? ' …' : ''}. Give it a header if that content matters.`,
    };
  }
  if (filledRows.length === 0) return { zh: '该列没有数据，已忽略。', en: 'this column is empty and is ignored.' };
  if (scoresNamed) return { zh: '不在指定的成绩列中，已忽略。', en: 'not among the score columns given, ignored.' };
  return {
    zh: '不是可识别的列，内容也大多不是数字（不能当成绩），已忽略。',
    en: 'not a known column and mostly not numbers (so not a score), ignored.',
  };
}

/**
 * Mostly numbers: a score column with a few typos ("8o") stays a score column, so the typos are reported as errors
 * instead of the whole subject silently dropping out of the balance.
 */
function isNumericColumn(dataRows: readonly (readonly string[])[], index: number): boolean {
  let numbers = 0;
  let others = 0;
  for (const row of dataRows) {
    const kind = parseScore(tidyCell(row[index] ?? '')).kind;
    if (kind === 'number') numbers += 1;
    if (kind === 'invalid') others += 1;
  }
  return numbers > others;
}

function namedColumns(
  header: readonly string[],
  headerRow: number,
  candidates: readonly number[],
  names: readonly string[],
  kind: 'score' | 'balance',
  issues: RosterIssue[],
): number[] {
  const chosen: number[] = [];
  for (const name of names) {
    const index = candidates.find((candidate) => normaliseHeader(header[candidate] ?? '') === normaliseHeader(name));
    if (index !== undefined) {
      if (!chosen.includes(index)) chosen.push(index);
      continue;
    }
    const available = candidates.map((candidate) => tidyCell(header[candidate] ?? ''));
    const none = { zh: '（无）', en: '(none)' };
    issues.push({
      severity: 'error',
      row: headerRow,
      column: null,
      ...(kind === 'score'
        ? {
            code: 'unknown-score-column',
            zh: `指定的成绩列“${name}”不存在。可作成绩的列：${available.join('、') || none.zh}。`,
            en: `there is no score column "${name}"; columns that can hold scores: ${available.join(', ') || none.en}.`,
          }
        : {
            code: 'unknown-balance-column',
            zh: `指定的平衡列“${name}”不存在。名单中其他的列：${available.join('、') || none.zh}。`,
            en: `there is no balance column "${name}"; the roster's other columns: ${available.join(', ') || none.en}.`,
          }),
    });
  }
  return chosen.sort((a, b) => a - b);
}

/** A "score" column of phone numbers or student numbers would silently wreck the balancing. */
function unlikelyScoreWarnings(
  scores: readonly ScoreColumn[],
  dataRows: readonly (readonly string[])[],
): RosterIssue[] {
  return scores
    .filter(({ index }) =>
      dataRows.some((row) => {
        const cell = parseScore(tidyCell(row[index] ?? ''));
        return cell.kind === 'number' && (cell.value < 0 || cell.value > LIKELY_SCORE_MAX);
      }),
    )
    .map(({ subject, index }): RosterIssue => ({
      severity: 'warning',
      code: 'unlikely-scores',
      row: null,
      column: columnLabel(subject, index),
      zh: `该列大多是数字，已当作成绩列，但有小于 0 或大于 ${LIKELY_SCORE_MAX} 的值，不像成绩。如果不是成绩，请用成绩列选项指定成绩列。`,
      en: `mostly numbers, so read as scores, but some values are below 0 or above ${LIKELY_SCORE_MAX}; if it is not a score, name the score columns explicitly.`,
    }));
}

function duplicateSubjectErrors(scores: readonly ScoreColumn[], headerRow: number): RosterIssue[] {
  return scores
    .filter((score, position) => scores.findIndex((other) => other.subject === score.subject) !== position)
    .map(({ subject, index }): RosterIssue => ({
      severity: 'error',
      code: 'duplicate-column',
      row: headerRow,
      column: columnLabel(subject, index),
      zh: `成绩列“${subject}”出现了不止一次。请删除重复的列或改名。`,
      en: `the score column "${subject}" appears more than once; delete or rename the duplicate.`,
    }));
}
