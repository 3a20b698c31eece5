/** A roster file as a grid of text cells, whatever its format: CSV/text in any common encoding, or .xlsx. */

import { isBlankRow } from './columns.ts';
import { parseCsv } from './csv.ts';
import { decodeText, type TextEncodingName } from './decode.ts';
import { fileFormatIssues, type SheetName } from './file-messages.ts';
import type { RosterIssue } from './issue.ts';

export type CellProblemKind = 'imprecise-number' | 'uncached-formula' | 'formula-error';

export interface CellProblem {
  /** 0-based, as in `rows`. */
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly kind: CellProblemKind;
}

export interface SheetGrid {
  readonly sheet: string;
  /** Hidden in Excel (hidden or very hidden): read only when asked for by name. */
  readonly hidden: boolean;
  /** `rows[i]` is spreadsheet row i + 1, and `rows[i][j]` column j + 1, so locations match what Excel shows. */
  readonly rows: string[][];
  readonly cellProblems: CellProblem[];
}

export interface WorkbookSheets {
  /** Every sheet of the workbook, in order, to name them in messages. */
  readonly sheets: readonly SheetName[];
  /** The sheet asked for, or every sheet when none was. */
  readonly grids: readonly SheetGrid[];
}

/**
 * Reads the sheet of an .xlsx named `sheetName`, or every sheet in workbook order when it is null (the caller then
 * picks the one holding its table), or says why it cannot. Passed in rather than imported: it is exceljs
 * (`workbook.ts`), which the console loads only when a file is a workbook.
 */
export type WorkbookSheetReader = (
  bytes: Uint8Array,
  sheetName: string | null,
) => Promise<WorkbookSheets | RosterIssue>;

/** Whether a sheet's rows hold the caller's table (a roster's header, a plan's), to pick a workbook's sheet by. */
export type TableTest = (rows: readonly (readonly string[])[]) => boolean;

export type TableSource =
  { readonly format: 'csv'; readonly encoding: TextEncodingName } | { readonly format: 'xlsx'; readonly sheet: string };

export interface Table {
  readonly source: TableSource;
  /** `rows[i]` is spreadsheet row i + 1; rows may differ in length. */
  readonly rows: readonly (readonly string[])[];
  readonly cellProblems: readonly CellProblem[];
}

export interface TableReadResult {
  /** Null when the file cannot be read as a table at all; `issues` then says why. */
  readonly table: Table | null;
  readonly issues: readonly RosterIssue[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];
const WORKBOOK_EXTENSIONS = ['.xlsx', '.xlsm', '.xls'];
/** Excel's own limit; a wider "table" is not a roster, and cells are numbered within it (validate.ts). */
export const MAX_COLUMNS = 16_384;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

/**
 * The format comes from the bytes (an .xlsx is a ZIP archive); the file name only adds a warning if it disagrees.
 * Of a workbook, the sheet named is read, or else the first visible sheet, or, when that does not hold the table
 * (`holdsTable`) and exactly one other visible sheet does, that one, with a warning.
 */
export async function readTable(
  fileName: string,
  bytes: Uint8Array,
  sheetName: string | null,
  readWorkbookSheet: WorkbookSheetReader,
  holdsTable: TableTest,
): Promise<TableReadResult> {
  const namedAsWorkbook = WORKBOOK_EXTENSIONS.some((extension) => fileName.toLowerCase().endsWith(extension));

  if (startsWith(bytes, OLE_MAGIC)) return { table: null, issues: [fileFormatIssues.legacy()] };
  if (startsWith(bytes, PDF_MAGIC)) return { table: null, issues: [fileFormatIssues.pdf()] };

  if (startsWith(bytes, ZIP_MAGIC)) {
    const workbook = await readWorkbookSheet(bytes, sheetName);
    if ('code' in workbook) return { table: null, issues: [workbook] };
    const { sheets, grids } = workbook;
    const chosen = sheetName === null ? chooseSheet(grids, sheets, holdsTable) : { sheet: grids[0], issues: [] };
    const { sheet } = chosen;
    const issues = [
      ...(namedAsWorkbook ? [] : [fileFormatIssues.extensionMismatch(fileName, 'xlsx')]),
      ...chosen.issues,
    ];
    if (sheet === undefined) return { table: null, issues };
    if (sheet.rows.every((row) => isBlankRow(row))) {
      return { table: null, issues: [...issues, fileFormatIssues.emptySheet(sheet.sheet, sheets)] };
    }
    const table: Table = {
      source: { format: 'xlsx', sheet: sheet.sheet },
      rows: sheet.rows,
      cellProblems: sheet.cellProblems,
    };
    return { table, issues };
  }

  const { decoded, issues: decodingIssues } = decodeText(bytes);
  if (decoded === null) return { table: null, issues: decodingIssues };
  if (/^\s*</.test(decoded.text)) return { table: null, issues: [fileFormatIssues.markup()] };

  const { rows, issues } = parseCsv(decoded.text);
  const tooWide = rows.findIndex((row) => row.length > MAX_COLUMNS);
  if (tooWide !== -1) return { table: null, issues: [fileFormatIssues.tooManyColumns(tooWide + 1, MAX_COLUMNS)] };
  const fileIssues = [
    ...(sheetName === null ? [] : [fileFormatIssues.sheetOptionIgnored(sheetName)]),
    ...(namedAsWorkbook ? [fileFormatIssues.extensionMismatch(fileName, 'csv')] : []),
    ...decodingIssues,
    ...issues,
  ];
  return {
    table: { source: { format: 'csv', encoding: decoded.encoding }, rows, cellProblems: [] },
    issues: fileIssues,
  };
}

/** `sheet` is undefined when the choice is refused (the issues say why). */
function chooseSheet(
  grids: readonly SheetGrid[],
  sheets: readonly SheetName[],
  holdsTable: TableTest,
): { sheet: SheetGrid | undefined; issues: RosterIssue[] } {
  const visible = grids.filter((grid) => !grid.hidden);
  const shown = visible.length > 0 ? visible : grids;
  const first = shown[0];
  const hiddenTables = grids.filter((grid) => grid.hidden && holdsTable(grid.rows));
  const issues = hiddenTables.length > 0 ? [fileFormatIssues.hiddenSheetsIgnored(hiddenTables)] : [];
  if (first === undefined || holdsTable(first.rows)) return { sheet: first, issues };
  const withTable = shown.filter((sheet) => holdsTable(sheet.rows));
  const [only] = withTable;
  if (only === undefined) return { sheet: first, issues };
  if (withTable.length === 1)
    return { sheet: only, issues: [...issues, fileFormatIssues.sheetChosen(first.sheet, only.sheet)] };
  return { sheet: undefined, issues: [...issues, fileFormatIssues.ambiguousSheet(first.sheet, withTable, sheets)] };
}
