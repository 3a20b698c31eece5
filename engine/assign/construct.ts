import { shuffleInPlace, type RandomStream } from '../random.ts';
import { HARD_CONFLICT_WEIGHT, HARD_COUNT_WEIGHT, NONE, type Placement } from './state.ts';

const REPAIR_ROUNDS = 300;
/** One in this many stuck repair steps takes the best move even though it adds soft excess. */
const NOISE_ODDS = 4;

/**
 * Places every unit: most constrained units first (large sibling groups, many conflicts), each into a class where it
 * breaks nothing and fills its counters least, ties broken by the random stream.
 */
export function placeGreedily(placement: Placement, random: RandomStream): void {
  const { problem } = placement;
  const units = shuffleInPlace(
    problem.unitMembers.map((_, unit) => unit),
    random,
  );
  const degree = (unit: number) => problem.conflictStart[unit + 1]! - problem.conflictStart[unit]!;
  units.sort((a, b) => problem.unitMembers[b]!.length - problem.unitMembers[a]!.length || degree(b) - degree(a));

  for (const unit of units) {
    let best = NONE;
    let bestKey: [number, number, number] = [Infinity, Infinity, Infinity];
    let ties = 0;
    for (let classIndex = 0; classIndex < problem.classes; classIndex++) {
      const key = placementKey(placement, unit, classIndex);
      const order = compareKeys(key, bestKey);
      if (order < 0) {
        best = classIndex;
        bestKey = key;
        ties = 1;
      } else if (order === 0 && random.below(++ties) === 0) {
        best = classIndex;
      }
    }
    placement.place(unit, best);
  }
}

function placementKey(placement: Placement, unit: number, classIndex: number): [number, number, number] {
  const { contribStart, contribCounter, contribAmount } = placement.problem;
  let excess = 0;
  let fill = 0;
  for (let i = contribStart[unit]!; i < contribStart[unit + 1]!; i++) {
    const counter = contribCounter[i]!;
    const amount = contribAmount[i]!;
    excess += placement.counterExcess(classIndex, counter, amount) - placement.counterExcess(classIndex, counter, 0);
    fill += (amount * (placement.count(classIndex, counter) + amount)) / Math.max(1, placement.high[counter]!);
  }
  return [placement.conflictsIn(unit, classIndex, NONE, NONE, HARD_CONFLICT_WEIGHT), excess, fill];
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

/**
 * Min-conflicts repair: while some class is outside a counter's bounds or holds two units that must be apart, take a
 * unit involved and make the move or swap that reduces the violations most (sideways when none reduces them).
 * Returns the violation left, 0 when every rule holds.
 */
export function repair(placement: Placement, random: RandomStream): number {
  for (let round = 0; round < REPAIR_ROUNDS; round++) {
    const troubled = troubledUnits(placement, random);
    if (troubled.length === 0) return 0;
    for (const unit of shuffleInPlace(troubled, random)) improveUnit(placement, unit, random);
  }
  return totalViolation(placement);
}

/** One unit to act on for every current violation. */
function troubledUnits(placement: Placement, random: RandomStream): number[] {
  const { problem } = placement;
  const picked = new Set<number>();
  const counterCount = problem.counters.length;
  for (let classIndex = 0; classIndex < problem.classes; classIndex++) {
    for (let counter = 0; counter < counterCount; counter++) {
      const value = placement.count(classIndex, counter);
      if (value > placement.high[counter]!) {
        const holders = placement.unitsOfClass[classIndex]!.filter(
          (unit) => placement.contributes(unit, counter) !== 0,
        );
        if (holders.length > 0) picked.add(holders[random.below(holders.length)]!);
      } else if (value < placement.low[counter]!) {
        const donors = [];
        for (let other = 0; other < problem.classes; other++) {
          if (placement.count(other, counter) <= placement.low[counter]!) continue;
          for (const unit of placement.unitsOfClass[other]!)
            if (placement.contributes(unit, counter) !== 0) donors.push(unit);
        }
        if (donors.length > 0) picked.add(donors[random.below(donors.length)]!);
      }
    }
    for (const unit of placement.unitsOfClass[classIndex]!) {
      if (placement.conflictsIn(unit, classIndex, NONE, NONE, 1) > 0) picked.add(unit);
    }
  }
  return [...picked].sort((a, b) => a - b);
}

function improveUnit(placement: Placement, u: number, random: RandomStream): void {
  const from = placement.classOfUnit[u]!;
  let bestDelta = Infinity;
  let bestV = NONE;
  let bestTo = NONE;
  let ties = 0;
  for (let to = 0; to < placement.problem.classes; to++) {
    if (to === from) continue;
    const candidates = placement.unitsOfClass[to]!;
    for (let i = -1; i < candidates.length; i++) {
      const v = i < 0 ? NONE : candidates[i]!;
      const delta = placement.counterExcessDelta(u, v, from, to) + placement.conflictDelta(u, v, from, to);
      if (delta < bestDelta) {
        bestDelta = delta;
        bestV = v;
        bestTo = to;
        ties = 1;
      } else if (delta === bestDelta && random.below(++ties) === 0) {
        bestV = v;
        bestTo = to;
      }
    }
  }
  if (bestTo === NONE) return;
  // A random walk over soft excess (never over hard counts or conflicts) escapes where no move helps at once.
  const walk = bestDelta < HARD_COUNT_WEIGHT && random.below(NOISE_ODDS) === 0;
  if (bestDelta <= 0 || walk) placement.swap(u, bestV, bestTo);
}

/** Sum of counter excesses plus conflicts (hard ones weighted), each conflicting pair counted once. */
export function totalViolation(placement: Placement): number {
  const { problem } = placement;
  let total = 0;
  for (let classIndex = 0; classIndex < problem.classes; classIndex++) {
    for (let counter = 0; counter < problem.counters.length; counter++) {
      total += placement.counterExcess(classIndex, counter, 0);
    }
    for (const unit of placement.unitsOfClass[classIndex]!) {
      total += placement.conflictsIn(unit, classIndex, NONE, NONE, HARD_CONFLICT_WEIGHT) / 2;
    }
  }
  return total;
}
