import { shuffleInPlace, type RandomStream } from '../random.ts';
import { HARD_CONFLICT_WEIGHT, HARD_COUNT_WEIGHT, NONE, type Placement } from './state.ts';

const REPAIR_ROUNDS = 300;
/** One in this many stuck repair steps takes the best move even though it adds soft excess. */
const NOISE_ODDS = 4;
/** Classes searched for a troubled unit's move besides the one its violation names. */
const REPAIR_SAMPLED_CLASSES = 40;

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
 * unit involved and make the move or swap that reduces the violations most (sideways when none reduces them), among
 * the units of the class the violation points to and of a random sample of other classes (all, in small schools).
 * Returns the violation left, 0 when every rule holds.
 */
export function repair(placement: Placement, random: RandomStream): number {
  const classOrder = Int32Array.from({ length: placement.problem.classes }, (_, index) => index);
  const unavoidable = forcedExcess(placement);
  let best = totalViolation(placement);
  let bestClasses = placement.classOfUnit.slice();
  for (let round = 0; round < REPAIR_ROUNDS && best > unavoidable; round++) {
    const troubled = troubledUnits(placement, random);
    const units = shuffleInPlace(
      [...troubled.keys()].sort((a, b) => a - b),
      random,
    );
    for (const unit of units) improveUnit(placement, unit, troubled.get(unit)!, classOrder, random);
    const violation = totalViolation(placement);
    if (violation < best) {
      best = violation;
      bestClasses = placement.classOfUnit.slice();
    }
  }
  // The random walk may end above the best placement it passed through: return to that one.
  placement.moveAll(bestClasses);
  return best;
}

/**
 * Excess no placement avoids: a sibling group holding more of a count than a class may hold (three pupils of a
 * school whose pupils are one per class) exceeds the bound wherever it goes.
 */
function forcedExcess(placement: Placement): number {
  const { contribStart, contribCounter, contribAmount, unitMembers } = placement.problem;
  let forced = 0;
  for (let unit = 0; unit < unitMembers.length; unit++) {
    for (let i = contribStart[unit]!; i < contribStart[unit + 1]!; i++) {
      const counter = contribCounter[i]!;
      forced += placement.excessWeight[counter]! * Math.max(0, contribAmount[i]! - placement.high[counter]!);
    }
  }
  return forced;
}

/** One unit to act on for every current violation, with the class it should go to when the violation names one. */
function troubledUnits(placement: Placement, random: RandomStream): Map<number, number> {
  const { problem } = placement;
  const picked = new Map<number, number>();
  const counterCount = problem.counters.length;
  for (let classIndex = 0; classIndex < problem.classes; classIndex++) {
    for (let counter = 0; counter < counterCount; counter++) {
      const value = placement.count(classIndex, counter);
      if (value > placement.high[counter]!) {
        const holders = placement.unitsOfClass[classIndex]!.filter(
          (unit) => placement.contributes(unit, counter) !== 0,
        );
        if (holders.length > 0) picked.set(holders[random.below(holders.length)]!, NONE);
      } else if (value < placement.low[counter]!) {
        const donors = [];
        for (let other = 0; other < problem.classes; other++) {
          if (placement.count(other, counter) <= placement.low[counter]!) continue;
          for (const unit of placement.unitsOfClass[other]!)
            if (placement.contributes(unit, counter) !== 0) donors.push(unit);
        }
        if (donors.length > 0) picked.set(donors[random.below(donors.length)]!, classIndex);
      }
    }
    for (const unit of placement.unitsOfClass[classIndex]!) {
      if (!picked.has(unit) && placement.conflictsIn(unit, classIndex, NONE, NONE, 1) > 0) picked.set(unit, NONE);
    }
  }
  return picked;
}

function improveUnit(
  placement: Placement,
  u: number,
  hint: number,
  classOrder: Int32Array,
  random: RandomStream,
): void {
  const from = placement.classOfUnit[u]!;
  const classes = classOrder.length;
  const sampled = Math.min(classes, REPAIR_SAMPLED_CLASSES);
  // A partial Fisher–Yates shuffle leaves classOrder a permutation, so every call samples uniformly.
  for (let i = 0; i < sampled; i++) {
    const j = i + random.below(classes - i);
    const chosen = classOrder[j]!;
    classOrder[j] = classOrder[i]!;
    classOrder[i] = chosen;
  }
  let bestDelta = Infinity;
  let bestV = NONE;
  let bestTo = NONE;
  let ties = 0;
  for (let k = -1; k < sampled; k++) {
    const to = k < 0 ? hint : classOrder[k]!;
    if (to === NONE || to === from || (k >= 0 && to === hint)) continue;
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

/** Weighted sum of counter excesses (hard counts first) and conflicts (hard ones first), each pair counted once. */
function totalViolation(placement: Placement): number {
  const { problem } = placement;
  let total = 0;
  for (let classIndex = 0; classIndex < problem.classes; classIndex++) {
    for (let counter = 0; counter < problem.counters.length; counter++) {
      total += placement.excessWeight[counter]! * placement.counterExcess(classIndex, counter, 0);
    }
    for (const unit of placement.unitsOfClass[classIndex]!) {
      total += placement.conflictsIn(unit, classIndex, NONE, NONE, HARD_CONFLICT_WEIGHT) / 2;
    }
  }
  return total;
}
