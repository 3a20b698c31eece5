import { describe, expect, it } from 'vitest';
import { describeRules } from './rules.ts';
import { TEXT } from './text.ts';

describe('describeRules', () => {
  it('names only the rules that are in force, in Chinese or English', () => {
    const rules = { siblings: 'together', names: 'sound', bands: 0, rankBy: null, extremes: 10, balance: [] } as const;
    expect(describeRules(rules, TEXT.zh)).toEqual(['多胞胎同班', '同名、同音学生分班', '按总分前、后各 10 名均匀分布']);
    const more = {
      ...rules,
      siblings: 'apart',
      bands: 10,
      rankBy: '数学',
      extremes: 0,
      balance: ['随班就读'],
    } as const;
    expect(describeRules(more, TEXT.en)).toEqual([
      'multiples apart',
      'same and same-sounding names apart',
      '10 bands by 数学, even in every class',
      '随班就读 even',
    ]);
  });
});
