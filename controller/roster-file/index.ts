/** Reads a roster file (CSV in any common encoding, or .xlsx) into the shared Roster model, reporting every problem. */

import type { Roster } from '../../engine/roster.ts';
import type { RosterIssue } from './issue.ts';
import { readTable, type TableSource } from './table.ts';
import { validateTable } from './validate.ts';

export { formatIssue, type RosterIssue, type RosterIssueCode } from './issue.ts';
export type { TableSource } from './table.ts';

export interface RosterReadOptions {
  /** Worksheet of an .xlsx to read; the first sheet when absent. */
  readonly sheet?: string;
  /** Header names of the score columns; by default every other column holding only numbers. */
  readonly scores?: readonly string[];
  /** Header names of yes/no columns to read as groups spread evenly over the classes (随班就读, 留守儿童 …). */
  readonly flags?: readonly string[];
}

export interface RosterReadResult {
  /** Null whenever any issue is an error. */
  readonly roster: Roster | null;
  /** Errors and warnings, file and header problems first, then by row. */
  readonly issues: readonly RosterIssue[];
  /** How the file was read (format, encoding or sheet); null when it could not be read as a table. */
  readonly source: TableSource | null;
}

export async function readRosterFile(
  fileName: string,
  bytes: Uint8Array,
  options: RosterReadOptions = {},
): Promise<RosterReadResult> {
  const { table, issues: fileIssues } = await readTable(fileName, bytes, options.sheet ?? null);
  if (table === null) return { roster: null, issues: fileIssues, source: null };
  const { roster, issues } = validateTable(table, options.scores ?? null, options.flags ?? []);
  const allIssues = [...fileIssues, ...issues];
  const fileHasError = fileIssues.some((issue) => issue.severity === 'error');
  return { roster: fileHasError ? null : roster, issues: allIssues, source: table.source };
}
