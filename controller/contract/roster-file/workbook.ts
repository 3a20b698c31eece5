/**
 * Excel workbooks (.xlsx), read with exceljs, one sheet at a time: the `WorkbookSheetReader` the roster reader is
 * given. The one module here that imports exceljs, and nothing in the contract imports it: the controller passes it
 * in directly, the console fetches it as a chunk of its own only for a workbook
 * (docs/decisions/001-browser-roster-check.md).
 */

import ExcelJS from 'exceljs';
import type { CellProblem, CellProblemKind, WorkbookSheetReader } from './table.ts';

/** Excel keeps 15 significant digits; a longer number (an ID number typed into a number cell) has lost its tail. */
const EXACT_LIMIT = 1e15;

export const readWorkbookSheet: WorkbookSheetReader = async (bytes, sheetName) => {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer` as an ArrayBuffer, which is what it really accepts.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch (error) {
    return {
      severity: 'error',
      code: 'unreadable-workbook',
      row: null,
      column: null,
      zh: '无法读取这个 Excel 文件，可能已损坏或不是 .xlsx。请用 Excel 打开后另存为 .xlsx 或 CSV。',
      en: `cannot read this Excel file; it may be damaged or not an .xlsx (${String(error)}). Open it in Excel and save it as .xlsx or CSV.`,
    };
  }

  const worksheets = workbook.worksheets;
  const worksheet =
    sheetName === null
      ? worksheets[0]
      : worksheets.find((candidate) => candidate.name === sheetName || candidate.name.trim() === sheetName.trim());
  if (worksheet === undefined) {
    const names = worksheets.map((candidate) => candidate.name);
    return {
      severity: 'error',
      code: 'unknown-sheet',
      row: null,
      column: null,
      zh: `找不到工作表“${sheetName ?? ''}”。这个文件的工作表有：${names.map((name) => `“${name}”`).join('、')}。`,
      en: `there is no sheet "${sheetName ?? ''}"; this workbook has: ${names.map((name) => `"${name}"`).join(', ')}.`,
    };
  }

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
  return { sheet: worksheet.name, rows, cellProblems };
};

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
  return { text: value.error, problem: null };
}

/** exceljs gives a date cell as midnight UTC of the day Excel shows; a roster only needs the day. */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
