/** From a grid of cells to a validated roster, with every problem located by row and column. */

import { parseIdCard } from '../../../engine/idcard.ts';
import type { Gender, Roster, Student } from '../../../engine/roster.ts';
import {
  cellsPastHeader,
  chooseFlagColumns,
  chooseScoreColumns,
  FIELD_MAX_LENGTH,
  findHeaderRow,
  HEADER_MAX_LENGTH,
  isBlankRow,
  layoutColumns,
  normaliseHeader,
  VALUE_MAX_LENGTH,
  type ColumnLayout,
  type FlagColumn,
  type RosterField,
  type ScoreColumn,
} from './columns.ts';
import { columnLabel, type RosterIssue } from './issue.ts';
import * as messages from './messages.ts';
import type { IssueText, SeenAt, WhitespaceFix } from './messages.ts';
import type { Table } from './table.ts';
import {
  groupLabel,
  halfWidth,
  parseBirthDate,
  parseFlag,
  parseGender,
  parseScore,
  splitGroups,
  tidyCell,
} from './values.ts';
import type { CellProblemKind } from './table.ts';

export interface RosterValidation {
  /** Null whenever there is an error; warnings alone leave a usable roster. */
  readonly roster: Roster | null;
  readonly issues: readonly RosterIssue[];
}

/**
 * `scoreNames` names the score columns; null means every other mostly-numeric column. `flagNames` names the yes/no
 * columns read as groups to spread evenly.
 */
export function validateTable(
  table: Table,
  scoreNames: readonly string[] | null,
  flagNames: readonly string[] = [],
): RosterValidation {
  const { rows } = table;
  const headerIndex = findHeaderRow(rows);
  if (headerIndex === null) return { roster: null, issues: [{ ...messages.emptyFile, row: null, column: null }] };
  const headerRow = headerIndex + 1;
  const isWorkbook = table.source.format === 'xlsx';
  // In a workbook, cells right of the header are a column someone left without a header (a remark beside the
  // table): widened to them, the header gives them a column that is ignored with a warning saying where. In a CSV
  // file a row longer than the header is more likely shifted, and refused below.
  const header = isWorkbook ? widenedHeader(rows, headerIndex) : (rows[headerIndex] ?? []);
  const issues: RosterIssue[] = [];

  if (rows.slice(0, headerIndex).some((row) => !isBlankRow(row))) {
    issues.push({ ...messages.rowsBeforeHeader(headerRow), row: null, column: null });
  }
  issues.push(...headerTextIssues(header, headerRow));
  const { layout: fieldLayout, issues: layoutIssues } = layoutColumns(header, headerRow);
  issues.push(...layoutIssues);
  const { flags, layout, issues: flagIssues } = chooseFlagColumns(header, headerRow, fieldLayout, flagNames);
  issues.push(...flagIssues);
  // Shifted rows are worth naming only under a sound header.
  if (!isWorkbook && !hasError(issues)) issues.push(...shiftedRowIssues(rows, headerIndex, header));

  const repeatsHeader = headerRepetition(header, layout);
  const dataRowIndexes: number[] = [];
  rows.forEach((row, index) => {
    if (index <= headerIndex || isBlankRow(row, layout.rowNumberColumns)) return;
    if (repeatsHeader(row)) issues.push({ ...messages.repeatedHeader, row: index + 1, column: null });
    else dataRowIndexes.push(index);
  });
  if (dataRowIndexes.length === 0) issues.push({ ...messages.noStudents, row: headerRow, column: null });

  const dataRows = dataRowIndexes.map((index) => rows[index] ?? []);
  const dataRowNumbers = dataRowIndexes.map((index) => index + 1);
  const { scores, issues: scoreIssues } = chooseScoreColumns(
    header,
    headerRow,
    layout,
    dataRows,
    dataRowNumbers,
    scoreNames,
  );
  issues.push(...scoreIssues);
  // Without a sound header every row would repeat the same complaint.
  if (hasError(issues)) return { roster: null, issues };

  const reader = new StudentReader(table, { header, layout, scores, flags, scoresNamed: scoreNames !== null }, issues);
  const students = dataRowIndexes.flatMap((rowIndex) => reader.read(rowIndex) ?? []);
  reader.finish();
  const roster = hasError(issues)
    ? null
    : { subjects: scores.map((score) => score.subject), flags: flags.map((column) => column.flag), students };
  return { roster, issues };
}

function hasError(issues: readonly RosterIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}

/** The header row padded with empty headers as far right as any row below it reaches. */
function widenedHeader(rows: readonly (readonly string[])[], headerIndex: number): readonly string[] {
  const header = rows[headerIndex] ?? [];
  const width = rows.reduce((widest, row, index) => (index > headerIndex ? Math.max(widest, row.length) : widest), 0);
  return width <= header.length ? header : [...header, ...new Array<string>(width - header.length).fill('')];
}

/** Headers become subjects and balance columns: one too long or with a control character is refused. */
function headerTextIssues(header: readonly string[], headerRow: number): RosterIssue[] {
  return header.flatMap((raw, index): RosterIssue[] => {
    const text = tidyCell(raw);
    const problem = messages.textProblem(text, HEADER_MAX_LENGTH);
    return problem === null ? [] : [{ ...problem, row: headerRow, column: columnLabel(text, index) }];
  });
}

function shiftedRowIssues(
  rows: readonly (readonly string[])[],
  headerIndex: number,
  header: readonly string[],
): RosterIssue[] {
  const last = header.length - 1;
  const lastColumn = columnLabel(header[last] ?? '', last);
  return cellsPastHeader(rows, headerIndex).map(({ rowIndex, columnIndex, text }) => ({
    ...messages.cellsPastHeader(lastColumn, text),
    row: rowIndex + 1,
    column: columnLabel('', columnIndex),
  }));
}

/**
 * A row repeating the header's id and name headers: the header of a second roster pasted below the first. The id
 * cell is compared as it is first, so that a district file of 100,000 rows is not normalised twice over.
 */
function headerRepetition(header: readonly string[], layout: ColumnLayout): (row: readonly string[]) => boolean {
  const { id, name } = layout.fields;
  if (id === null || name === null) return () => false;
  const idHeader = tidyCell(header[id] ?? '');
  const nameHeader = normaliseHeader(header[name] ?? '');
  return (row) => tidyCell(row[id] ?? '') === idHeader && normaliseHeader(row[name] ?? '') === nameHeader;
}

interface Columns {
  readonly header: readonly string[];
  readonly layout: ColumnLayout;
  readonly scores: readonly ScoreColumn[];
  readonly flags: readonly FlagColumn[];
  readonly scoresNamed: boolean;
}

/** Excel has at most 16,384 columns, so this numbers every cell uniquely without building strings. */
function cellKey(rowIndex: number, column: number): number {
  return rowIndex * 16_384 + column;
}

/** Reads data rows one at a time, remembering what checks across rows (duplicates, groups, spacing) need. */
class StudentReader {
  private readonly cellProblems: ReadonlyMap<number, CellProblemKind>;
  /** The longest text each column read may hold. */
  private readonly maxLengths = new Map<number, number>();
  private readonly whitespaceFixes = new Map<number, WhitespaceFix[]>();
  private readonly seenIds = new Map<string, SeenAt>();
  private readonly seenIdCards = new Map<string, SeenAt>();
  private readonly siblingRows = new Map<string, number[]>();
  private readonly apartRows = new Map<string, number[]>();

  constructor(
    private readonly table: Table,
    private readonly columns: Columns,
    private readonly issues: RosterIssue[],
  ) {
    this.cellProblems = new Map(
      table.cellProblems.map((problem) => [cellKey(problem.rowIndex, problem.columnIndex), problem.kind]),
    );
    for (const { index } of [...columns.scores, ...columns.flags]) this.maxLengths.set(index, VALUE_MAX_LENGTH);
    for (const [field, index] of Object.entries(columns.layout.fields)) {
      if (index !== null) this.maxLengths.set(index, FIELD_MAX_LENGTH[field as RosterField]);
    }
  }

  /** The student on this row, or null when the row has an error that leaves no student to build. */
  read(rowIndex: number): Student | null {
    const { fields } = this.columns.layout;
    const row = rowIndex + 1;
    const id = this.cell(rowIndex, fields.id);
    const name = this.cell(rowIndex, fields.name);
    const genderText = this.cell(rowIndex, fields.gender);

    this.checkId(row, id, name ?? '');
    if (name === '') this.report(messages.missingName, row, fields.name);
    const gender = genderText === null ? null : this.gender(row, genderText);

    const fromIdCard = this.idCard(row, this.cell(rowIndex, fields.idCard), name ?? '', gender, genderText ?? '');
    const birthDate = this.birthDate(row, this.cell(rowIndex, fields.birthDate), fromIdCard?.birthDate ?? null);
    const siblingGroup = this.siblingGroup(row, this.cell(rowIndex, fields.siblingGroup));
    const apartGroups = this.apartGroups(row, this.cell(rowIndex, fields.apartGroups));
    const sourceSchool = this.cell(rowIndex, fields.sourceSchool) || null;
    const scores = this.columns.scores.map(({ index }) => this.score(row, index, this.cell(rowIndex, index)));
    const flags = this.columns.flags.map(({ index }) => this.flag(row, index, this.cell(rowIndex, index)));

    if (!id || !name || gender === null) return null;
    return {
      id,
      name,
      gender,
      birthDate: birthDate ?? fromIdCard?.birthDate ?? null,
      idCard: fromIdCard?.idCard ?? null,
      siblingGroup,
      apartGroups,
      sourceSchool,
      scores,
      flags,
    };
  }

  /** Reports what can only be judged once every row is read. */
  finish(): void {
    const { fields } = this.columns.layout;
    for (const [column, fixes] of this.whitespaceFixes) this.report(messages.whitespace(fixes), null, column);
    for (const [group, rows] of this.siblingRows) {
      if (rows.length === 1) this.report(messages.singleSibling(group), rows[0] ?? null, fields.siblingGroup);
    }
    for (const [group, rows] of this.apartRows) {
      if (rows.length === 1) this.report(messages.singleApartMember(group), rows[0] ?? null, fields.apartGroups);
    }
  }

  private report(text: IssueText, row: number | null, column: number | null): void {
    this.issues.push({ ...text, row, column: column === null ? null : this.label(column) });
  }

  private label(column: number): string {
    return columnLabel(this.columns.header[column] ?? '', column);
  }

  private fieldLabel(field: RosterField, fallback: string): string {
    const column = this.columns.layout.fields[field];
    return column === null ? fallback : this.label(column);
  }

  /** The tidied text of a cell; '' when the column is absent; null when the cell is unusable (already reported). */
  private cell(rowIndex: number, column: number | null): string | null {
    if (column === null) return '';
    const raw = this.table.rows[rowIndex]?.[column] ?? '';
    const problem = this.cellProblems.size === 0 ? undefined : this.cellProblems.get(cellKey(rowIndex, column));
    if (problem !== undefined) {
      this.report(messages.cellProblem(problem, raw), rowIndex + 1, column);
      return null;
    }
    const text = tidyCell(raw);
    const textProblem = messages.textProblem(text, this.maxLengths.get(column) ?? VALUE_MAX_LENGTH);
    if (textProblem !== null) {
      this.report(textProblem, rowIndex + 1, column);
      return null;
    }
    // A cell of nothing but spaces is simply empty; whatever that means is reported on its own.
    if (text !== raw && text !== '') {
      const fixes = this.whitespaceFixes.get(column) ?? [];
      fixes.push({ row: rowIndex + 1, before: raw, after: text });
      this.whitespaceFixes.set(column, fixes);
    }
    return text;
  }

  private checkId(row: number, id: string | null, name: string): void {
    const column = this.columns.layout.fields.id;
    if (id === '') this.report(messages.missingId, row, column);
    if (!id) return;
    const earlier = this.seenIds.get(id);
    if (earlier === undefined) this.seenIds.set(id, { row, name });
    else this.report(messages.duplicateId(id, earlier, name), row, column);
  }

  private gender(row: number, text: string): Gender | null {
    const gender = parseGender(text);
    if (gender === null) this.report(messages.invalidGender(text), row, this.columns.layout.fields.gender);
    return gender;
  }

  private idCard(
    row: number,
    text: string | null,
    name: string,
    gender: Gender | null,
    genderText: string,
  ): { idCard: string; birthDate: string } | null {
    if (text === null || text === '') return null;
    const column = this.columns.layout.fields.idCard;
    const parsed = parseIdCard(halfWidth(text));
    if (!parsed.ok) {
      this.report(messages.invalidIdCard(parsed.reason, text), row, column);
      return null;
    }
    const earlier = this.seenIdCards.get(parsed.idCard);
    if (earlier === undefined) this.seenIdCards.set(parsed.idCard, { row, name });
    else this.report(messages.duplicateIdCard(earlier), row, column);
    if (gender !== null && gender !== parsed.gender) {
      const genderColumn = this.fieldLabel('gender', '性别');
      this.report(messages.genderMismatch(parsed.gender, genderText, genderColumn), row, column);
    }
    return { idCard: parsed.idCard, birthDate: parsed.birthDate };
  }

  private birthDate(row: number, text: string | null, idCardBirthDate: string | null): string | null {
    if (text === null || text === '') return null;
    const column = this.columns.layout.fields.birthDate;
    const birthDate = parseBirthDate(text);
    if (birthDate === null) this.report(messages.invalidBirthDate(text), row, column);
    else if (idCardBirthDate !== null && birthDate !== idCardBirthDate) {
      const idCardColumn = this.fieldLabel('idCard', '身份证号');
      this.report(messages.birthDateMismatch(birthDate, idCardBirthDate, idCardColumn), row, column);
    }
    return birthDate;
  }

  private siblingGroup(row: number, text: string | null): string | null {
    const group = text === null ? null : groupLabel(text);
    if (group !== null) appendTo(this.siblingRows, group, row);
    return group;
  }

  private apartGroups(row: number, text: string | null): string[] {
    const groups = text === null ? [] : splitGroups(text);
    for (const group of groups) appendTo(this.apartRows, group, row);
    return groups;
  }

  private flag(row: number, column: number, text: string | null): boolean {
    const flag = parseFlag(text ?? '');
    if (flag === null) this.report(messages.invalidFlag(text ?? ''), row, column);
    return flag === true;
  }

  private score(row: number, column: number, text: string | null): number | null {
    if (text === null) return null;
    const score = parseScore(text);
    switch (score.kind) {
      case 'number':
        return score.value;
      case 'blank':
        return null;
      case 'absent':
        this.report(messages.absentScore(text), row, column);
        return null;
      case 'invalid':
        this.report(messages.invalidScore(text, this.columns.scoresNamed), row, column);
        return null;
    }
  }
}

function appendTo(map: Map<string, number[]>, key: string, value: number): void {
  const values = map.get(key);
  if (values === undefined) map.set(key, [value]);
  else values.push(value);
}
