import { describe, expect, it } from 'vitest';
import { groupLabel, halfWidth, parseBirthDate, parseGender, parseScore, splitGroups, tidyCell } from './values.ts';

describe('tidyCell', () => {
  it.each([
    ['张三', '张三'],
    ['  张三 ', '张三'],
    ['张\u3000三', '张三'],
    ['\u3000张三\u3000', '张三'],
    ['张 三 丰', '张三丰'],
    ['信州区 第一小学', '信州区第一小学'],
    ['阿依古丽 · 买买提', '阿依古丽·买买提'],
    ['Anna   Li', 'Anna Li'],
    ['Anna\u00a0Li', 'Anna Li'],
    ['\u200b张三', '张三'],
    ['张三\n', '张三'],
    ['87.5 ', '87.5'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (raw, tidy) => {
    expect(tidyCell(raw)).toBe(tidy);
  });
});

describe('halfWidth', () => {
  it('folds full-width digits and letters', () => {
    expect(halfWidth('３６１１０２２０１２０５１９０３２Ｘ')).toBe('36110220120519032X');
  });
});

describe('parseGender', () => {
  it.each([
    ['男', 'M'],
    ['女', 'F'],
    ['M', 'M'],
    ['m', 'M'],
    ['F', 'F'],
    ['Male', 'M'],
    ['FEMALE', 'F'],
    ['Ｍ', 'M'],
    ['', null],
    ['男生', null],
    ['1', null],
  ])('%j → %s', (text, gender) => {
    expect(parseGender(text)).toBe(gender);
  });
});

describe('parseBirthDate', () => {
  it.each([
    ['2012-05-19', '2012-05-19'],
    ['2012-5-9', '2012-05-09'],
    ['2012/5/19', '2012-05-19'],
    ['2012.5.19', '2012-05-19'],
    ['20120519', '2012-05-19'],
    ['2012年5月19日', '2012-05-19'],
    ['2012年05月19', '2012-05-19'],
    ['2012-05-19 00:00:00', '2012-05-19'],
    ['２０１２－０５－１９', '2012-05-19'],
    ['2012-02-30', null],
    ['2012-13-01', null],
    ['2012/05-19', null],
    ['19/05/2012', null],
    ['2012-05', null],
    ['41048', null],
    ['', null],
  ])('%j → %s', (text, date) => {
    expect(parseBirthDate(text)).toBe(date);
  });
});

describe('parseScore', () => {
  it.each([
    ['87.5', { kind: 'number', value: 87.5 }],
    ['100', { kind: 'number', value: 100 }],
    ['0', { kind: 'number', value: 0 }],
    ['.5', { kind: 'number', value: 0.5 }],
    ['９０', { kind: 'number', value: 90 }],
    ['', { kind: 'blank' }],
    ['缺考', { kind: 'absent' }],
    ['-', { kind: 'absent' }],
    ['－', { kind: 'absent' }],
    ['优', { kind: 'invalid' }],
    ['87,5', { kind: 'invalid' }],
    ['1e3', { kind: 'invalid' }],
  ])('%j → %o', (text, cell) => {
    expect(parseScore(text)).toEqual(cell);
  });
});

describe('groups', () => {
  it('folds full-width forms in a group label', () => {
    expect(groupLabel('Ｄ００１')).toBe('D001');
    expect(groupLabel('')).toBeNull();
  });

  it.each([
    ['A1', ['A1']],
    ['A1;B2', ['A1', 'B2']],
    ['A1；B2', ['A1', 'B2']],
    ['A1、B2', ['A1', 'B2']],
    ['A1 | B2 | A1', ['A1', 'B2']],
    ['A1;;', ['A1']],
    ['', []],
  ])('splits %j', (text, groups) => {
    expect(splitGroups(text)).toEqual(groups);
  });
});
