import { describe, expect, it } from 'vitest';
import { columnLabel, columnLetter, formatIssue, type RosterIssue } from './issue.ts';

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [2, 'C'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16_383, 'XFD'],
  ])('%i → %s', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
  });

  it('labels a column with its header and letter', () => {
    expect(columnLabel(' 姓名 ', 2)).toBe('姓名 (C)');
    expect(columnLabel('', 7)).toBe('(H)');
  });
});

describe('formatIssue', () => {
  const issue: RosterIssue = {
    severity: 'error',
    code: 'id-card-checksum',
    row: 12,
    column: '身份证号 (E)',
    zh: '校验位错误',
    en: 'checksum digit is wrong',
  };

  it('names row and column in both languages', () => {
    expect(formatIssue(issue)).toBe(
      '第 12 行 身份证号 (E)：校验位错误 / row 12, column 身份证号 (E): checksum digit is wrong',
    );
  });

  it('leaves out what is not known', () => {
    expect(formatIssue({ ...issue, column: null })).toBe('第 12 行：校验位错误 / row 12: checksum digit is wrong');
    expect(formatIssue({ ...issue, row: null })).toBe(
      '身份证号 (E) 列：校验位错误 / column 身份证号 (E): checksum digit is wrong',
    );
    expect(formatIssue({ ...issue, row: null, column: null })).toBe('校验位错误 / checksum digit is wrong');
  });
});
