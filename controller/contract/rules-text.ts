/**
 * The sealed assignment rules in plain words, one line each, Chinese and English: the same lines on the console, the
 * hall display's seal scene and the printed seal certificate, so the notary reads one wording everywhere.
 */
import type { SealedRules } from '../../engine/ceremony/state.ts';

export interface RuleText {
  readonly zh: string;
  readonly en: string;
}

const NAMES: Readonly<Record<SealedRules['names'], RuleText>> = {
  exact: { zh: '同名学生分在不同班', en: 'students with the same name in different classes' },
  sound: {
    zh: '同名及同音学生分在不同班',
    en: 'students with the same or same-sounding name in different classes',
  },
  dialect: {
    zh: '同名、同音及方言近音学生分在不同班',
    en: 'students whose names sound alike, dialects included, in different classes',
  },
};

export function describeRules(rules: SealedRules): RuleText[] {
  const ranking = rules.rankBy ?? '总分';
  const rankingEn = rules.rankBy ?? 'the total';
  return [
    { zh: '各班人数相差不超过 1 人，男女生数相差不超过 1 人', en: 'class sizes, boys and girls differ by at most 1' },
    rules.siblings === 'together'
      ? { zh: '多胞胎同班', en: 'multiple-birth siblings in one class' }
      : { zh: '多胞胎分在不同班', en: 'multiple-birth siblings in different classes' },
    NAMES[rules.names],
    ...(rules.bands > 0
      ? [
          {
            zh: `按${ranking}分为 ${rules.bands} 个分数段，各段人数各班均衡`,
            en: `${rules.bands} score bands by ${rankingEn}, even in every class`,
          },
        ]
      : []),
    ...(rules.extremes > 0
      ? [
          {
            zh: `${ranking}前 ${rules.extremes} 名与后 ${rules.extremes} 名均匀分布（有成绩时）`,
            en: `the top and bottom ${rules.extremes} by ${rankingEn} spread evenly (where there are scores)`,
          },
        ]
      : []),
    ...(rules.balance.length > 0
      ? [{ zh: `${rules.balance.join('、')}各班均衡`, en: `${rules.balance.join(', ')} even across classes` }]
      : []),
  ];
}
