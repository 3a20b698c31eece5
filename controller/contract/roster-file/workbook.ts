/**
 * Excel workbooks (.xlsx), read with exceljs: the `WorkbookSheetReader` the roster reader is given, reading the
 * sheet asked for, or every sheet for the reader to choose from. The one module here that imports exceljs, and nothing in the contract imports it: the controller passes it
 * in directly, the console fetches it as a chunk of its own only for a workbook
 * (docs/decisions/001-browser-roster-check.md).
 */

import ExcelJS from 'exceljs';
import { fileFormatIssues } from './file-messages.ts';
import type { CellProblem, CellProblemKind, SheetGrid, WorkbookSheetReader } from './table.ts';

/** Excel keeps 15 significant digits; a longer number (an ID number typed into a number cell) has lost its tail. */
const EXACT_LIMIT = 1e15;

export const readWorkbookSheet: WorkbookSheetReader = async (bytes, sheetName) => {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer` as an ArrayBuffer, which is what it really accepts.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    return fileFormatIssues.unreadable();
  }

  const worksheets = workbook.worksheets;
  // Any ZIP archive loads, a Word document or a renamed folder too; only a workbook has worksheets.
  if (worksheets.length === 0) return fileFormatIssues.notAWorkbook(archiveKind(bytes));
  const sheets = worksheets.map((worksheet) => ({ sheet: worksheet.name, hidden: isHidden(worksheet) }));
  if (sheetName === null) return { sheets, grids: worksheets.map(gridOf) };
  const worksheet = worksheets.find(
    (candidate) => candidate.name === sheetName || candidate.name.trim() === sheetName.trim(),
  );
  if (worksheet === undefined) return fileFormatIssues.unknownSheet(sheetName, sheets);
  return { sheets, grids: [gridOf(worksheet)] };
};

function isHidden(worksheet: ExcelJS.Worksheet): boolean {
  return worksheet.state !== 'visible';
}

/** What a ZIP archive without worksheets holds, told by the names of its parts (stored uncompressed in the ZIP). */
function archiveKind(bytes: Uint8Array): 'xlsb' | 'ods' | 'workbook-without-sheets' | null {
  const names = new TextDecoder('latin1').decode(bytes);
  if (names.includes('xl/workbook.bin')) return 'xlsb';
  if (names.includes('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  if (names.includes('xl/workbook.xml')) return 'workbook-without-sheets';
  return null;
}

function gridOf(worksheet: ExcelJS.Worksheet): SheetGrid {
  const rows: string[][] = [];
  const cellProblems: CellProblem[] = [];
  for (let rowNumber = 1; rowNumber <= worksheet.rowCount; rowNumber += 1) {
    const rowIndex = rowNumber - 1;
    const values = worksheet.findRow(rowNumber)?.values;
    const cells: string[] = [];
    if (Array.isArray(values)) {
      // exceljs row values are 1-based and sparse.
      for (let columnNumber = 1; columnNumber < values.length; columnNumber += 1) {
        const { text, problem } = cellText(values[columnNumber]);
        cells.push(text);
        if (problem !== null) cellProblems.push({ rowIndex, columnIndex: columnNumber - 1, kind: problem });
      }
    }
    rows.push(cells);
  }
  return { sheet: worksheet.name, hidden: isHidden(worksheet), rows, cellProblems };
}

type Scalar = number | string | boolean | Date | ExcelJS.CellErrorValue;

function cellText(value: ExcelJS.CellValue): { text: string; problem: CellProblemKind | null } {
  if (value === null || value === undefined) return { text: '', problem: null };
  if (typeof value !== 'object' || value instanceof Date || 'error' in value) return scalarText(value);
  if ('richText' in value) return { text: value.richText.map((run) => run.text).join(''), problem: null };
  if ('hyperlink' in value) return cellText(value.text);
  // A formula cell holds the result Excel last calculated; a file written by a program may carry none.
  if (value.result === undefined) return { text: '', problem: 'uncached-formula' };
  return scalarText(value.result);
}

function scalarText(value: Scalar): { text: string; problem: CellProblemKind | null } {
  if (typeof value === 'string') return { text: value, problem: null };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', problem: null };
  if (value instanceof Date) return { text: isoDate(value), problem: null };
  if (typeof value === 'number') {
    return Math.abs(value) >= EXACT_LIMIT
      ? { text: String(value), problem: 'imprecise-number' }
      : { text: String(Number(value.toPrecision(15))), problem: null };
  }
  // #N/A, #REF! …: a broken formula, whose error text must not become a student's name or id.
  return { text: value.error, problem: 'formula-error' };
}

/** exceljs gives a date cell as midnight UTC of the day Excel shows; a roster only needs the day. */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
