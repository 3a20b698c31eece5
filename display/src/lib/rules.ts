/** The assignment rules sealed with the plan, as one short line each for the seal certificate. */
import type { SealedRules } from '../../../engine/ceremony/state.ts';
import type { Text } from './text.ts';

export function describeRules(rules: SealedRules, text: Text): string[] {
  const lines = [text.rules.siblings[rules.siblings], text.rules.names[rules.names]];
  const rankedBy = rules.rankBy ?? text.rules.total;
  if (rules.bands > 0) lines.push(text.rules.bands(rules.bands, rankedBy));
  if (rules.extremes > 0) lines.push(text.rules.extremes(rules.extremes, rankedBy));
  if (rules.balance.length > 0) lines.push(text.rules.balance(rules.balance));
  return lines;
}
