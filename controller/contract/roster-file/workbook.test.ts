import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { SheetGrid } from './table.ts';
import { readWorkbookSheet } from './workbook.ts';

async function gridOf(fill: (sheet: ExcelJS.Worksheet) => void): Promise<SheetGrid> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('名单'));
  const sheets = await readWorkbookSheet(new Uint8Array(await workbook.xlsx.writeBuffer()), null);
  if ('code' in sheets) throw new Error(sheets.en);
  const [grid] = sheets.grids;
  if (grid === undefined) throw new Error('no sheet read');
  return grid;
}

describe('readWorkbookSheet cells', () => {
  it.each<[string, ExcelJS.CellValue, string]>([
    ['a string', '魏怡诗', '魏怡诗'],
    ['an integer', 86, '86'],
    ['a fraction', 87.5, '87.5'],
    ['a float with binary noise, as Excel shows it', 0.1 + 0.2, '0.3'],
    ['a 15-digit number', 123456789012345, '123456789012345'],
    ['a date', new Date(Date.UTC(2012, 4, 19)), '2012-05-19'],
    ['rich text', { richText: [{ text: '魏', font: { bold: true } }, { text: '怡诗' }] }, '魏怡诗'],
    ['a hyperlink', { text: '信州区第一小学', hyperlink: 'https://example.org' }, '信州区第一小学'],
    ['a formula with its result', { formula: 'B1+C1', result: 173.5 }, '173.5'],
    [
      'a formula returning a date',
      { formula: 'DATE(2012,5,19)', result: new Date(Date.UTC(2012, 4, 19)) },
      '2012-05-19',
    ],
    ['a boolean', true, 'TRUE'],
    ['an empty cell', null, ''],
  ])('reads %s', async (_kind, value, text) => {
    const grid = await gridOf((sheet) => {
      sheet.getCell('A1').value = value;
      if (value instanceof Date) sheet.getCell('A1').numFmt = 'yyyy-mm-dd';
    });
    expect(grid.rows[0]?.[0] ?? '').toBe(text);
    expect(grid.cellProblems).toEqual([]);
  });

  it('flags an ID number stored as a number, which Excel cut to 15 digits', async () => {
    const grid = await gridOf((sheet) => {
      sheet.getCell('C2').value = Number('361102201205190322');
    });
    expect(grid.cellProblems).toEqual([{ rowIndex: 1, columnIndex: 2, kind: 'imprecise-number' }]);
  });

  it('flags a formula whose result is an error, so that #N/A never becomes a name', async () => {
    const grid = await gridOf((sheet) => {
      sheet.getCell('B2').value = { formula: 'VLOOKUP(A2,X:Y,2,0)', result: { error: '#N/A' } };
    });
    expect(grid.rows[1]?.[1]).toBe('#N/A');
    expect(grid.cellProblems).toEqual([{ rowIndex: 1, columnIndex: 1, kind: 'formula-error' }]);
  });

  it('flags a formula saved without its result', async () => {
    const grid = await gridOf((sheet) => {
      sheet.getCell('B1').value = { formula: 'SUM(A1:A1)' };
    });
    expect(grid.cellProblems).toEqual([{ rowIndex: 0, columnIndex: 1, kind: 'uncached-formula' }]);
  });

  it('keeps rows and columns where Excel shows them, gaps included', async () => {
    const grid = await gridOf((sheet) => {
      sheet.getCell('B2').value = '姓名';
      sheet.getCell('D4').value = '张三';
    });
    expect(grid.rows).toEqual([[], ['', '姓名'], [], ['', '', '', '张三']]);
  });
});
