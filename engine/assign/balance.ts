import { shuffleInPlace, type RandomStream } from '../random.ts';
import { NONE, type Placement } from './state.ts';

/** Search effort, bounded by counts, never by time, so every machine agrees on the result. */
export interface BalanceEffort {
  /** Most sweeps over all units; a sweep that improves nothing ends the search sooner. */
  readonly sweeps: number;
  /** Classes examined as destinations for each unit in a sweep (all of them when there are no more). */
  readonly classesPerUnit: number;
}

export const DEFAULT_EFFORT: BalanceEffort = { sweeps: 30, classesPerUnit: 24 };

const IMPROVEMENT = 1e-9;

/**
 * Exchange-method anticlustering: each sweep visits every unit in random order and makes the trade (the unit to
 * another class, alone or swapped with a unit there) that lowers the balance objective most. Only trades that keep
 * every counter in its bounds and add no conflict are considered, so every rule established before balancing holds
 * after it.
 */
export function balance(placement: Placement, random: RandomStream, effort: BalanceEffort): void {
  const { problem } = placement;
  if (problem.classes < 2 || problem.features.length === 0) return;
  const units = problem.unitMembers.map((_, unit) => unit);
  const classes = Array.from({ length: problem.classes }, (_, index) => index);
  for (let sweep = 0; sweep < effort.sweeps; sweep++) {
    let improved = false;
    for (const u of shuffleInPlace(units, random)) {
      if (improveUnit(placement, u, destinations(classes, effort.classesPerUnit, random))) improved = true;
    }
    if (!improved) return;
  }
}

/** All classes, or a fresh random sample of them when there are too many to examine each time. */
function destinations(classes: number[], limit: number, random: RandomStream): readonly number[] {
  if (classes.length <= limit) return classes;
  for (let i = 0; i < limit; i++) {
    const j = i + random.below(classes.length - i);
    const chosen = classes[j]!;
    classes[j] = classes[i]!;
    classes[i] = chosen;
  }
  return classes.slice(0, limit);
}

function improveUnit(placement: Placement, u: number, destinations: readonly number[]): boolean {
  const from = placement.classOfUnit[u]!;
  let bestDelta = -IMPROVEMENT;
  let bestV = NONE;
  let bestTo = NONE;
  const consider = (v: number, to: number) => {
    if (!placement.countersStayInBounds(u, v, from, to)) return;
    const delta = placement.objectiveDelta(u, v, from, to);
    if (delta >= bestDelta || placement.conflictDelta(u, v, from, to) > 0) return;
    bestDelta = delta;
    bestV = v;
    bestTo = to;
  };
  for (const to of destinations) {
    if (to === from) continue;
    consider(NONE, to);
    for (const v of placement.unitsOfClass[to]!) consider(v, to);
  }
  if (bestTo === NONE) return false;
  placement.swap(u, bestV, bestTo);
  return true;
}
