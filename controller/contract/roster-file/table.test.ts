import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { holdsRosterHeader } from './columns.ts';
import { readTable as readTableWith, type TableTest, type WorkbookSheetReader } from './table.ts';
import { readWorkbookSheet } from './workbook.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const anyTable: TableTest = () => true;
const readTable = (fileName: string, bytes: Uint8Array, sheetName: string | null, reader: WorkbookSheetReader) =>
  readTableWith(fileName, bytes, sheetName, reader, anyTable);

describe('readTable: delimited text', () => {
  it.each([
    ['commas', 'a,b,c\r\n1,2,3\r\n'],
    ['semicolons', 'a;b;c\n1;2;3\n'],
    ['tabs', 'a\tb\tc\n1\t2\t3\n'],
    ['no final newline', 'a,b,c\n1,2,3'],
  ])('splits %s', async (_dialect, text) => {
    const { table, issues } = await readTable('x.csv', utf8(text), null, readWorkbookSheet);
    expect(issues).toEqual([]);
    expect(table?.rows.slice(0, 2)).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('keeps quoted delimiters, quotes and line breaks inside a cell', async () => {
    const { table } = await readTable('x.csv', utf8('a,b\r\n"张,三","说""好""\r\n了"\r\n'), null, readWorkbookSheet);
    expect(table?.rows[1]).toEqual(['张,三', '说"好"\r\n了']);
  });

  it('keeps blank lines so that row numbers match the spreadsheet', async () => {
    const { table } = await readTable('x.csv', utf8('a,b\r\n\r\n1,2\r\n\r\n\r\n'), null, readWorkbookSheet);
    expect(table?.rows[2]).toEqual(['1', '2']);
  });

  it('reports unbalanced quotes on the row where they start', async () => {
    const { issues } = await readTable('x.csv', utf8('a,b\n1,2\n"3,4\n5,6\n'), null, readWorkbookSheet);
    expect(issues).toMatchObject([{ severity: 'error', code: 'csv-syntax', row: 3 }]);
  });

  it('names the encoding it detected', async () => {
    const gbk = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd, 0x0a]);
    const { table } = await readTable('名单.csv', gbk, null, readWorkbookSheet);
    expect(table?.source).toEqual({ format: 'csv', encoding: 'gb18030' });
    expect(table?.rows.slice(0, 2)).toEqual([['姓名'], ['张三']]);
  });

  it('reads text named .xlsx as CSV, with a warning', async () => {
    const { table, issues } = await readTable('名单.xlsx', utf8('a,b\n1,2\n'), null, readWorkbookSheet);
    expect(table?.source.format).toBe('csv');
    expect(issues).toMatchObject([{ severity: 'warning', code: 'extension-mismatch' }]);
  });

  it('warns that a sheet name means nothing for CSV', async () => {
    const { issues } = await readTable('名单.csv', utf8('a,b\n1,2\n'), 'Sheet1', readWorkbookSheet);
    expect(issues).toMatchObject([{ severity: 'warning', code: 'sheet-option-ignored' }]);
  });
});

describe('readTable: refused files', () => {
  it('explains that a legacy .xls must be saved as .xlsx or CSV', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const { table, issues } = await readTable('名单.xls', ole, null, readWorkbookSheet);
    expect(table).toBeNull();
    expect(issues).toMatchObject([{ severity: 'error', code: 'legacy-xls' }]);
    expect(issues[0]?.zh).toContain('.xlsx');
    expect(issues[0]?.en).toContain('.xlsx');
  });

  it('refuses binary data', async () => {
    const { table, issues } = await readTable(
      '名单.csv',
      new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2]),
      null,
      readWorkbookSheet,
    );
    expect(table).toBeNull();
    expect(issues).toMatchObject([{ severity: 'error', code: 'unreadable-text' }]);
  });

  it('refuses an HTML page dressed as .xls', async () => {
    const { issues } = await readTable(
      '名单.xls',
      utf8('<html><table><tr><td>姓名</td></tr></table></html>'),
      null,
      readWorkbookSheet,
    );
    expect(issues).toMatchObject([{ severity: 'error', code: 'unreadable-text' }]);
  });

  it('refuses a ZIP archive that is not a workbook', async () => {
    const notWorkbook = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    const { table, issues } = await readTable('名单.xlsx', notWorkbook, null, readWorkbookSheet);
    expect(table).toBeNull();
    expect(issues).toMatchObject([{ severity: 'error', code: 'unreadable-workbook' }]);
  });
});

describe('readTable: workbooks', () => {
  async function workbookBytes(): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['请在“名单”表中填写']);
    workbook.addWorksheet('名单').addRow(['姓名', '语文']);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  it('reads the first sheet by default and a named one on request', async () => {
    const bytes = await workbookBytes();
    expect((await readTable('名单.xlsx', bytes, null, readWorkbookSheet)).table?.source).toEqual({
      format: 'xlsx',
      sheet: '说明',
    });
    const named = await readTable('名单.xlsx', bytes, '名单', readWorkbookSheet);
    expect(named.table?.source).toEqual({ format: 'xlsx', sheet: '名单' });
    expect(named.table?.rows).toEqual([['姓名', '语文']]);
  });

  it('lists the sheets when the one asked for does not exist', async () => {
    const { table, issues } = await readTable('名单.xlsx', await workbookBytes(), 'Sheet1', readWorkbookSheet);
    expect(table).toBeNull();
    expect(issues).toMatchObject([{ severity: 'error', code: 'unknown-sheet' }]);
    expect(issues[0]?.zh).toContain('“说明”、“名单”');
  });

  it('reads the first visible sheet, and says a hidden one holding a table was left out', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('旧名单', { state: 'hidden' }).addRow(['学籍号', '姓名', '性别']);
    workbook.addWorksheet('名单').addRow(['学籍号', '姓名', '性别']);
    workbook.addWorksheet('下拉选项', { state: 'veryHidden' }).addRow(['男', '女']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { table, issues } = await readTableWith('名单.xlsx', bytes, null, readWorkbookSheet, holdsRosterHeader);
    expect(table?.source).toEqual({ format: 'xlsx', sheet: '名单' });
    expect(issues).toMatchObject([{ severity: 'warning', code: 'hidden-sheet-ignored' }]);
    expect(issues[0]?.zh).toContain('“旧名单”（隐藏）');
    expect(issues[0]?.zh).not.toContain('下拉选项');
  });

  it('reads a workbook by its content whatever its name, with a warning', async () => {
    const { table, issues } = await readTable('名单.csv', await workbookBytes(), null, readWorkbookSheet);
    expect(table?.source.format).toBe('xlsx');
    expect(issues).toMatchObject([{ severity: 'warning', code: 'extension-mismatch' }]);
  });
});

describe('readTable asks the workbook reader about workbooks only', () => {
  const refusingReader: WorkbookSheetReader = () => Promise.reject(new Error('the workbook reader was asked'));

  it.each([
    ['a CSV', '名单.csv', utf8('学籍号,姓名\nG1,魏怡诗\n')],
    ['a CSV named .xlsx', '名单.xlsx', utf8('学籍号,姓名\nG1,魏怡诗\n')],
    ['a legacy .xls', '名单.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
    ['an HTML page named .xls', '名单.xls', utf8('<html><table></table></html>')],
  ])('so that the console never fetches it for %s', async (_file, fileName, bytes) => {
    await expect(readTable(fileName, bytes, null, refusingReader)).resolves.toHaveProperty('issues');
  });

  it('and hands it the bytes and the sheet asked for', async () => {
    const asked: [number, string | null][] = [];
    const reader: WorkbookSheetReader = (bytes, sheetName) => {
      asked.push([bytes.length, sheetName]);
      return Promise.resolve({
        sheets: [{ sheet: '名单', hidden: false }],
        grids: [{ sheet: '名单', hidden: false, rows: [['姓名']], cellProblems: [] }],
      });
    };
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    const { table } = await readTable('名单.xlsx', bytes, '名单', reader);
    expect(asked).toEqual([[6, '名单']]);
    expect(table).toMatchObject({ source: { format: 'xlsx', sheet: '名单' }, rows: [['姓名']], cellProblems: [] });
  });
});
