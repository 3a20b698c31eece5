/** The assignment rules as command-line flags, shared by `assign` and `ceremony` (where the seal records them). */
import { DEFAULT_OPTIONS } from '../../engine/assign/index.ts';
import type { SealedRules } from '../../engine/ceremony/state.ts';
import { oneOf, wholeNumber } from './args.ts';

export const RULE_FLAGS = {
  siblings: { type: 'string' },
  names: { type: 'string' },
  bands: { type: 'string' },
  'rank-by': { type: 'string' },
  extremes: { type: 'string' },
  balance: { type: 'string' },
} as const;

export const RULES_USAGE = `[--siblings together|apart] [--names exact|sound|dialect]
    [--bands N（分数段，如 10；默认不分段）] [--rank-by 科目 subject] [--extremes N（前后各 N 名，默认 10）]
    [--balance 随班就读,留守儿童（是/否列，各班均分）]`;

type RuleFlag = keyof typeof RULE_FLAGS;
type RuleValues = { readonly [flag in RuleFlag]?: string };

/** The flag that sets each rule. */
export const RULE_FLAG_OF: Readonly<Record<keyof SealedRules, RuleFlag>> = {
  siblings: 'siblings',
  names: 'names',
  bands: 'bands',
  rankBy: 'rank-by',
  extremes: 'extremes',
  balance: 'balance',
};

/** The rules the flags ask for, the defaults for those not given. */
export function rulesFrom(values: RuleValues): SealedRules {
  return { ...DEFAULT_OPTIONS, ...givenRules(values) };
}

/** Only the rules the flags set: what a resumed ceremony compares with the sealed ones. */
export function givenRules(values: RuleValues): Partial<SealedRules> {
  const rules = {
    siblings: oneOf(values.siblings, '--siblings', ['together', 'apart'] as const),
    names: oneOf(values.names, '--names', ['exact', 'sound', 'dialect'] as const),
    bands: wholeNumber(values.bands, '--bands', 0),
    rankBy: values['rank-by'],
    extremes: wholeNumber(values.extremes, '--extremes', 0),
    balance: values.balance === undefined ? undefined : columnNames(values.balance),
  };
  return Object.fromEntries(Object.entries(rules).filter(([, rule]) => rule !== undefined));
}

/** A list of column names as typed: "语文,数学", with a full-width comma or 、 too. */
export function columnNames(list: string): string[] {
  return list.split(/[,，、]/).map((name) => name.trim());
}
