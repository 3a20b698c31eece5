import { describe, expect, it } from 'vitest';
import { idCardCheckCharacter } from '../../../engine/idcard.ts';
import { parseCsv } from './csv.ts';
import type { RosterIssue } from './issue.ts';
import type { Table } from './table.ts';
import { validateTable } from './validate.ts';
import type { CellProblem } from './table.ts';

const HEADER = '学籍号,姓名,性别,身份证号,出生日期,多胞胎组,分开组,毕业学校,语文';
const WEI = 'G1,魏怡诗,女,361102201205190322,2012-05-19,,,信州区第一小学,71';
const LONG = 'G2,龙奕,男,361102201109010475,2011-09-01,,,秦峰小学,71.5';

function tableOf(lines: readonly string[], cellProblems: readonly CellProblem[] = []): Table {
  return { source: { format: 'csv', encoding: 'utf-8' }, rows: parseCsv(lines.join('\r\n')).rows, cellProblems };
}

function validate(lines: readonly string[], scoreNames: readonly string[] | null = null) {
  return validateTable(tableOf(lines), scoreNames);
}

function withDate(date: string, sequence: string): string {
  const first17 = `361102${date}${sequence}`;
  return first17 + idCardCheckCharacter(first17);
}

type Expected = Pick<RosterIssue, 'severity' | 'code' | 'row' | 'column'>;

describe('validateTable finds every problem', () => {
  it.each<[string, readonly string[], Expected]>([
    ['an empty file', [''], { severity: 'error', code: 'empty-file', row: null, column: null }],
    ['a header without students', [HEADER, '', ''], { severity: 'error', code: 'no-students', row: 1, column: null }],
    [
      'a missing 性别 column',
      ['学籍号,姓名,身份证号', 'G1,魏怡诗,361102201205190322'],
      { severity: 'error', code: 'missing-column', row: 1, column: null },
    ],
    [
      'a duplicate id',
      [HEADER, WEI, LONG.replace('G2', 'G1')],
      { severity: 'error', code: 'duplicate-id', row: 3, column: '学籍号 (A)' },
    ],
    [
      'an empty id',
      [HEADER, WEI.replace('G1', '')],
      { severity: 'error', code: 'missing-id', row: 2, column: '学籍号 (A)' },
    ],
    [
      'an empty name',
      [HEADER, WEI, LONG.replace('龙奕', ' ')],
      { severity: 'error', code: 'missing-name', row: 3, column: '姓名 (B)' },
    ],
    [
      'an unknown gender',
      [HEADER, WEI.replace(',女,', ',女生,')],
      { severity: 'error', code: 'invalid-gender', row: 2, column: '性别 (C)' },
    ],
    [
      'an empty gender',
      [HEADER, WEI.replace(',女,', ',,')],
      { severity: 'error', code: 'invalid-gender', row: 2, column: '性别 (C)' },
    ],
    [
      'a short ID number',
      [HEADER, WEI.replace('361102201205190322', '36110220120519032')],
      { severity: 'error', code: 'invalid-id-card', row: 2, column: '身份证号 (D)' },
    ],
    [
      'a 15-digit first-generation ID number',
      [HEADER, WEI.replace('361102201205190322', '361102120519032')],
      { severity: 'error', code: 'invalid-id-card', row: 2, column: '身份证号 (D)' },
    ],
    [
      'a mistyped ID number',
      [HEADER, WEI.replace('361102201205190322', '361102201205190332')],
      { severity: 'error', code: 'id-card-checksum', row: 2, column: '身份证号 (D)' },
    ],
    [
      'an ID number with an impossible birth date',
      [HEADER, `G1,魏怡诗,女,${withDate('20120230', '032')},,,,,71`],
      { severity: 'error', code: 'id-card-birth-date', row: 2, column: '身份证号 (D)' },
    ],
    [
      'an ID number of the other gender',
      [HEADER, WEI.replace(',女,', ',男,')],
      { severity: 'error', code: 'id-card-gender-mismatch', row: 2, column: '身份证号 (D)' },
    ],
    [
      'a birth date the ID number disagrees with',
      [HEADER, WEI.replace('2012-05-19', '2012-05-18')],
      { severity: 'error', code: 'id-card-birth-date-mismatch', row: 2, column: '出生日期 (E)' },
    ],
    [
      'an unreadable birth date',
      [HEADER, WEI.replace('2012-05-19', '2012-02-30')],
      { severity: 'error', code: 'invalid-birth-date', row: 2, column: '出生日期 (E)' },
    ],
    [
      'the same ID number twice',
      [HEADER, WEI, WEI.replace('G1', 'G9').replace('魏怡诗', '魏诗')],
      { severity: 'error', code: 'duplicate-id-card', row: 3, column: '身份证号 (D)' },
    ],
    [
      'a score that is not a number',
      [HEADER, WEI, WEI.replace('G1', 'G3').replace('190322', '190349'), LONG.replace(',71.5', ',7l.5')],
      { severity: 'error', code: 'invalid-score', row: 4, column: '语文 (I)' },
    ],
    [
      'a score marked 缺考',
      [HEADER, WEI, LONG.replace(',71.5', ',缺考')],
      { severity: 'warning', code: 'missing-score', row: 3, column: '语文 (I)' },
    ],
    [
      'a score marked -',
      [HEADER, WEI, LONG.replace(',71.5', ',-')],
      { severity: 'warning', code: 'missing-score', row: 3, column: '语文 (I)' },
    ],
    [
      'a sibling group of one',
      [HEADER, WEI, LONG.replace('2011-09-01,,', '2011-09-01,D001,')],
      { severity: 'warning', code: 'single-sibling', row: 3, column: '多胞胎组 (F)' },
    ],
    [
      'an apart group of one',
      [HEADER, WEI, LONG.replace('2011-09-01,,', '2011-09-01,,A1')],
      { severity: 'warning', code: 'single-apart-member', row: 3, column: '分开组 (G)' },
    ],
    [
      'a full-width space in a name',
      [HEADER, WEI.replace('魏怡诗', '魏\u3000怡诗')],
      { severity: 'warning', code: 'whitespace', row: null, column: '姓名 (B)' },
    ],
    [
      'a title above the header',
      ['2024 年新生名单', HEADER, WEI],
      { severity: 'warning', code: 'rows-before-header', row: null, column: null },
    ],
    [
      'an unknown text column',
      ['学籍号,姓名,性别,家庭住址', 'G1,魏怡诗,女,水南街'],
      { severity: 'warning', code: 'ignored-column', row: null, column: '家庭住址 (D)' },
    ],
  ])('%s', (_case, lines, expected) => {
    const { roster, issues } = validate(lines);
    const found = issues.find((issue) => issue.code === expected.code);
    expect(found).toEqual(expect.objectContaining(expected));
    expect(found?.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(found?.en).toMatch(/^[^\u4e00-\u9fff]*[a-z]/);
    expect(issues.filter((issue) => issue.severity === 'error' && issue.code !== expected.code)).toEqual([]);
    expect(roster === null).toBe(expected.severity === 'error');
  });

  it('names both rows of a duplicate id', () => {
    const { issues } = validate([HEADER, WEI, LONG.replace('G2', 'G1')]);
    expect(issues[0]?.zh).toContain('第 2 行（魏怡诗）');
    expect(issues[0]?.zh).toContain('龙奕');
    expect(issues[0]?.en).toContain('row 2 (魏怡诗)');
  });

  it('reports an unknown score column given by name', () => {
    const { roster, issues } = validate([HEADER, WEI], ['数学']);
    expect(roster).toBeNull();
    expect(issues[0]).toMatchObject({ severity: 'error', code: 'unknown-score-column', row: 1 });
  });

  it('reports numbers Excel cut short and formulas without results, where they are', () => {
    const lines = [HEADER, WEI, LONG];
    const problems: CellProblem[] = [
      { rowIndex: 1, columnIndex: 3, kind: 'imprecise-number' },
      { rowIndex: 2, columnIndex: 8, kind: 'uncached-formula' },
    ];
    const { roster, issues } = validateTable(tableOf(lines, problems), null);
    expect(roster).toBeNull();
    expect(issues).toMatchObject([
      { severity: 'error', code: 'imprecise-number', row: 2, column: '身份证号 (D)' },
      { severity: 'error', code: 'uncached-formula', row: 3, column: '语文 (I)' },
    ]);
  });

  it('ignores problems in columns it does not read', () => {
    const problems: CellProblem[] = [{ rowIndex: 1, columnIndex: 9, kind: 'imprecise-number' }];
    const { issues } = validateTable(tableOf([HEADER + ',备注', WEI + ',转学'], problems), null);
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });
});

describe('validateTable builds the roster', () => {
  it('reads every field', () => {
    const { roster, issues } = validate([
      `序号,${HEADER},数学,备注`,
      `1,${WEI},86,`,
      `2,${LONG},,转学`,
      '3,G3,Anna  Li,F,,2012/3/4,D7,A1;B2,信州区第一小学,缺考,90,',
      '4,G4,李 明,男,36110220120304003x,,D7,A1、B2,,80,88,',
      '5,,,,,,,,,,,,',
      '',
    ]);
    expect(roster).toEqual({
      subjects: ['语文', '数学'],
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
          scores: [71, 86],
          flags: [],
        },
        {
          id: 'G2',
          name: '龙奕',
          gender: 'M',
          birthDate: '2011-09-01',
          idCard: '361102201109010475',
          siblingGroup: null,
          apartGroups: [],
          sourceSchool: '秦峰小学',
          scores: [71.5, null],
          flags: [],
        },
        {
          id: 'G3',
          name: 'Anna Li',
          gender: 'F',
          birthDate: '2012-03-04',
          idCard: null,
          siblingGroup: 'D7',
          apartGroups: ['A1', 'B2'],
          sourceSchool: '信州区第一小学',
          scores: [null, 90],
          flags: [],
        },
        {
          id: 'G4',
          name: '李明',
          gender: 'M',
          birthDate: '2012-03-04',
          idCard: '36110220120304003X',
          siblingGroup: 'D7',
          apartGroups: ['A1', 'B2'],
          sourceSchool: null,
          scores: [80, 88],
          flags: [],
        },
      ],
    });
    expect(issues.map((issue) => [issue.code, issue.row, issue.column])).toEqual([
      ['ignored-column', null, '备注 (L)'],
      ['missing-score', 4, '语文 (J)'],
      ['whitespace', null, '姓名 (C)'],
    ]);
    expect(issues[2]?.zh).toContain('2 个单元格');
    expect(issues[2]?.zh).toContain('第 5 行“李 明”→“李明”');
  });

  it('leaves the birth date null when neither column nor ID number gives one', () => {
    const { roster } = validate(['学籍号,姓名,性别', 'G1,魏怡诗,女']);
    expect(roster?.students[0]?.birthDate).toBeNull();
    expect(roster?.subjects).toEqual([]);
  });

  it('numbers rows as the spreadsheet does, across blank lines and a title', () => {
    const { issues } = validate(['名单', '', HEADER, '', WEI, '', WEI.replace('G1', 'G2')]);
    expect(issues.find((issue) => issue.code === 'duplicate-id-card')?.row).toBe(7);
    expect(issues.find((issue) => issue.code === 'duplicate-id-card')?.zh).toContain('第 5 行');
  });
});

describe('validateTable reads balance columns (yes/no groups)', () => {
  const header = `${HEADER},随班就读,留守儿童`;

  it('reads the named yes/no columns as groups, blank as no, and never as scores', () => {
    const { roster, issues } = validateTable(
      tableOf([header, `${WEI},是,`, `${LONG},0,√`, 'G3,王芳,女,,2012-01-02,,,秦峰小学,80,否,yes']),
      null,
      ['留守儿童', '随班就读'],
    );
    expect(issues).toEqual([]);
    expect(roster?.subjects).toEqual(['语文']);
    expect(roster?.flags).toEqual(['随班就读', '留守儿童']);
    expect(roster?.students.map((student) => student.flags)).toEqual([
      [true, false],
      [false, true],
      [false, true],
    ]);
  });

  it('says where a cell is neither yes nor no, and which balance column does not exist', () => {
    const wrong = validateTable(tableOf([header, `${WEI},也许,`]), null, ['随班就读']);
    expect(wrong.roster).toBeNull();
    // 留守儿童 is not named here, so it is only an ignored column (a warning).
    expect(wrong.issues.filter((issue) => issue.severity === 'error')).toEqual([
      expect.objectContaining({ severity: 'error', code: 'invalid-flag', row: 2, column: '随班就读 (J)' }),
    ]);
    const missing = validateTable(tableOf([header, WEI + ',是,否']), null, ['少数民族']);
    expect(missing.roster).toBeNull();
    expect(missing.issues.filter((issue) => issue.severity === 'error')).toEqual([
      expect.objectContaining({ severity: 'error', code: 'unknown-balance-column', row: 1, column: null }),
    ]);
    expect(missing.issues[0]!.zh).toContain('少数民族');
  });
});
