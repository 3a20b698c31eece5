/** The sealed rules as the seal step and the certificate word them. */
import { expect, it } from 'vitest';
import { DEFAULT_RULES, describeRules } from '../console/src/lib/rules.ts';
import type { SealedRules } from '../engine/ceremony/state.ts';

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
