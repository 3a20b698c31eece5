/**
 * Reads a roster file in the browser with the controller's own reader (controller/roster-file), before anything is
 * sent: the import is irreversible, so the operator sees every error and warning with its row and column, and the
 * comparison with the sealed figures, first. The controller reads the file again when it imports it; this check
 * only spares a refused or regretted import. Loaded on demand: the Excel reader is large.
 */
import { rosterFigures } from '../../../engine/ceremony/plan.ts';
// eslint-disable-next-line boundary/imports -- until the roster reader's core moves into the contract (issue 14)
import type { RosterIssue } from '../../../controller/roster-file/index.ts';
import type { Figures } from './ceremony.ts';

export interface RosterCheck {
  readonly fileName: string;
  readonly content: Uint8Array;
  /** Null when the file has errors: it cannot be imported as it is. */
  readonly figures: Figures | null;
  readonly issues: readonly RosterIssue[];
  readonly names: readonly string[];
}

export async function checkRosterFile(file: File): Promise<RosterCheck> {
  const content = new Uint8Array(await file.arrayBuffer());
  // eslint-disable-next-line boundary/imports -- as above
  const { readRosterFile } = await import('../../../controller/roster-file/index.ts');
  const { roster, issues } = await readRosterFile(file.name, content);
  const usable = roster !== null && !issues.some((issue) => issue.severity === 'error');
  return {
    fileName: file.name,
    content,
    figures: usable ? rosterFigures(roster) : null,
    issues,
    names: roster?.students.map((student) => student.name) ?? [],
  };
}
