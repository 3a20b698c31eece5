/** Problems found while reading a roster file, located the way a spreadsheet user would find them. */

export type RosterIssueCode =
  // The file as a whole
  | 'legacy-xls'
  | 'unreadable-workbook'
  | 'not-a-workbook'
  | 'unknown-sheet'
  | 'ambiguous-sheet'
  | 'empty-sheet'
  | 'sheet-chosen'
  | 'hidden-sheet-ignored'
  | 'sheet-option-ignored'
  | 'unreadable-text'
  | 'unknown-encoding'
  | 'mixed-encoding'
  | 'truncated-text'
  | 'unusual-encoding'
  | 'extension-mismatch'
  | 'csv-syntax'
  | 'too-many-columns'
  | 'empty-file'
  | 'no-students'
  // Columns
  | 'rows-before-header'
  | 'missing-column'
  | 'duplicate-column'
  | 'unknown-score-column'
  | 'unknown-balance-column'
  | 'ignored-column'
  | 'unlikely-scores'
  | 'repeated-header'
  // Cells
  | 'imprecise-number'
  | 'uncached-formula'
  | 'formula-error'
  | 'text-too-long'
  | 'control-character'
  | 'cells-past-header'
  | 'whitespace'
  | 'missing-id'
  | 'duplicate-id'
  | 'missing-name'
  | 'invalid-gender'
  | 'invalid-id-card'
  | 'id-card-checksum'
  | 'id-card-birth-date'
  | 'duplicate-id-card'
  | 'id-card-gender-mismatch'
  | 'id-card-birth-date-mismatch'
  | 'invalid-birth-date'
  | 'invalid-score'
  | 'invalid-flag'
  | 'missing-score'
  | 'single-sibling'
  | 'single-apart-member';

export interface RosterIssue {
  readonly severity: 'error' | 'warning';
  readonly code: RosterIssueCode;
  /** 1-based row number as the spreadsheet shows it (header = row 1 in a plain file); null for the whole file. */
  readonly row: number | null;
  /** Header text and column letter, e.g. `姓名 (C)`; null when the issue is not about one column. */
  readonly column: string | null;
  /** Chinese message: what is wrong and, where useful, what to do. The location is in `row` and `column`. */
  readonly zh: string;
  readonly en: string;
}

/** Spreadsheet column letter for a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** A header shown in a location: long ones cut, so that a runaway header cell is not repeated in every message. */
const LABEL_LENGTH = 30;

export function columnLabel(header: string, index: number): string {
  const text = excerpt(header.trim(), LABEL_LENGTH);
  return text === '' ? `(${columnLetter(index)})` : `${text} (${columnLetter(index)})`;
}

/** At most `length` characters of `text`, "…" marking a cut; never splits a surrogate pair. */
export function excerpt(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = /[\ud800-\udbff]/.test(text.charAt(length - 1)) ? length - 1 : length;
  return `${text.slice(0, cut)}…`;
}

/** One line, Chinese then English: `第 12 行 身份证号 (E)：校验位错误 / row 12, column 身份证号 (E): …`. */
export function formatIssue(issue: RosterIssue): string {
  const { row, column } = issue;
  if (row !== null && column !== null) {
    return `第 ${row} 行 ${column}：${issue.zh} / row ${row}, column ${column}: ${issue.en}`;
  }
  if (row !== null) return `第 ${row} 行：${issue.zh} / row ${row}: ${issue.en}`;
  if (column !== null) return `${column} 列：${issue.zh} / column ${column}: ${issue.en}`;
  return `${issue.zh} / ${issue.en}`;
}
