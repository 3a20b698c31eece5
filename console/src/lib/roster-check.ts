/**
 * Reads a roster file in the browser with the controller's own reader (controller/contract/roster-file) and the
 * options the sealed rules give, before anything is sent: the import is irreversible, so the operator sees every
 * error and warning with its row and column, and the comparison with the sealed figures, first. The controller reads
 * the file again, with the same reader and options, when it imports it: a file this check passes is not refused for
 * its content. The Excel reader is fetched only for a workbook: it is most of the reader's weight
 * (docs/decisions/001-browser-roster-check.md).
 */
import { rosterFigures } from '../../../engine/ceremony/plan.ts';
import type { SealedRules } from '../../../engine/ceremony/state.ts';
import {
  readRosterFile,
  rosterReadOptions,
  type RosterIssue,
  type WorkbookSheetReader,
} from '../../../controller/contract/roster-file/index.ts';
import type { Figures } from './ceremony.ts';

export interface RosterCheck {
  readonly fileName: string;
  readonly content: Uint8Array;
  /** Null when the file has errors: it cannot be imported as it is. */
  readonly figures: Figures | null;
  readonly issues: readonly RosterIssue[];
  readonly names: readonly string[];
}

const readWorkbookSheetOnDemand: WorkbookSheetReader = async (bytes, sheetName) => {
  const { readWorkbookSheet } = await import('../../../controller/contract/roster-file/workbook.ts');
  return readWorkbookSheet(bytes, sheetName);
};

/** `sealed` are the rules of the sealed ceremony, from the snapshot (null before the seal), as the controller's. */
export async function checkRosterFile(file: File, sealed: SealedRules | null): Promise<RosterCheck> {
  const content = new Uint8Array(await file.arrayBuffer());
  const { roster, issues } = await readRosterFile(
    file.name,
    content,
    rosterReadOptions(sealed),
    readWorkbookSheetOnDemand,
  );
  const usable = roster !== null && !issues.some((issue) => issue.severity === 'error');
  return {
    fileName: file.name,
    content,
    figures: usable ? rosterFigures(roster) : null,
    issues,
    names: roster?.students.map((student) => student.name) ?? [],
  };
}
