/** `sunshine export excel | csv` end to end: the files a provincial platform imports, read back as Excel would. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_COLUMNS } from '../controller/export/platform-rows.ts';
import { openCeremony } from '../controller/ceremony.ts';
import type { CeremonyState } from '../engine/ceremony/state.ts';
import { ceremonyOnDisk, EAST, FORMULA_NAME, sunshineHere as sunshine, WEST } from './print-ceremony.ts';
import { FIXED_SERVICES } from './support/demo-ceremony.ts';

let dataDir: string;
let state: CeremonyState;

beforeAll(async () => {
  dataDir = await ceremonyOnDisk('east-published');
  const ceremony = openCeremony(dataDir, FIXED_SERVICES);
  state = ceremony.service.state;
  ceremony.log.close();
});

const outDir = () => mkdtempSync(join(tmpdir(), 'sunshine-export-'));

/** Students per class in the stored draw, as `学校/班级 → count`. */
function drawnCounts(school: string): Map<string, number> {
  const record = state.schools.find((found) => found.name === school)!;
  const counts = new Map<string, number>();
  for (const classNumber of record.draw!.classOf) {
    const key = `${school}/${classNumber}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe('sunshine export excel', () => {
  it('writes the district and each published school, text kept as text and formulas neutralised', async () => {
    const out = outDir();
    const result = await sunshine('export', 'excel', '--data', dataDir, '--out', out);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('1 所学校尚未公示');
    expect(existsSync(join(out, '东湖小学-分班名单.xlsx'))).toBe(true);
    // 西山中学 is drawn but not published: it is in no file.
    expect(existsSync(join(out, '西山中学-分班名单.xlsx'))).toBe(false);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, '全区-分班名单.xlsx'));
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...PLATFORM_COLUMNS]);
    const column = (header: (typeof PLATFORM_COLUMNS)[number]) => PLATFORM_COLUMNS.indexOf(header) + 1;

    const counts = new Map<string, number>();
    const classOrder: number[] = [];
    for (let row = 2; row <= sheet.rowCount; row += 1) {
      const cells = sheet.getRow(row);
      expect(cells.getCell(column('学校')).value).toBe('东湖小学');
      expect(cells.getCell(column('年级')).value).toBe('一年级');
      const classNumber = cells.getCell(column('班级')).value as number;
      classOrder.push(classNumber);
      expect(cells.getCell(column('班级名称')).value).toBe(`${classNumber}班`);
      const key = `东湖小学/${classNumber}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      for (const header of ['学籍号', '身份证号'] as const) {
        const cell = cells.getCell(column(header));
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.numFmt).toBe('@');
      }
      expect(typeof cells.getCell(column('教师团队')).value).toBe('number');
    }
    expect(counts).toEqual(drawnCounts('东湖小学'));
    expect(classOrder).toEqual([...classOrder].sort((a, b) => a - b));

    const names = sheet.getColumn(column('姓名')).values.slice(2);
    expect(names).toContain(`'${FORMULA_NAME}`);
    expect(names).not.toContain(FORMULA_NAME);
    const ids = sheet.getColumn(column('学籍号')).values.slice(2);
    expect(ids).toEqual(expect.arrayContaining(EAST.roster.students.map((student) => student.id)));
  });

  it('refuses a school that is not published (exit 3) and an unknown one (exit 2), writing nothing', async () => {
    const out = join(outDir(), 'files');
    const early = await sunshine('export', 'excel', '--data', dataDir, '--out', out, '--school', WEST.plan.name);
    expect(early.code).toBe(3);
    expect(early.stderr).toContain('西山中学 的分班结果尚未公示');
    expect(early.stderr).toContain('not published yet');
    const unknown = await sunshine('export', 'csv', '--data', dataDir, '--out', out, '--school', '南湖小学');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('计划中没有学校“南湖小学”');
    expect(existsSync(out)).toBe(false);
  });
});

describe('sunshine export csv', () => {
  it('writes UTF-8 with a BOM, CRLF lines, RFC 4180 quoting and neutralised formulas', async () => {
    const out = outDir();
    const result = await sunshine('export', 'csv', '--data', dataDir, '--out', out, '--school', EAST.plan.name);
    expect(result.code, result.stderr).toBe(0);
    const bytes = readFileSync(join(out, '东湖小学-分班名单.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe(PLATFORM_COLUMNS.join(','));
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.example/"",""点我"")",`);

    const parsed = Papa.parse<Record<string, string>>(text.trim(), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(EAST.roster.students.length);
    const counts = new Map<string, number>();
    for (const row of parsed.data)
      counts.set(`东湖小学/${row['班级']}`, (counts.get(`东湖小学/${row['班级']}`) ?? 0) + 1);
    expect(counts).toEqual(drawnCounts('东湖小学'));
    expect(parsed.data.every((row) => !/^[=+\-@]/.test(row['姓名']!))).toBe(true);
  });
});
