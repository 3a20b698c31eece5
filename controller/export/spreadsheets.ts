/**
 * The platform rows as files: an Excel workbook (text columns stored and formatted as text, so 学籍号 and 身份证号 never
 * turn into numbers) and a CSV (UTF-8 with BOM, so Excel on Windows reads the Chinese; RFC 4180 quoting).
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { NUMBER_COLUMNS, PLATFORM_COLUMNS, type PlatformRow } from './platform-rows.ts';

const SHEET_NAME = '分班名单';
const TEXT_FORMAT = '@';

export async function platformWorkbook(rows: readonly PlatformRow[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '阳光分班 Sunshine Class Draw';
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = PLATFORM_COLUMNS.map((header) => ({
    header,
    key: header,
    width: header === '身份证号' || header === '学籍号' ? 22 : header === '学校' || header === '毕业学校' ? 18 : 10,
    style: NUMBER_COLUMNS.has(header) ? {} : { numFmt: TEXT_FORMAT },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: PLATFORM_COLUMNS.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function platformCsv(rows: readonly PlatformRow[]): string {
  const data = rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
  return `\uFEFF${Papa.unparse({ fields: [...PLATFORM_COLUMNS], data }, { newline: '\r\n' })}\r\n`;
}
