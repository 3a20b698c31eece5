/** The sealed rules as the seal step and the certificate word them, and as the operator chooses them. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, formOfRules, rulesOfForm } from './rules.ts';
import { describeRules } from '../../../controller/contract/rules-text.ts';
import type { SealedRules } from '../../../engine/ceremony/state.ts';

it('words the default rules, and only the rules in force', () => {
  expect(describeRules(DEFAULT_RULES).map((rule) => rule.zh)).toEqual([
    '各班人数相差不超过 1 人，男女生数相差不超过 1 人',
    '多胞胎同班',
    '同名及同音学生分在不同班',
    '总分前 10 名与后 10 名均匀分布（有成绩时）',
  ]);
  const junior: SealedRules = {
    ...DEFAULT_RULES,
    siblings: 'apart',
    bands: 10,
    rankBy: '数学',
    extremes: 0,
    balance: ['随班就读'],
  };
  expect(
    describeRules(junior)
      .map((rule) => rule.zh)
      .slice(1),
  ).toEqual([
    '多胞胎分在不同班',
    '同名及同音学生分在不同班',
    '按数学分为 10 个分数段，各段人数各班均衡',
    '随班就读各班均衡',
  ]);
});

describe('the rules form', () => {
  it('starts from the defaults and gives back exactly the rules it shows', () => {
    expect(rulesOfForm(formOfRules(DEFAULT_RULES))).toEqual({ rules: DEFAULT_RULES, problems: [] });
    const junior = formOfRules({
      ...DEFAULT_RULES,
      siblings: 'apart',
      bands: 10,
      rankBy: '数学',
      balance: ['随班就读'],
    });
    expect(rulesOfForm({ ...junior, balance: ' 随班就读，留守儿童、随班就读, ' })).toEqual({
      rules: { ...DEFAULT_RULES, siblings: 'apart', bands: 10, rankBy: '数学', balance: ['随班就读', '留守儿童'] },
      problems: [],
    });
    expect(rulesOfForm({ ...junior, rankBy: '  ' }).rules?.rankBy).toBeNull();
  });

  it.each([
    [{ bands: '51' }, '分数段数应为 0 到 50 的整数，现为“51”'],
    [{ bands: 'ten' }, '分数段数应为 0 到 50 的整数，现为“ten”'],
    [{ extremes: '-1' }, '前后名次人数应为 0 到 1000 的整数，现为“-1”'],
    [{ extremes: '' }, '前后名次人数应为 0 到 1000 的整数，现为“”'],
    [{ rankBy: '数'.repeat(101) }, '排名科目名称过长（最多 100 字）'],
    [{ balance: Array.from({ length: 21 }, (_, index) => `列${index}`).join(',') }, '要均衡的列太多'],
  ])('refuses %o, saying what is wrong', (change, problem) => {
    const reading = rulesOfForm({ ...formOfRules(DEFAULT_RULES), ...change });
    expect(reading.rules).toBeNull();
    expect(reading.problems.map((found) => found.zh).join('；')).toContain(problem);
  });
});
