/** CSV and other delimited text, in whichever dialect Excel or a school system wrote it. */

import Papa from 'papaparse';
import type { RosterIssue } from './issue.ts';

/** Parses delimited text; the delimiter (comma, semicolon, tab, |) is detected by papaparse. */
export function parseCsv(text: string): { rows: string[][]; issues: RosterIssue[] } {
  // Empty lines are kept so that row numbers stay the ones a spreadsheet shows.
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const badRows = new Set(
    parsed.errors.filter((error) => error.type === 'Quotes').map((error) => (error.row ?? 0) + 1),
  );
  const issues = [...badRows].map((row): RosterIssue => ({
    severity: 'error',
    code: 'csv-syntax',
    row,
    column: null,
    zh: '引号不配对，从这一行起无法可靠地分列。请用 Excel 打开核对后重新另存为 CSV。',
    en: 'unbalanced quotes; the columns cannot be split reliably from this row on. Open the file in Excel, check it and save it as CSV again.',
  }));
  return { rows: parsed.data, issues };
}
