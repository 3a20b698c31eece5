/**
 * Reads a roster file (CSV in any common encoding, or .xlsx) into the shared Roster model, reporting every problem.
 * The one reader of both sides: the controller's import and the console's pre-check call it with the same options
 * (`rosterReadOptions`), so the pre-check refuses exactly what the import would.
 */

import type { Roster } from '../../../engine/roster.ts';
import { holdsRosterHeader } from './columns.ts';
import type { RosterIssue } from './issue.ts';
import type { RosterReadOptions } from './options.ts';
import { readTable, type TableSource, type WorkbookSheetReader } from './table.ts';
import { validateTable } from './validate.ts';

export { formatIssue, type RosterIssue, type RosterIssueCode } from './issue.ts';
export { rosterReadOptions, type RosterReadOptions } from './options.ts';
export type { TableSource, WorkbookSheetReader } from './table.ts';

export interface RosterReadResult {
  /** Null whenever any issue is an error. */
  readonly roster: Roster | null;
  /** Errors and warnings, file and header problems first, then by row. */
  readonly issues: readonly RosterIssue[];
  /** How the file was read (format, encoding or sheet); null when it could not be read as a table. */
  readonly source: TableSource | null;
}

/** `readWorkbookSheet` is called only for an .xlsx: `readWorkbookSheet` of `workbook.ts`, or a loader of it. */
export async function readRosterFile(
  fileName: string,
  bytes: Uint8Array,
  options: RosterReadOptions,
  readWorkbookSheet: WorkbookSheetReader,
): Promise<RosterReadResult> {
  const { table, issues: fileIssues } = await readTable(
    fileName,
    bytes,
    options.sheet ?? null,
    readWorkbookSheet,
    holdsRosterHeader,
  );
  if (table === null) return { roster: null, issues: fileIssues, source: null };
  // Unbalanced quotes leave the columns unreliable from there on: what the rows would say is noise until fixed.
  if (fileIssues.some((issue) => issue.severity === 'error')) {
    return { roster: null, issues: fileIssues, source: table.source };
  }
  const { roster, issues } = validateTable(table, options.scores ?? null, options.flags ?? []);
  return { roster, issues: [...fileIssues, ...issues], source: table.source };
}
