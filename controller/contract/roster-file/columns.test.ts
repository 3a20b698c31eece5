import { describe, expect, it } from 'vitest';
import { chooseScoreColumns, findHeaderRow, layoutColumns, normaliseHeader, type RosterField } from './columns.ts';

describe('normaliseHeader', () => {
  it.each([
    ['姓名', '姓名'],
    [' 姓 名 ', '姓名'],
    ['Student ID', 'studentid'],
    ['student_id', 'studentid'],
    ['ＩＤ', 'id'],
    ['*姓名', '姓名'],
    ['出生日期（yyyy-mm-dd）', '出生日期'],
    ['No.', 'no.'],
  ])('%j → %j', (text, normalised) => {
    expect(normaliseHeader(text)).toBe(normalised);
  });
});

describe('layoutColumns', () => {
  it.each<[string, RosterField]>([
    ['学籍号', 'id'],
    ['学号', 'id'],
    ['编号', 'id'],
    ['ID', 'id'],
    ['Student ID', 'id'],
    ['姓名', 'name'],
    ['Name', 'name'],
    ['性别', 'gender'],
    ['Gender', 'gender'],
    ['SEX', 'gender'],
    ['身份证号', 'idCard'],
    ['身份证', 'idCard'],
    ['身份证号码', 'idCard'],
    ['ID Card', 'idCard'],
    ['出生日期', 'birthDate'],
    ['生日', 'birthDate'],
    ['Birth Date', 'birthDate'],
    ['birthday', 'birthDate'],
    ['多胞胎组', 'siblingGroup'],
    ['同胞组', 'siblingGroup'],
    ['多胞胎', 'siblingGroup'],
    ['Sibling Group', 'siblingGroup'],
    ['分开组', 'apartGroups'],
    ['Apart Group', 'apartGroups'],
    ['毕业学校', 'sourceSchool'],
    ['毕业小学', 'sourceSchool'],
    ['Source School', 'sourceSchool'],
  ])('reads header %j as %s', (text, field) => {
    const { layout } = layoutColumns(['序号', text], 1);
    expect(layout.fields[field]).toBe(1);
    expect(layout.rowNumberColumns).toEqual([0]);
  });

  it('reports each missing required column with its aliases', () => {
    const { issues } = layoutColumns(['序号', '身份证号', '语文'], 1);
    expect(issues.map((issue) => [issue.code, issue.row])).toEqual([
      ['missing-column', 1],
      ['missing-column', 1],
      ['missing-column', 1],
    ]);
    expect(issues[1]?.zh).toContain('姓名');
    expect(issues[1]?.en).toContain('name');
  });

  it('refuses two columns meaning the same field', () => {
    const { issues } = layoutColumns(['学籍号', '姓名', '性别', '学号'], 1);
    expect(issues).toMatchObject([{ severity: 'error', code: 'duplicate-column', column: '学号 (D)' }]);
    expect(issues[0]?.zh).toContain('学籍号 (A)');
  });
});

describe('findHeaderRow', () => {
  it('skips a title row above the header', () => {
    const rows = [['2024 年新生名单'], [], ['序号', '学籍号', '姓名', '性别'], ['1', 'G1', '张三', '男']];
    expect(findHeaderRow(rows)).toBe(2);
  });

  it('falls back to the first non-empty row, and null when there is none', () => {
    expect(findHeaderRow([[''], ['a', 'b'], ['1', '2']])).toBe(1);
    expect(findHeaderRow([[''], ['  ']])).toBeNull();
  });
});

describe('chooseScoreColumns', () => {
  const header = ['学籍号', '姓名', '性别', '语文', '数学', '备注', '总分', '空列', ''];
  const rows = [
    ['G1', '张三', '男', '90', '缺考', '转学', '180.5', '', ''],
    ['G2', '李四', '女', '85.5', '77', '', '-', '', ''],
  ];
  const { layout } = layoutColumns(header, 1);

  it('takes every all-numeric column as a score by default', () => {
    const { scores, issues } = chooseScoreColumns(header, 1, layout, rows, [2, 3], null);
    expect(scores).toEqual([
      { subject: '语文', index: 3 },
      { subject: '数学', index: 4 },
      { subject: '总分', index: 6 },
    ]);
    expect(issues.map((issue) => [issue.code, issue.column])).toEqual([
      ['ignored-column', '备注 (F)'],
      ['ignored-column', '空列 (H)'],
    ]);
  });

  it('takes the named columns instead when given', () => {
    const { scores, issues } = chooseScoreColumns(header, 1, layout, rows, [2, 3], ['数学', ' 语文 ']);
    expect(scores).toEqual([
      { subject: '语文', index: 3 },
      { subject: '数学', index: 4 },
    ]);
    expect(issues.map((issue) => issue.column)).toEqual(['备注 (F)', '总分 (G)', '空列 (H)']);
    expect(issues.every((issue) => issue.severity === 'warning')).toBe(true);
  });

  it('takes no scores for an empty list', () => {
    expect(chooseScoreColumns(header, 1, layout, rows, [2, 3], []).scores).toEqual([]);
  });

  it('refuses an unknown score column, listing the possible ones', () => {
    const { issues } = chooseScoreColumns(header, 1, layout, rows, [2, 3], ['物理', '姓名']);
    expect(issues.filter((issue) => issue.code === 'unknown-score-column')).toHaveLength(2);
    expect(issues[0]?.zh).toContain('语文、数学、备注、总分、空列');
  });

  it('says on which rows a column without a header has content', () => {
    const unnamed = ['学籍号', '姓名', '性别', ''];
    const unnamedRows = [
      ['G1', '张三', '男', '转学'],
      ['G2', '李四', '女'],
      ['G3', '王五', '男', '借读'],
    ];
    const { issues } = chooseScoreColumns(unnamed, 1, layoutColumns(unnamed, 1).layout, unnamedRows, [3, 4, 6], null);
    expect(issues).toMatchObject([{ severity: 'warning', code: 'ignored-column', row: null, column: '(D)' }]);
    expect(issues[0]?.zh).toContain('第 3、6 行有内容');
    expect(issues[0]?.en).toContain('rows 3, 6');
  });

  it('warns when numbers look like phone numbers rather than scores', () => {
    const phoneHeader = ['学籍号', '姓名', '性别', '联系电话'];
    const phoneRows = [['G1', '张三', '男', '13800138000']];
    const { scores, issues } = chooseScoreColumns(
      phoneHeader,
      1,
      layoutColumns(phoneHeader, 1).layout,
      phoneRows,
      [2],
      null,
    );
    expect(scores).toEqual([{ subject: '联系电话', index: 3 }]);
    expect(issues).toMatchObject([{ severity: 'warning', code: 'unlikely-scores', column: '联系电话 (D)' }]);
  });

  it('refuses two score columns with the same name', () => {
    const twiceHeader = ['学籍号', '姓名', '性别', '语文', '语文'];
    const twiceRows = [['G1', '张三', '男', '90', '91']];
    const { issues } = chooseScoreColumns(twiceHeader, 1, layoutColumns(twiceHeader, 1).layout, twiceRows, [2], null);
    expect(issues).toMatchObject([{ severity: 'error', code: 'duplicate-column', column: '语文 (E)' }]);
  });
});
