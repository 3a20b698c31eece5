/** A roster file as a grid of text cells, whatever its format: CSV/text in any common encoding, or .xlsx. */

import { parseCsv } from './csv.ts';
import { decodeText, type TextEncodingName } from './decode.ts';
import type { RosterIssue } from './issue.ts';

export type CellProblemKind = 'imprecise-number' | 'uncached-formula';

export interface CellProblem {
  /** 0-based, as in `rows`. */
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly kind: CellProblemKind;
}

export interface SheetGrid {
  readonly sheet: string;
  /** `rows[i]` is spreadsheet row i + 1, and `rows[i][j]` column j + 1, so locations match what Excel shows. */
  readonly rows: string[][];
  readonly cellProblems: CellProblem[];
}

/**
 * Reads one sheet of an .xlsx (the first when `sheetName` is null), or says why it cannot. Passed in rather than
 * imported: it is exceljs (`workbook.ts`), which the console loads only when a file is a workbook.
 */
export type WorkbookSheetReader = (bytes: Uint8Array, sheetName: string | null) => Promise<SheetGrid | RosterIssue>;

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
const WORKBOOK_EXTENSIONS = ['.xlsx', '.xlsm', '.xls'];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

/** The format comes from the bytes (an .xlsx is a ZIP archive); the file name only adds a warning if it disagrees. */
export async function readTable(
  fileName: string,
  bytes: Uint8Array,
  sheetName: string | null,
  readWorkbookSheet: WorkbookSheetReader,
): Promise<TableReadResult> {
  const namedAsWorkbook = WORKBOOK_EXTENSIONS.some((extension) => fileName.toLowerCase().endsWith(extension));

  if (startsWith(bytes, OLE_MAGIC)) return { table: null, issues: [legacyWorkbookIssue] };

  if (startsWith(bytes, ZIP_MAGIC)) {
    const sheet = await readWorkbookSheet(bytes, sheetName);
    if (!('rows' in sheet)) return { table: null, issues: [sheet] };
    const issues = namedAsWorkbook ? [] : [extensionMismatch(fileName, 'xlsx')];
    const table: Table = { source: { format: 'xlsx', sheet: sheet.sheet }, ...sheet };
    return { table, issues };
  }

  const decoded = decodeText(bytes);
  if (decoded === null) return { table: null, issues: [binaryFileIssue] };
  if (/^\s*</.test(decoded.text)) return { table: null, issues: [markupFileIssue] };

  const { rows, issues } = parseCsv(decoded.text);
  if (namedAsWorkbook) issues.unshift(extensionMismatch(fileName, 'csv'));
  if (sheetName !== null) issues.unshift(sheetOptionIgnored(sheetName));
  return { table: { source: { format: 'csv', encoding: decoded.encoding }, rows, cellProblems: [] }, issues };
}

const legacyWorkbookIssue: RosterIssue = {
  severity: 'error',
  code: 'legacy-xls',
  row: null,
  column: null,
  zh: '这是旧版 Excel 97-2003（.xls）文件或加密的工作簿，无法直接读取。请在 Excel 中“另存为” Excel 工作簿（.xlsx）或 CSV UTF-8（如有密码请先取消）后再导入。',
  en: 'this is a legacy Excel 97-2003 (.xls) file or an encrypted workbook, which cannot be read. In Excel, "Save As" Excel Workbook (.xlsx) or CSV UTF-8 (removing any password first) and import that.',
};

const binaryFileIssue: RosterIssue = {
  severity: 'error',
  code: 'unreadable-text',
  row: null,
  column: null,
  zh: '这不是 Excel 工作簿，也不是 UTF-8、GBK 或 UTF-16 编码的文本表格。请用 Excel 另存为 .xlsx 或 CSV 后再导入。',
  en: 'this is neither an Excel workbook nor a text table in UTF-8, GBK or UTF-16. Save it from Excel as .xlsx or CSV and import that.',
};

/** Many school systems export an HTML or XML page named .xls; Excel opens it, but it is not a table file. */
const markupFileIssue: RosterIssue = {
  severity: 'error',
  code: 'unreadable-text',
  row: null,
  column: null,
  zh: '这是网页（HTML/XML）格式的导出文件，不是真正的表格文件。请用 Excel 打开后另存为 .xlsx 或 CSV 再导入。',
  en: 'this is an HTML/XML export, not a real table file. Open it in Excel and save it as .xlsx or CSV, then import that.',
};

function extensionMismatch(fileName: string, actual: 'csv' | 'xlsx'): RosterIssue {
  return {
    severity: 'warning',
    code: 'extension-mismatch',
    row: null,
    column: null,
    zh:
      actual === 'xlsx'
        ? `文件“${fileName}”的扩展名不是 .xlsx，但内容是 Excel 工作簿，已按 .xlsx 读取。`
        : `文件“${fileName}”的扩展名是 Excel 的，但内容是文本表格，已按 CSV 读取。`,
    en:
      actual === 'xlsx'
        ? `"${fileName}" is not named .xlsx but is an Excel workbook; read as .xlsx.`
        : `"${fileName}" is named like an Excel file but holds a text table; read as CSV.`,
  };
}

function sheetOptionIgnored(sheetName: string): RosterIssue {
  return {
    severity: 'warning',
    code: 'sheet-option-ignored',
    row: null,
    column: null,
    zh: `CSV 文件没有工作表，指定的工作表“${sheetName}”已忽略。`,
    en: `a CSV file has no sheets; the sheet "${sheetName}" given is ignored.`,
  };
}
