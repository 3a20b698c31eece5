/**
 * Builders of bad roster and plan files, made in the test from scratch: CSV in broken and legacy encodings, workbooks
 * written the ways other programs write them, ZIP archives that are not workbooks. The bad-input corpora
 * (`controller/contract/roster-file/bad-input.test.ts`, `test/bad-input-corpus.test.ts`) are tables of these.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { idCardCheckCharacter } from '../../engine/idcard.ts';
import { encodeLegacy } from './legacy-encodings.ts';

export type Bytes = Uint8Array | Promise<Uint8Array>;

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

export function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = bom ? `\ufeff${text}` : text;
  const bytes = new Uint8Array(units.length * 2);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < units.length; index += 1)
    view.setUint16(index * 2, units.charCodeAt(index), littleEndian);
  return bytes;
}

/** Bytes from a fixed-seed linear congruential generator: the same "garbage" on every run. */
export function garbage(length: number, seed: number, from = 0, to = 255): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed >>> 0;
  for (let index = 0; index < length; index += 1) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    bytes[index] = from + (state % (to - from + 1));
  }
  return bytes;
}

export const idCard = (first17: string): string => first17 + idCardCheckCharacter(first17);

/** A roster's columns, A to G, and three sound students (rows 2–4 below the header). */
export const HEADER = ['学籍号', '姓名', '性别', '身份证号', '出生日期', '毕业学校', '语文'] as const;
export const STUDENTS = [
  ['G1', '魏怡诗', '女', idCard('36110220120519032'), '2012-05-19', '信州区第一小学', '71'],
  ['G2', '龙奕', '男', idCard('36110220110901047'), '2011-09-01', '秦峰小学', '86'],
  ['G3', '陈志明', '男', idCard('36110220120303051'), '2012-03-03', '信州区第一小学', '90.5'],
] as const;

type Row = readonly string[];

/** A CSV of the header and the students, each row passed through `edit` (row number, cells) first. */
export function rosterCsv(edit: (row: number, cells: string[]) => string[] = (_, cells) => cells): string {
  const rows: Row[] = [HEADER, ...STUDENTS].map((cells, index) => edit(index + 1, [...cells]));
  return rows.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

/** `rosterCsv` with one cell replaced: `row` 2–4 is a student, `column` 0–6 is A–G. */
export function rosterCsvWith(row: number, column: number, text: string): string {
  return rosterCsv((at, cells) => (at === row ? cells.map((cell, index) => (index === column ? text : cell)) : cells));
}

export const rosterCsvBytes = (text: string = rosterCsv()): Uint8Array => utf8(text);

export interface SheetSpec {
  readonly name: string;
  readonly rows: readonly (readonly ExcelJS.CellValue[])[];
  readonly state?: ExcelJS.WorksheetState;
  readonly fill?: (sheet: ExcelJS.Worksheet) => void;
}

/** An .xlsx as exceljs writes it (shared strings). */
export async function workbook(...sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const { name, rows, state, fill } of sheets) {
    const sheet = book.addWorksheet(name, state === undefined ? {} : { state });
    sheet.addRows(rows.map((row) => [...row]));
    fill?.(sheet);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

export const rosterSheet = (name = '名单', rows: readonly Row[] = [HEADER, ...STUDENTS]): SheetSpec => ({
  name,
  rows,
});

export async function zip(files: Readonly<Record<string, string>>): Promise<Uint8Array> {
  const archive = new JSZip();
  for (const [path, content] of Object.entries(files)) archive.file(path, content);
  return archive.generateAsync({ type: 'uint8array' });
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The smallest .xlsx a report generator writes: no styles, no shared strings, every text an inline string
 * (`t="inlineStr"`), as many school systems' exporters do; `cellRefs: false` leaves out the cell references too.
 */
export function inlineStringWorkbook(rows: readonly Row[], cellRefs = true): Promise<Uint8Array> {
  const letters = 'ABCDEFGHIJ';
  const sheetRows = rows
    .map((cells, rowIndex) => {
      const row = rowIndex + 1;
      const cellXml = cells
        .map((text, column) => {
          const ref = cellRefs ? ` r="${letters.charAt(column)}${row}"` : '';
          return `<c${ref} t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`;
        })
        .join('');
      return `<row r="${row}">${cellXml}</row>`;
    })
    .join('');
  return zip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELATIONSHIPS}"><Relationship Id="rId1" Type="${DOCUMENT}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${DOCUMENT}"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELATIONSHIPS}"><Relationship Id="rId1" Type="${DOCUMENT}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${sheetRows}</sheetData></worksheet>`,
  });
}

export { encodeLegacy };

/** A plan's columns, A to I, and two sound schools (rows 2–3). */
export const PLAN_HEADER = '学校,学段,班级数,班额上限,学生数,男生数,女生数,多胞胎数,超额理由';
export const PLAN_SCHOOLS = ['一小,小学,2,45,80,40,40,0,', '二中,初中,2,50,90,45,45,2,'] as const;

export function planCsv(...schools: readonly string[]): Uint8Array {
  return utf8(`${PLAN_HEADER}\r\n${schools.join('\r\n')}\r\n`);
}
