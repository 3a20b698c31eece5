import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { idCardCheckCharacter } from '../../../engine/idcard.ts';
import { parseCsv } from './csv.ts';
import { decodeText } from './decode.ts';
import { encodeLegacy } from '../../../test/support/legacy-encodings.ts';
import { formatIssue, readRosterFile, type RosterIssue } from './index.ts';
import { readWorkbookSheet } from './workbook.ts';

// The demo district's rosters are the realistic samples; the GBK copy is a test fixture.
const SAMPLES = new URL('../../demo-district/', import.meta.url);
const GBK_SAMPLE = new URL('../../../test/fixtures/信州区第五中学-gbk.csv', import.meta.url);

async function sampleBytes(path: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(new URL(path, SAMPLES)));
}

interface PlanFigures {
  readonly school: string;
  readonly students: number;
  readonly boys: number;
  readonly girls: number;
  readonly multiples: number;
}

async function planOf(stage: 'primary' | 'junior'): Promise<PlanFigures[]> {
  const text = decodeText(await sampleBytes(`${stage}/plan.csv`)).decoded?.text ?? '';
  const [header = [], ...rows] = parseCsv(text).rows.filter((row) => row.some((cell) => cell !== ''));
  const at = (row: readonly string[], name: string): string => row[header.indexOf(name)] ?? '';
  return rows.map((row) => ({
    school: at(row, '学校'),
    students: Number(at(row, '学生数')),
    boys: Number(at(row, '男生数')),
    girls: Number(at(row, '女生数')),
    multiples: Number(at(row, '多胞胎数')),
  }));
}

describe('the sample rosters', () => {
  describe.each(['primary', 'junior'] as const)('%s', (stage) => {
    it('read without any issue and agree with the plan', async () => {
      const plan = await planOf(stage);
      expect(plan.length).toBeGreaterThan(1);
      for (const figures of plan) {
        const fileName = `${figures.school}.csv`;
        const { roster, issues, source } = await readRosterFile(
          fileName,
          await sampleBytes(`${stage}/${fileName}`),
          {},
          readWorkbookSheet,
        );
        expect(issues.map(formatIssue)).toEqual([]);
        expect(source).toEqual({ format: 'csv', encoding: 'utf-8' });
        const students = roster?.students ?? [];
        expect(students).toHaveLength(figures.students);
        expect(students.filter((student) => student.gender === 'M')).toHaveLength(figures.boys);
        expect(students.filter((student) => student.gender === 'F')).toHaveLength(figures.girls);
        // 多胞胎数 counts students, not groups: 信州区第五中学 has 9, a triplet and three pairs.
        expect(students.filter((student) => student.siblingGroup !== null)).toHaveLength(figures.multiples);
        expect(roster?.subjects).toEqual(stage === 'junior' ? ['语文', '数学', '英语'] : []);
        expect(students.every((student) => student.birthDate !== null)).toBe(true);
      }
    });
  });

  it('read the GBK and the UTF-8 file of 信州区第五中学 into the same roster', async () => {
    const utf8 = await readRosterFile(
      '信州区第五中学.csv',
      await sampleBytes('junior/信州区第五中学.csv'),
      {},
      readWorkbookSheet,
    );
    const gbk = await readRosterFile(
      '信州区第五中学-gbk.csv',
      new Uint8Array(await readFile(GBK_SAMPLE)),
      {},
      readWorkbookSheet,
    );
    expect(gbk.source).toEqual({ format: 'csv', encoding: 'gb18030' });
    expect(gbk.issues).toEqual([]);
    expect(gbk.roster).toEqual(utf8.roster);
    expect(gbk.roster?.students[0]).toEqual({
      id: 'G361102201205190322',
      name: '魏怡诗',
      gender: 'F',
      birthDate: '2012-05-19',
      idCard: '361102201205190322',
      siblingGroup: null,
      apartGroups: [],
      sourceSchool: '信州区第一小学',
      scores: [71, 86, 87.5],
      flags: [],
    });
  });

  it('keep students without an ID number, dated by the 出生日期 column', async () => {
    const { roster } = await readRosterFile(
      '上饶市第三中学.csv',
      await sampleBytes('junior/上饶市第三中学.csv'),
      {},
      readWorkbookSheet,
    );
    const withoutIdCard = roster?.students.filter((student) => student.idCard === null) ?? [];
    expect(withoutIdCard.map((student) => [student.id, student.birthDate])).toEqual([
      ['L3611020000043', '2012-05-19'],
      ['L3611020000224', '2012-07-21'],
      ['L3611020000287', '2012-08-22'],
    ]);
  });
});

describe('readRosterFile on workbooks', () => {
  const idCard = (first17: string): string => first17 + idCardCheckCharacter(first17);

  async function rosterWorkbook(): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('初一新生');
    sheet.addRow(['2024 年初一新生名单']);
    sheet.addRow(['序号', '学籍号', '姓名', '性别', '身份证号', '出生日期', '毕业学校', '语文', '数学', '总分']);
    sheet.addRow([
      1,
      'G1',
      { richText: [{ text: '魏', font: { bold: true } }, { text: '怡诗' }] },
      '女',
      '361102201205190322',
      new Date(Date.UTC(2012, 4, 19)),
      '信州区第一小学',
      71,
      86.5,
      { formula: 'H3+I3', result: 157.5 },
    ]);
    sheet.addRow([2, 'G2', '龙奕', '男', idCard('36110220110901047'), null, '秦峰小学', null, 69.5, 69.5]);
    sheet.getColumn(6).numFmt = 'yyyy"年"m"月"d"日"';
    workbook.addWorksheet('说明').addRow(['学籍号必须唯一']);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  it('reads the first sheet into a roster', async () => {
    const { roster, issues, source } = await readRosterFile('名单.xlsx', await rosterWorkbook(), {}, readWorkbookSheet);
    expect(source).toEqual({ format: 'xlsx', sheet: '初一新生' });
    expect(issues.map((issue) => issue.code)).toEqual(['rows-before-header']);
    expect(roster).toEqual({
      subjects: ['语文', '数学', '总分'],
      flags: [],
      students: [
        {
          id: 'G1',
          name: '魏怡诗',
          gender: 'F',
          birthDate: '2012-05-19',
          idCard: '361102201205190322',
          siblingGroup: null,
          apartGroups: [],
          sourceSchool: '信州区第一小学',
          scores: [71, 86.5, 157.5],
          flags: [],
        },
        {
          id: 'G2',
          name: '龙奕',
          gender: 'M',
          birthDate: '2011-09-01',
          idCard: idCard('36110220110901047'),
          siblingGroup: null,
          apartGroups: [],
          sourceSchool: '秦峰小学',
          scores: [null, 69.5, 69.5],
          flags: [],
        },
      ],
    });
  });

  it('reads another sheet by name', async () => {
    const { roster, issues, source } = await readRosterFile(
      '名单.xlsx',
      await rosterWorkbook(),
      { sheet: '说明' },
      readWorkbookSheet,
    );
    expect(source).toEqual({ format: 'xlsx', sheet: '说明' });
    expect(roster).toBeNull();
    expect(issues.filter((issue) => issue.code === 'missing-column')).toHaveLength(3);
  });

  it('tells the user to make an ID column text when Excel stored the numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['学籍号', '姓名', '性别', '身份证号']);
    sheet.addRow(['G1', '魏怡诗', '女', Number('361102201205190322')]);
    const { roster, issues } = await readRosterFile(
      '名单.xlsx',
      new Uint8Array(await workbook.xlsx.writeBuffer()),
      {},
      readWorkbookSheet,
    );
    expect(roster).toBeNull();
    expect(issues).toMatchObject([{ severity: 'error', code: 'imprecise-number', row: 2, column: '身份证号 (D)' }]);
    expect(issues[0]?.zh).toContain('文本');
  });

  it('explains that a legacy .xls must be saved again', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]);
    const { roster, issues, source } = await readRosterFile('名单.xls', ole, {}, readWorkbookSheet);
    expect(roster).toBeNull();
    expect(source).toBeNull();
    expect(issues.map(formatIssue)).toEqual([expect.stringMatching(/另存为.*\.xlsx.*Save As/)]);
  });
});

describe('readRosterFile options and speed', () => {
  const csv = (text: string): Uint8Array => new TextEncoder().encode(text);

  it('takes the score columns it is given', async () => {
    const bytes = csv('学籍号,姓名,性别,语文,数学,班级\nG1,魏怡诗,女,71,86,3\nG2,龙奕,男,72,,4\n');
    const { roster, issues } = await readRosterFile('名单.csv', bytes, { scores: ['数学', '语文'] }, readWorkbookSheet);
    expect(roster?.subjects).toEqual(['语文', '数学']);
    expect(roster?.students.map((student) => student.scores)).toEqual([
      [71, 86],
      [72, null],
    ]);
    expect(issues.map((issue) => [issue.code, issue.column])).toEqual([['ignored-column', '班级 (F)']]);
  });

  it('reads a 100,000-student district file completely (its speed is measured by npm run bench)', async () => {
    const lines = ['序号,学籍号,姓名,性别,身份证号,出生日期,多胞胎组,毕业学校,语文,数学,英语'];
    for (let index = 1; index <= 100_000; index += 1) {
      const first17 = `3611022012051${String(index).padStart(4, '0').slice(-4)}`;
      const idCard = index <= 9_999 ? first17 + idCardCheckCharacter(first17) : '';
      const gender = Number(first17.charAt(16)) % 2 === 1 ? '男' : '女';
      lines.push(`${index},G${index},学生${index},${gender},${idCard},,,信州区第一小学,71,86,87.5`);
    }
    const bytes = csv('\ufeff' + lines.join('\r\n') + '\r\n');
    const { roster, issues } = await readRosterFile('全区名单.csv', bytes, {}, readWorkbookSheet);
    expect(issues).toEqual([]);
    expect(roster?.students).toHaveLength(100_000);
    expect(roster?.students.filter((student) => student.idCard !== null)).toHaveLength(9_999);
  });
});

describe('readRosterFile refuses or flags what used to pass silently', () => {
  const csv = (text: string): Uint8Array => new TextEncoder().encode(text);
  const errorsOf = (issues: readonly RosterIssue[]) => issues.filter((issue) => issue.severity === 'error');

  async function workbookOf(sheets: Record<string, readonly (readonly ExcelJS.CellValue[])[]>): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries(sheets)) workbook.addWorksheet(name).addRows(rows.map((row) => [...row]));
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  it('reads a Big5 roster as Big5, with a warning, instead of as GB18030 nonsense', async () => {
    const bytes = encodeLegacy('學籍號,姓名,性別\r\nG1,陳志明,男\r\nG2,林美玲,女\r\nG3,黃國華,男\r\n', 'big5');
    const { roster, issues, source } = await readRosterFile('名單.csv', bytes, {}, readWorkbookSheet);
    expect(source).toEqual({ format: 'csv', encoding: 'big5' });
    expect(roster?.students.map((student) => student.name)).toEqual(['陳志明', '林美玲', '黃國華']);
    expect(issues).toMatchObject([{ severity: 'warning', code: 'unusual-encoding', row: null, column: null }]);
    expect(issues[0]?.zh).toContain('Big5');
    expect(issues[0]?.en).toContain('Big5');
  });

  it('refuses text that reads as nonsense in every encoding, naming the encodings tried', async () => {
    const bytes = encodeLegacy('学籍番号,氏名,性別\r\nG1,山田太郎,男\r\nG2,佐藤花子,女\r\n', 'shift_jis');
    const { roster, issues } = await readRosterFile('名单.csv', bytes, {}, readWorkbookSheet);
    expect(roster).toBeNull();
    expect(issues).toMatchObject([{ severity: 'error', code: 'unknown-encoding' }]);
    for (const encoding of ['UTF-8', 'GB18030', 'Big5']) {
      expect(issues[0]?.zh).toContain(encoding);
      expect(issues[0]?.en).toContain(encoding);
    }
  });

  it('says that a ZIP archive named .xlsx is not an Excel workbook', async () => {
    const zip = new JSZip();
    zip.file('名单.txt', '学籍号,姓名,性别');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const { roster, issues } = await readRosterFile('名单.xlsx', bytes, {}, readWorkbookSheet);
    expect(roster).toBeNull();
    expect(issues).toMatchObject([{ severity: 'error', code: 'not-a-workbook' }]);
    expect(issues[0]?.zh).toContain('不是 Excel 工作簿');
    expect(issues[0]?.en).toContain('not an Excel workbook');
  });

  it('reads the one sheet holding a roster when the first is an empty cover, naming both', async () => {
    const bytes = await workbookOf({
      封面: [],
      名单: [
        ['学籍号', '姓名', '性别'],
        ['G1', '魏怡诗', '女'],
      ],
    });
    const { roster, issues, source } = await readRosterFile('名单.xlsx', bytes, {}, readWorkbookSheet);
    expect(source).toEqual({ format: 'xlsx', sheet: '名单' });
    expect(roster?.students).toHaveLength(1);
    expect(issues).toMatchObject([{ severity: 'warning', code: 'sheet-chosen' }]);
    expect(issues[0]?.zh).toMatch(/“封面”.*“名单”/);
    expect(issues[0]?.en).toMatch(/"封面".*"名单"/);
  });

  it('refuses an empty sheet, naming it, the sheets there are and the --sheet option', async () => {
    const bytes = await workbookOf({
      封面: [],
      名单: [
        ['学籍号', '姓名', '性别'],
        ['G1', '魏怡诗', '女'],
      ],
    });
    const { roster, issues } = await readRosterFile('名单.xlsx', bytes, { sheet: '封面' }, readWorkbookSheet);
    expect(roster).toBeNull();
    expect(issues).toMatchObject([{ severity: 'error', code: 'empty-sheet' }]);
    expect(issues[0]?.zh).toMatch(/工作表“封面”是空的.*“封面”、“名单”.*--sheet/);
    expect(issues[0]?.en).toMatch(/sheet "封面", the one read, is empty.*"封面", "名单".*--sheet/);
  });

  it('refuses to guess between several roster sheets behind an empty cover', async () => {
    const roster = [
      ['学籍号', '姓名', '性别'],
      ['G1', '魏怡诗', '女'],
    ];
    const bytes = await workbookOf({ 封面: [], 一班: roster, 二班: roster });
    const { roster: read, issues } = await readRosterFile('名单.xlsx', bytes, {}, readWorkbookSheet);
    expect(read).toBeNull();
    expect(issues).toMatchObject([{ severity: 'error', code: 'ambiguous-sheet' }]);
    expect(issues[0]?.zh).toMatch(/“一班”、“二班”.*--sheet/);
  });

  it('refuses CSV cells to the right of the last header cell, by row and column', async () => {
    const bytes = csv('学籍号,姓名,性别\r\nG1,魏怡诗,女\r\nG2,龙,奕,男\r\n');
    const { roster, issues } = await readRosterFile('名单.csv', bytes, {}, readWorkbookSheet);
    expect(roster).toBeNull();
    expect(errorsOf(issues)).toMatchObject([{ code: 'cells-past-header', row: 3, column: '(D)' }]);
  });

  it('warns about workbook cells to the right of the last header cell, by row and column', async () => {
    const bytes = await workbookOf({
      名单: [
        ['学籍号', '姓名', '性别'],
        ['G1', '魏怡诗', '女', '转学'],
      ],
    });
    const { roster, issues } = await readRosterFile('名单.xlsx', bytes, {}, readWorkbookSheet);
    expect(roster?.students).toHaveLength(1);
    expect(issues).toMatchObject([{ severity: 'warning', code: 'ignored-column', column: '(D)' }]);
    expect(issues[0]?.zh).toContain('第 2 行');
    expect(issues[0]?.en).toContain('row 2');
  });

  it.each([
    ['name', '姓名 (B)', (long: string) => `G1,${long},女,信州区第一小学`],
    ['source school', '毕业学校 (D)', (long: string) => `G1,魏怡诗,女,${long}`],
    ['id', '学籍号 (A)', (long: string) => `${long},魏怡诗,女,信州区第一小学`],
  ])('refuses a 5 MB %s, by row and column, without repeating it', async (_field, column, line) => {
    const bytes = csv(`学籍号,姓名,性别,毕业学校\r\n${line('信'.repeat(5_000_000))}\r\n`);
    const { roster, issues } = await readRosterFile('名单.csv', bytes, {}, readWorkbookSheet);
    expect(roster).toBeNull();
    expect(issues).toMatchObject([{ severity: 'error', code: 'text-too-long', row: 2, column }]);
    expect(formatIssue(issues[0]!).length).toBeLessThan(400);
  });

  it('refuses a 5 MB header, without repeating it', async () => {
    const bytes = csv(`学籍号,姓名,性别,${'备'.repeat(5_000_000)}\r\nG1,魏怡诗,女,1\r\n`);
    const { roster, issues } = await readRosterFile('名单.csv', bytes, {}, readWorkbookSheet);
    expect(roster).toBeNull();
    expect(errorsOf(issues)).toMatchObject([{ code: 'text-too-long', row: 1 }]);
    expect(issues.every((issue) => formatIssue(issue).length < 400)).toBe(true);
  });
});
