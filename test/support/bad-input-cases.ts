/**
 * The bad-input corpus: roster and plan files as they arrive from schools and bureaus when something is wrong, each
 * with what the reader must say. `controller/contract/roster-file/bad-input.test.ts` reads every roster case;
 * `test/bad-input-corpus.test.ts` pushes the refused ones and every plan case through a sealed ceremony's import.
 */
import type { Roster } from '../../engine/roster.ts';
import type { RosterIssueCode } from '../../controller/contract/roster-file/index.ts';
import {
  concat,
  encodeLegacy,
  garbage,
  HEADER,
  idCard,
  inlineStringWorkbook,
  planCsv,
  PLAN_HEADER,
  PLAN_SCHOOLS,
  rosterCsv,
  rosterCsvBytes,
  rosterCsvWith,
  rosterSheet,
  STUDENTS,
  utf16,
  utf8,
  workbook,
  zip,
  type Bytes,
} from './bad-files.ts';

/** An issue expected: its code, and its row and column where given (null: must be none). */
export interface Located {
  readonly code: RosterIssueCode;
  readonly row?: number | null;
  readonly column?: string | null;
}

export type RosterOutcome =
  /** `zh`: a part of the first error's Chinese, where the wording itself is the point. */
  | { readonly refused: readonly Located[]; readonly zh?: RegExp }
  | { readonly warned: readonly Located[]; readonly check?: (roster: Roster, messages: string) => void };

export type RosterCase = {
  readonly title: string;
  readonly fileName: string;
  readonly bytes: () => Bytes;
  /** The `--sheet` of `sunshine assign`; such a case cannot go through the ceremony's import. */
  readonly sheet?: string;
} & RosterOutcome;

const names = (roster: Roster) => roster.students.map((student) => student.name);
const expectEqual = (actual: unknown, expected: unknown, what: string) => {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
  }
};
const expectIncludes = (text: string, part: string) => {
  if (!text.includes(part)) throw new Error(`"${part}" is not in: ${text}`);
};

const TRADITIONAL = '學籍號,姓名,性別\r\nG1,陳志明,男\r\nG2,林美玲,女\r\nG3,黃國華,男\r\n';
const JAPANESE = '学籍番号,氏名,性別\r\nG1,山田太郎,男\r\nG2,佐藤花子,女\r\n';
const [WEI, LONG, CHEN] = STUDENTS;
const FIVE_MB = '信'.repeat(5_000_000);
const GBK_ROSTER = encodeLegacy(rosterCsv(), 'gbk');

const A = '学籍号 (A)';
const B = '姓名 (B)';
const C = '性别 (C)';
const D = '身份证号 (D)';
const E = '出生日期 (E)';
const F = '毕业学校 (F)';
const G = '语文 (G)';

export const ROSTER_CASES: readonly RosterCase[] = [
  // Encodings
  {
    title: 'a Big5 (traditional Chinese) roster',
    fileName: '名單.csv',
    bytes: () => encodeLegacy(TRADITIONAL, 'big5'),
    warned: [{ code: 'unusual-encoding', row: null, column: null }],
    check: (roster) => expectEqual(names(roster), ['陳志明', '林美玲', '黃國華'], 'names'),
  },
  {
    title: 'a Shift-JIS roster, nonsense in GB18030 and Big5 alike',
    fileName: '名单.csv',
    bytes: () => encodeLegacy(JAPANESE, 'shift_jis'),
    refused: [{ code: 'unknown-encoding', row: null, column: null }],
    zh: /UTF-8.*GB18030.*Big5/,
  },
  {
    title: 'UTF-8 cut off in the middle of a character',
    fileName: '名单.csv',
    bytes: () => {
      const text = rosterCsv();
      const upToLong = utf8(text.slice(0, text.indexOf('龙') + 1));
      return upToLong.subarray(0, upToLong.length - 2);
    },
    refused: [{ code: 'truncated-text', row: 3, column: null }],
  },
  {
    title: 'little-endian UTF-16 without a BOM',
    fileName: '名单.csv',
    bytes: () => utf16(rosterCsv(), true, false),
    warned: [{ code: 'unusual-encoding', row: null, column: null }],
    check: (roster) => expectEqual(names(roster), ['魏怡诗', '龙奕', '陈志明'], 'names'),
  },
  {
    title: 'big-endian UTF-16 without a BOM',
    fileName: '名单.txt',
    bytes: () => utf16(rosterCsv().replace(/,/g, '\t'), false, false),
    warned: [{ code: 'unusual-encoding', row: null, column: null }],
  },
  {
    title: 'UTF-16 with a BOM, cut off mid-character',
    fileName: '名单.csv',
    bytes: () => utf16(rosterCsv(), true, true).subarray(0, 101),
    refused: [{ code: 'unreadable-text', row: null, column: null }],
  },
  {
    title: 'UTF-8 lines followed by GBK lines',
    fileName: '名单.csv',
    bytes: () =>
      concat(
        utf8(rosterCsv().split('\r\n').slice(0, 3).join('\r\n') + '\r\n'),
        encodeLegacy(`${CHEN.join(',')}\r\n`, 'gbk'),
      ),
    refused: [{ code: 'mixed-encoding', row: 4, column: null }],
  },
  {
    title: 'a GBK roster with one line pasted in UTF-8',
    fileName: '名单.csv',
    bytes: () =>
      concat(encodeLegacy(`${HEADER.join(',')}\r\n${WEI.join(',')}\r\n`, 'gbk'), utf8(`${LONG.join(',')}\r\n`)),
    refused: [{ code: 'mixed-encoding', row: 3, column: null }],
  },
  {
    title: 'UTF-8 with a name typed in Windows-1252 (José)',
    fileName: '名单.csv',
    bytes: () => concat(utf8(rosterCsv()), utf8('G4,Jos'), new Uint8Array([0xe9]), utf8(',男,,,,\r\n')),
    refused: [{ code: 'mixed-encoding', row: 5, column: null }],
  },
  {
    title: 'UTF-8 lines and Big5 lines',
    fileName: '名单.csv',
    bytes: () =>
      concat(utf8(`${HEADER.join(',')}\r\n${WEI.join(',')}\r\n`), encodeLegacy('G9,陳志明,男,,,,\r\n', 'big5')),
    refused: [{ code: 'mixed-encoding', row: 3, column: null }],
  },
  {
    title: 'GBK behind a stray UTF-8 BOM',
    fileName: '名单.csv',
    bytes: () => concat(new Uint8Array([0xef, 0xbb, 0xbf]), GBK_ROSTER),
    warned: [{ code: 'unusual-encoding', row: null, column: null }],
    check: (roster) => expectEqual(names(roster), ['魏怡诗', '龙奕', '陈志明'], 'names'),
  },
  {
    title: 'a GBK roster (still read as before)',
    fileName: '名单.csv',
    bytes: () => GBK_ROSTER,
    warned: [],
    check: (roster) => expectEqual(names(roster), ['魏怡诗', '龙奕', '陈志明'], 'names'),
  },
  {
    title: 'two UTF-8 BOMs',
    fileName: '名单.csv',
    bytes: () => utf8(`\ufeff\ufeff${rosterCsv()}`),
    warned: [],
    check: (roster) => expectEqual(roster.students[0]?.id, 'G1', 'first id'),
  },
  {
    title: 'two rosters pasted together, the second with its own BOM and header',
    fileName: '名单.csv',
    bytes: () => utf8(`\ufeff${rosterCsv()}\ufeff${HEADER.join(',')}\r\nG4,张三,男,,,,\r\n`),
    refused: [{ code: 'repeated-header', row: 5, column: null }],
  },
  {
    title: 'random bytes without a zero byte',
    fileName: '名单.csv',
    bytes: () => garbage(4_000, 19, 0x80, 0xff),
    refused: [{ code: 'unknown-encoding', row: null, column: null }],
  },
  {
    title: 'random bytes with zero bytes',
    fileName: '名单.csv',
    bytes: () => garbage(4_000, 7),
    refused: [{ code: 'unreadable-text', row: null, column: null }],
  },
  {
    title: 'a PNG image named .csv',
    fileName: '名单.csv',
    bytes: () => concat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), garbage(200, 3)),
    refused: [{ code: 'unreadable-text', row: null, column: null }],
  },
  {
    title: 'a PDF named .xlsx',
    fileName: '名单.xlsx',
    bytes: () => concat(utf8('%PDF-1.4\n%'), new Uint8Array([0xe2, 0xe3, 0xcf, 0xd3]), utf8('\n1 0 obj\n')),
    refused: [{ code: 'unreadable-text', row: null, column: null }],
  },
  {
    title: 'an HTML table saved as .xls by a school system',
    fileName: '名单.xls',
    bytes: () => utf8('\ufeff<html><body><table><tr><td>学籍号</td><td>姓名</td></tr></table></body></html>'),
    refused: [{ code: 'unreadable-text', row: null, column: null }],
  },
  {
    title: 'an Excel 2003 XML spreadsheet',
    fileName: '名单.xml',
    bytes: () =>
      utf8('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'),
    refused: [{ code: 'unreadable-text', row: null, column: null }],
  },
  {
    title: 'a legacy .xls',
    fileName: '名单.xls',
    bytes: () => concat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), new Uint8Array(504)),
    refused: [{ code: 'legacy-xls', row: null, column: null }],
  },

  // Empty and nearly empty
  {
    title: 'an empty file',
    fileName: '名单.csv',
    bytes: () => new Uint8Array(),
    refused: [{ code: 'empty-file', row: null }],
  },
  {
    title: 'a file of blank lines and spaces',
    fileName: '名单.csv',
    bytes: () => utf8('\r\n   \r\n\t\r\n,,,\r\n'),
    refused: [{ code: 'empty-file', row: null }],
  },
  {
    title: 'a BOM alone',
    fileName: '名单.csv',
    bytes: () => utf8('\ufeff'),
    refused: [{ code: 'empty-file', row: null }],
  },
  {
    title: 'only a header',
    fileName: '名单.csv',
    bytes: () => utf8(`${HEADER.join(',')}\r\n`),
    refused: [{ code: 'no-students', row: 1, column: null }],
  },
  {
    title: 'a header and 100,000 empty rows',
    fileName: '名单.csv',
    bytes: () => utf8(`${HEADER.join(',')}\r\n${',,,,,,\r\n'.repeat(100_000)}`),
    refused: [{ code: 'no-students', row: 1, column: null }],
  },
  {
    title: 'the students, then 100,000 empty lines',
    fileName: '名单.csv',
    bytes: () => utf8(rosterCsv() + '\r\n'.repeat(100_000)),
    warned: [],
    check: (roster) => expectEqual(roster.students.length, 3, 'students'),
  },
  {
    title: 'the header on row 25, under 24 rows of instructions',
    fileName: '名单.csv',
    bytes: () => utf8(`${'填写说明：学籍号必须唯一\r\n'.repeat(24)}${rosterCsv()}`),
    warned: [{ code: 'rows-before-header', row: null }],
    check: (roster) => expectEqual(roster.students.length, 3, 'students'),
  },
  {
    title: 'the header on row 121, under 120 rows of instructions',
    fileName: '名单.csv',
    bytes: () => utf8(`${'填写说明\r\n'.repeat(120)}${rosterCsv()}`),
    refused: [
      { code: 'missing-column', row: 1 },
      { code: 'missing-column', row: 1 },
      { code: 'missing-column', row: 1 },
    ],
  },

  // Structure
  {
    title: 'unbalanced quotes',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(3, 1, '"龙奕')),
    refused: [{ code: 'csv-syntax', row: 3, column: null }],
  },
  {
    title: 'a row shifted by an unquoted comma in a name',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(3, 1, '龙,奕')),
    refused: [{ code: 'cells-past-header', row: 3, column: '(H)' }],
  },
  {
    title: 'a line of 20,000 columns',
    fileName: '名单.csv',
    bytes: () => utf8(`${rosterCsv()}G4${',x'.repeat(20_000)}\r\n`),
    refused: [{ code: 'too-many-columns', row: 5, column: null }],
  },
  {
    title: 'a 2 MB line with a runaway name',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(2, 1, '魏'.repeat(2_000_000))),
    refused: [{ code: 'text-too-long', row: 2, column: B }],
  },
  {
    title: 'no 姓名 column',
    fileName: '名单.csv',
    bytes: () => utf8('学籍号,性别\r\nG1,女\r\n'),
    refused: [{ code: 'missing-column', row: 1, column: null }],
  },
  {
    title: 'none of the required columns',
    fileName: '名单.csv',
    bytes: () => utf8('班级,备注\r\n1,转学\r\n'),
    refused: [
      { code: 'missing-column', row: 1 },
      { code: 'missing-column', row: 1 },
      { code: 'missing-column', row: 1 },
    ],
  },
  {
    title: 'two name columns',
    fileName: '名单.csv',
    bytes: () => utf8('学籍号,姓名,性别,学生姓名\r\nG1,魏怡诗,女,魏怡诗\r\n'),
    refused: [{ code: 'duplicate-column', row: 1, column: '学生姓名 (D)' }],
  },
  {
    title: 'a header cell with a control character',
    fileName: '名单.csv',
    bytes: () => utf8(`${HEADER.join(',')},备注\u0007\r\n${WEI.join(',')},x\r\n`),
    refused: [{ code: 'control-character', row: 1, column: '备注\u0007 (H)' }],
  },
  {
    title: 'a 5 MB header cell',
    fileName: '名单.csv',
    bytes: () => utf8(`${HEADER.join(',')},${FIVE_MB}\r\n${WEI.join(',')},1\r\n`),
    refused: [{ code: 'text-too-long', row: 1 }],
  },
  {
    title: 'a column without a header beside the table, in Excel’s padded CSV',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsv((row, cells) => [...cells, row === 3 ? '转学' : ''])),
    warned: [{ code: 'ignored-column', row: null, column: '(H)' }],
  },

  // Cells
  {
    title: 'a duplicate student id',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(4, 0, 'G1')),
    refused: [{ code: 'duplicate-id', row: 4, column: A }],
  },
  {
    title: 'a missing id',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(3, 0, '')),
    refused: [{ code: 'missing-id', row: 3, column: A }],
  },
  {
    title: 'a missing name',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(3, 1, '')),
    refused: [{ code: 'missing-name', row: 3, column: B }],
  },
  {
    title: 'a gender of 男生',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(3, 2, '男生')),
    refused: [{ code: 'invalid-gender', row: 3, column: C }],
  },
  {
    title: 'an ID number with a wrong check digit',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(2, 3, '361102201205190321')),
    refused: [{ code: 'id-card-checksum', row: 2, column: D }],
  },
  {
    title: 'an ID number born on 30 February',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(2, 3, idCard('36110220120230032')).replace('2012-05-19', '')),
    refused: [{ code: 'id-card-birth-date', row: 2, column: D }],
  },
  {
    title: 'an old 15-digit ID number',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(2, 3, '361102120519032')),
    refused: [{ code: 'invalid-id-card', row: 2, column: D }],
    zh: /15 位的旧号码/,
  },
  {
    title: 'an ID number with spaces in it',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(2, 3, '361102 20120519 0322')),
    refused: [{ code: 'invalid-id-card', row: 2, column: D }],
  },
  {
    title: 'an ID number with a lower-case x',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(3, 3, idCard('36110220110901047').toLowerCase())),
    warned: [],
    check: (roster) => expectEqual(roster.students[1]?.idCard, idCard('36110220110901047'), 'ID number'),
  },
  {
    title: 'an ID number in full-width digits',
    fileName: '名单.csv',
    bytes: () =>
      rosterCsvBytes(
        rosterCsvWith(
          2,
          3,
          WEI[3].replace(/[0-9X]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
        ),
      ),
    warned: [],
    check: (roster) => expectEqual(roster.students[0]?.idCard, WEI[3], 'ID number'),
  },
  {
    title: 'the same ID number twice',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(4, 3, LONG[3]).replace('2012-03-03', '2011-09-01')),
    refused: [{ code: 'duplicate-id-card', row: 4, column: D }],
  },
  {
    title: 'an ID number of a boy on a girl',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(2, 2, '男')),
    refused: [{ code: 'id-card-gender-mismatch', row: 2, column: D }],
  },
  {
    title: 'a birth date that disagrees with the ID number',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(2, 4, '2012-05-20')),
    refused: [{ code: 'id-card-birth-date-mismatch', row: 2, column: E }],
  },
  {
    title: 'a birth date in month 13',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(2, 4, '2012-13-01')),
    refused: [{ code: 'invalid-birth-date', row: 2, column: E }],
  },
  {
    title: 'a score of 8o',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(3, 6, '8o')),
    refused: [{ code: 'invalid-score', row: 3, column: G }],
  },
  {
    title: 'a score marked 缺考',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(3, 6, '缺考')),
    warned: [{ code: 'missing-score', row: 3, column: G }],
    check: (roster) => expectEqual(roster.students[1]?.scores, [null], 'scores'),
  },

  // Formula and CSV injection: kept as text (the export neutralises them: test/bad-input-corpus.test.ts)
  ...(
    [
      ['=', `=cmd|' /C calc'!A0`],
      ['+', '+1+cmd|calc!A1'],
      ['-', '-2+3'],
      ['@', '@SUM(1+1)*cmd|calc!A1'],
    ] as const
  ).map(([mark, text]): RosterCase => ({
    title: `a name starting with ${mark}`,
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(3, 1, `"${text.replace(/"/g, '""')}"`)),
    warned: [],
    check: (roster) => expectEqual(roster.students[1]?.name, text, 'name'),
  })),
  {
    title: 'a formula-looking id and school',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(2, 0, '=1+1').replace('信州区第一小学', '@HYPERLINK(http://x)')),
    warned: [],
    check: (roster) => {
      expectEqual(roster.students[0]?.id, '=1+1', 'id');
      expectEqual(roster.students[0]?.sourceSchool, '@HYPERLINK(http://x)', 'school');
    },
  },

  // Invisible and control characters
  {
    title: 'a zero-width space inside a name',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(2, 1, '魏\u200b怡诗')),
    warned: [{ code: 'whitespace', row: null, column: B }],
    check: (roster, messages) => {
      expectEqual(roster.students[0]?.name, '魏怡诗', 'name');
      expectIncludes(messages, '⟨U+200B⟩');
    },
  },
  {
    title: 'a right-to-left override that would print a name backwards',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(3, 1, '\u202e龙奕\u202c')),
    warned: [{ code: 'whitespace', row: null, column: B }],
    check: (roster) => expectEqual(roster.students[1]?.name, '龙奕', 'name'),
  },
  {
    title: 'left-to-right and right-to-left marks around a school',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(4, 5, '\u200e信州区第一小学\u200f')),
    warned: [{ code: 'whitespace', row: null, column: F }],
    check: (roster) => expectEqual(roster.students[2]?.sourceSchool, '信州区第一小学', 'school'),
  },
  {
    title: 'a soft hyphen and a word joiner in an English name',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(3, 1, 'An\u00adna\u2060 Li')),
    warned: [{ code: 'whitespace', row: null, column: B }],
    check: (roster) => expectEqual(roster.students[1]?.name, 'Anna Li', 'name'),
  },
  {
    title: 'a full-width space inside a name',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(2, 1, '魏\u3000怡诗')),
    warned: [{ code: 'whitespace', row: null, column: B }],
  },
  {
    title: 'a line break inside a quoted name',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(2, 1, '"魏\r\n怡诗"')),
    warned: [{ code: 'whitespace', row: null, column: B }],
    check: (roster) => expectEqual(roster.students[0]?.name, '魏怡诗', 'name'),
  },
  {
    title: 'a bell character in a name',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(3, 1, '龙\u0007奕')),
    refused: [{ code: 'control-character', row: 3, column: B }],
  },
  {
    title: 'an escape sequence in a school',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(3, 5, '\u001b[31m秦峰小学')),
    refused: [{ code: 'control-character', row: 3, column: F }],
  },
  {
    title: 'a 5 MB school name',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(3, 5, FIVE_MB)),
    refused: [{ code: 'text-too-long', row: 3, column: F }],
  },
  {
    title: 'a 100-character student id',
    fileName: '名单.csv',
    bytes: () => rosterCsvBytes(rosterCsvWith(3, 0, 'G'.repeat(100))),
    refused: [{ code: 'text-too-long', row: 3, column: A }],
  },

  // Workbooks written differently
  {
    title: 'a ZIP archive renamed .xlsx',
    fileName: '名单.xlsx',
    bytes: () => zip({ '名单.csv': rosterCsv() }),
    refused: [{ code: 'not-a-workbook', row: null, column: null }],
    zh: /不是 Excel 工作簿/,
  },
  {
    title: 'a Word document renamed .xlsx',
    fileName: '名单.xlsx',
    bytes: () => zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }),
    refused: [{ code: 'not-a-workbook', row: null, column: null }],
  },
  {
    title: 'an Excel binary workbook (.xlsb) renamed .xlsx',
    fileName: '名单.xlsx',
    bytes: () => zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.bin': 'binary' }),
    refused: [{ code: 'not-a-workbook', row: null, column: null }],
    zh: /\.xlsb/,
  },
  {
    title: 'an OpenDocument spreadsheet renamed .xlsx',
    fileName: '名单.xlsx',
    bytes: () => zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office/>' }),
    refused: [{ code: 'not-a-workbook', row: null, column: null }],
    zh: /\.ods/,
  },
  {
    title: 'a damaged ZIP archive',
    fileName: '名单.xlsx',
    bytes: () => concat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), garbage(300, 11)),
    refused: [{ code: 'unreadable-workbook', row: null, column: null }],
  },
  {
    title: 'an .xlsx cut off halfway',
    fileName: '名单.xlsx',
    bytes: async () => {
      const whole = await workbook(rosterSheet());
      return whole.subarray(0, Math.floor(whole.length / 2));
    },
    refused: [{ code: 'unreadable-workbook', row: null, column: null }],
  },
  {
    title: 'an empty cover sheet before the roster',
    fileName: '名单.xlsx',
    bytes: () => workbook({ name: '封面', rows: [] }, rosterSheet()),
    warned: [{ code: 'sheet-chosen', row: null, column: null }],
    check: (roster) => expectEqual(roster.students.length, 3, 'students'),
  },
  {
    title: 'a cover sheet with a title before the roster',
    fileName: '名单.xlsx',
    bytes: () => workbook({ name: '说明', rows: [['2024 年新生名单'], ['请在下一个工作表填写']] }, rosterSheet()),
    warned: [{ code: 'sheet-chosen', row: null, column: null }],
  },
  {
    title: 'an empty cover sheet before two roster sheets',
    fileName: '名单.xlsx',
    bytes: () => workbook({ name: '封面', rows: [] }, rosterSheet('一班'), rosterSheet('二班')),
    refused: [{ code: 'ambiguous-sheet', row: null, column: null }],
    zh: /“一班”、“二班”.*--sheet/,
  },
  {
    title: 'a workbook of one empty sheet',
    fileName: '名单.xlsx',
    bytes: () => workbook({ name: 'Sheet1', rows: [] }),
    refused: [{ code: 'empty-sheet', row: null, column: null }],
    zh: /工作表“Sheet1”是空的.*--sheet/,
  },
  {
    title: 'an empty sheet asked for with --sheet',
    fileName: '名单.xlsx',
    sheet: '封面',
    bytes: () => workbook({ name: '封面', rows: [] }, rosterSheet()),
    refused: [{ code: 'empty-sheet', row: null, column: null }],
  },
  {
    title: 'a --sheet the workbook lacks',
    fileName: '名单.xlsx',
    sheet: 'Sheet1',
    bytes: () => workbook(rosterSheet()),
    refused: [{ code: 'unknown-sheet', row: null, column: null }],
  },
  {
    title: 'a hidden sheet with last year’s roster before this year’s',
    fileName: '名单.xlsx',
    bytes: () => workbook({ ...rosterSheet('去年', [HEADER, WEI]), state: 'hidden' }, rosterSheet()),
    warned: [{ code: 'hidden-sheet-ignored', row: null, column: null }],
    check: (roster) => expectEqual(roster.students.length, 3, 'students'),
  },
  {
    title: 'a workbook of inline strings, as report generators write it',
    fileName: '名单.xlsx',
    bytes: () => inlineStringWorkbook([HEADER, ...STUDENTS]),
    warned: [],
    check: (roster) => expectEqual(names(roster), ['魏怡诗', '龙奕', '陈志明'], 'names'),
  },
  {
    // Valid OOXML, but beyond exceljs: refused as unreadable, with the way out.
    title: 'a workbook of inline strings without cell references',
    fileName: '名单.xlsx',
    bytes: () => inlineStringWorkbook([HEADER, ...STUDENTS], false),
    refused: [{ code: 'unreadable-workbook', row: null, column: null }],
  },
  {
    title: 'birth dates as real dates and as bare numbers',
    fileName: '名单.xlsx',
    bytes: () =>
      workbook({
        name: '名单',
        rows: [
          HEADER,
          ['G1', '魏怡诗', '女', WEI[3], new Date(Date.UTC(2012, 4, 19)), '', 71],
          ['G2', '龙奕', '男', '', 40787, '', 86],
        ],
        fill: (sheet) => {
          sheet.getCell('E2').numFmt = 'yyyy-mm-dd';
        },
      }),
    refused: [{ code: 'invalid-birth-date', row: 3, column: E }],
    zh: /Excel 的日期序号（40787 即 2011-09-01）/,
  },
  {
    title: 'merged cells for a school shared by several rows',
    fileName: '名单.xlsx',
    bytes: () =>
      workbook({
        ...rosterSheet(),
        fill: (sheet) => {
          sheet.getCell('F3').value = null;
          sheet.getCell('F4').value = null;
          sheet.mergeCells('F2:F4');
        },
      }),
    warned: [],
    check: (roster) =>
      expectEqual(
        roster.students.map((student) => student.sourceSchool),
        ['信州区第一小学', '信州区第一小学', '信州区第一小学'],
        'schools',
      ),
  },
  {
    title: 'a two-row header with merged group titles above',
    fileName: '名单.xlsx',
    bytes: () =>
      workbook({
        name: '名单',
        rows: [['基本信息', '', '', '', '', '', '成绩'], HEADER, ...STUDENTS],
        fill: (sheet) => sheet.mergeCells('A1:F1'),
      }),
    warned: [{ code: 'rows-before-header', row: null }],
  },
  {
    title: 'a formula without its saved result in the id column',
    fileName: '名单.xlsx',
    bytes: () => workbook({ ...rosterSheet(), fill: (sheet) => (sheet.getCell('A3').value = { formula: '"G"&2' }) }),
    refused: [{ code: 'uncached-formula', row: 3, column: A }],
  },
  {
    title: 'a lookup formula that failed (#N/A) as a name',
    fileName: '名单.xlsx',
    bytes: () =>
      workbook({
        ...rosterSheet(),
        fill: (sheet) => (sheet.getCell('B3').value = { formula: 'VLOOKUP(A3,X:Y,2,0)', result: { error: '#N/A' } }),
      }),
    refused: [{ code: 'formula-error', row: 3, column: B }],
  },
  {
    title: 'an ID number typed into a number cell',
    fileName: '名单.xlsx',
    bytes: () => workbook({ ...rosterSheet(), fill: (sheet) => (sheet.getCell('D2').value = Number(WEI[3])) }),
    refused: [{ code: 'imprecise-number', row: 2, column: D }],
  },
  {
    title: 'a 15-digit old ID number as a number',
    fileName: '名单.xlsx',
    bytes: () => workbook({ ...rosterSheet(), fill: (sheet) => (sheet.getCell('D2').value = 361102120519032) }),
    refused: [{ code: 'invalid-id-card', row: 2, column: D }],
    zh: /15 位的旧号码/,
  },
  {
    title: 'numbers for student ids',
    fileName: '名单.xlsx',
    bytes: () =>
      workbook({
        name: '名单',
        rows: [
          ['学籍号', '姓名', '性别'],
          [1001, '魏怡诗', '女'],
          [1002, '龙奕', '男'],
        ],
      }),
    warned: [],
    check: (roster) =>
      expectEqual(
        roster.students.map((student) => student.id),
        ['1001', '1002'],
        'ids',
      ),
  },
  {
    title: 'TRUE in a gender cell',
    fileName: '名单.xlsx',
    bytes: () => workbook({ ...rosterSheet(), fill: (sheet) => (sheet.getCell('C3').value = true) }),
    refused: [{ code: 'invalid-gender', row: 3, column: C }],
  },
  {
    title: 'a remark typed right of the table',
    fileName: '名单.xlsx',
    bytes: () => workbook({ ...rosterSheet(), fill: (sheet) => (sheet.getCell('I4').value = '转学') }),
    warned: [{ code: 'ignored-column', row: null, column: '(I)' }],
    check: (_roster, messages) => expectIncludes(messages, '第 4 行'),
  },
  {
    title: 'a sheet formatted down to row 100,000',
    fileName: '名单.xlsx',
    bytes: () =>
      workbook({
        ...rosterSheet(),
        fill: (sheet) => {
          sheet.getCell('A100000').value = ' ';
        },
      }),
    warned: [],
    check: (roster) => expectEqual(roster.students.length, 3, 'students'),
  },
  {
    title: 'a workbook named .csv',
    fileName: '名单.csv',
    bytes: () => workbook(rosterSheet()),
    warned: [{ code: 'extension-mismatch', row: null, column: null }],
  },
];

/** A plan case: the problems expected, by row and column, and a part of the first one's Chinese. */
export interface PlanCase {
  readonly title: string;
  readonly fileName: string;
  readonly bytes: () => Bytes;
  readonly problems: readonly { readonly row: number | null; readonly column: string | null }[];
  readonly zh: RegExp;
}

const [FIRST_SCHOOL, SECOND_SCHOOL] = PLAN_SCHOOLS;
const planWith = (row: number, column: number, text: string) =>
  planCsv(
    ...PLAN_SCHOOLS.map((school, index) =>
      index + 2 === row
        ? school
            .split(',')
            .map((cell, at) => (at === column ? text : cell))
            .join(',')
        : school,
    ),
  );

export const PLAN_CASES: readonly PlanCase[] = [
  {
    title: 'classes that cannot hold the students',
    fileName: '计划.csv',
    bytes: () => planWith(2, 4, '91'),
    problems: [
      { row: 2, column: '学生数 (E)' },
      { row: 2, column: '班额上限 (D)' },
    ],
    zh: /男生数 40 \+ 女生数 40 ≠ 学生数 91/,
  },
  {
    title: 'boys and girls not adding up',
    fileName: '计划.csv',
    bytes: () => planWith(3, 6, '44'),
    problems: [{ row: 3, column: '学生数 (E)' }],
    zh: /≠ 学生数 90/,
  },
  {
    title: 'a cap over 56',
    fileName: '计划.csv',
    bytes: () => planWith(3, 3, '60'),
    problems: [{ row: 3, column: '班额上限 (D)' }],
    zh: /班额不得超过 56 人/,
  },
  {
    title: 'a cap over the standard without a reason',
    fileName: '计划.csv',
    bytes: () => planWith(2, 3, '48'),
    problems: [{ row: 2, column: '超额理由 (I)' }],
    zh: /小学班额上限为 45，超过须写明理由/,
  },
  {
    title: 'the same school twice',
    fileName: '计划.csv',
    bytes: () => planCsv(FIRST_SCHOOL, SECOND_SCHOOL, FIRST_SCHOOL),
    problems: [{ row: 4, column: '学校 (A)' }],
    zh: /学校名称重复/,
  },
  {
    title: 'zero classes',
    fileName: '计划.csv',
    bytes: () => planWith(2, 2, '0'),
    problems: [
      { row: 2, column: '班级数 (C)' },
      { row: 2, column: '班额上限 (D)' },
    ],
    zh: /班级数应为正整数/,
  },
  {
    title: 'a negative number',
    fileName: '计划.csv',
    bytes: () => planWith(3, 7, '-2'),
    problems: [{ row: 3, column: '多胞胎数 (H)' }],
    zh: /应为 0 到 100000 之间的整数，收到“-2”/,
  },
  {
    title: 'a number in words',
    fileName: '计划.csv',
    bytes: () => planWith(2, 2, '两'),
    problems: [{ row: 2, column: '班级数 (C)' }],
    zh: /收到“两”/,
  },
  {
    title: 'a fraction of a class',
    fileName: '计划.csv',
    bytes: () => planWith(2, 2, '2.5'),
    problems: [{ row: 2, column: '班级数 (C)' }],
    zh: /收到“2\.5”/,
  },
  {
    title: 'a million students',
    fileName: '计划.csv',
    bytes: () => planWith(2, 4, '1000000'),
    problems: [{ row: 2, column: '学生数 (E)' }],
    zh: /应为 0 到 100000 之间的整数/,
  },
  {
    title: 'more multiple-birth students than students',
    fileName: '计划.csv',
    bytes: () => planWith(3, 7, '91'),
    problems: [{ row: 3, column: '多胞胎数 (H)' }],
    zh: /多胞胎数大于学生数/,
  },
  {
    title: 'an unknown stage',
    fileName: '计划.csv',
    bytes: () => planWith(2, 1, '高中'),
    problems: [{ row: 2, column: '学段 (B)' }],
    zh: /学段应为“小学”或“初中”/,
  },
  {
    title: 'a missing column',
    fileName: '计划.csv',
    bytes: () => utf8('学校,学段,班级数,班额上限,学生数,男生数,女生数\r\n一小,小学,2,45,80,40,40\r\n'),
    problems: [{ row: 1, column: null }],
    zh: /缺少列：多胞胎数/,
  },
  {
    title: 'two 学生数 columns',
    fileName: '计划.csv',
    bytes: () => utf8(`${PLAN_HEADER},人数\r\n${FIRST_SCHOOL},80\r\n`),
    problems: [{ row: 1, column: '人数 (J)' }],
    zh: /都表示“学生数”/,
  },
  {
    title: 'a 5 MB school name',
    fileName: '计划.csv',
    bytes: () => planWith(2, 0, FIVE_MB),
    problems: [{ row: 2, column: '学校 (A)' }],
    zh: /太长/,
  },
  {
    title: 'a 5 MB reason for a cap',
    fileName: '计划.csv',
    bytes: () => planWith(2, 8, FIVE_MB),
    problems: [{ row: 2, column: '超额理由 (I)' }],
    zh: /太长/,
  },
  {
    title: 'a NUL byte in a school name',
    fileName: '计划.csv',
    bytes: () => planWith(3, 0, '二\u0000中'),
    problems: [{ row: null, column: null }],
    zh: /不是 Excel 工作簿，也不是/,
  },
  {
    title: 'a school name with an escape character',
    fileName: '计划.csv',
    bytes: () => planWith(3, 0, '二\u001b中'),
    problems: [{ row: 3, column: '学校 (A)' }],
    zh: /控制字符/,
  },
  {
    title: 'a row longer than the header',
    fileName: '计划.csv',
    bytes: () => planCsv(FIRST_SCHOOL, `${SECOND_SCHOOL},多余`),
    problems: [{ row: 3, column: '(J)' }],
    zh: /表头只到 超额理由 \(I\) 列/,
  },
  {
    title: 'an empty file',
    fileName: '计划.csv',
    bytes: () => new Uint8Array(),
    problems: [{ row: null, column: null }],
    zh: /计划文件是空的/,
  },
  {
    title: 'a header without schools',
    fileName: '计划.csv',
    bytes: () => utf8(`${PLAN_HEADER}\r\n`),
    problems: [{ row: null, column: null }],
    zh: /计划中没有学校/,
  },
  {
    title: 'a Shift-JIS plan',
    fileName: '計画.csv',
    bytes: () => encodeLegacy('学校,学段\r\n第一小学校,小学\r\n', 'shift_jis'),
    problems: [{ row: null, column: null }],
    zh: /无法确定文件的文字编码/,
  },
  {
    title: 'a ZIP archive renamed .xlsx',
    fileName: '计划.xlsx',
    bytes: () => zip({ 'plan.csv': PLAN_HEADER }),
    problems: [{ row: null, column: null }],
    zh: /不是 Excel 工作簿/,
  },
  {
    title: 'a workbook whose only sheet is empty',
    fileName: '计划.xlsx',
    bytes: () => workbook({ name: '计划', rows: [] }),
    problems: [{ row: null, column: null }],
    zh: /工作表“计划”是空的/,
  },
];
