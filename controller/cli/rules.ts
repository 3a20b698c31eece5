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

type RuleValues = { readonly [flag in keyof typeof RULE_FLAGS]?: string };

/** The rules the flags ask for, the defaults for those not given. */
export function rulesFrom(values: RuleValues): SealedRules {
  return {
    siblings: oneOf(values.siblings, '--siblings', ['together', 'apart'] as const) ?? DEFAULT_OPTIONS.siblings,
    names: oneOf(values.names, '--names', ['exact', 'sound', 'dialect'] as const) ?? DEFAULT_OPTIONS.names,
    bands: wholeNumber(values.bands, '--bands', 0) ?? DEFAULT_OPTIONS.bands,
    rankBy: values['rank-by'] ?? DEFAULT_OPTIONS.rankBy,
    extremes: wholeNumber(values.extremes, '--extremes', 0) ?? DEFAULT_OPTIONS.extremes,
    balance: values.balance === undefined ? DEFAULT_OPTIONS.balance : columnNames(values.balance),
  };
}

/** A list of column names as typed: "语文,数学", with a full-width comma or 、 too. */
export function columnNames(list: string): string[] {
  return list.split(/[,，、]/).map((name) => name.trim());
}
