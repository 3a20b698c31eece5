import { SOFT_FAMILIES, type Problem } from './problem.ts';

/** No unit: a swap with NONE is a plain move of one unit to another class. */
export const NONE = -1;

/** Excess on a hard count (size, gender) outweighs any excess on the soft ones (source schools, bands) in repair. */
export const HARD_COUNT_WEIGHT = 1000;

/** A hard conflict outweighs any number of soft ones and counter excesses, so no search trades one for them. */
export const HARD_CONFLICT_WEIGHT = 1_000_000;

/**
 * The mutable placement the search works on, with per-class running totals kept in step, so that the effect of
 * moving or swapping units is known in O(counters + features) without rescanning classes.
 */
export class Placement {
  readonly classOfUnit: Int32Array;
  /** counts[c * counters + k]: how much of counter k class c holds. */
  readonly counts: Int32Array;
  readonly featureSum: Float64Array;
  readonly featureCount: Float64Array;
  /** Units of each class, unordered; positionInClass makes removal O(1). */
  readonly unitsOfClass: number[][];
  private readonly positionInClass: Int32Array;
  readonly low: Int32Array;
  readonly high: Int32Array;
  /** How much one unit of excess on each counter weighs in repair: hard counts outweigh spreads. */
  readonly excessWeight: Int32Array;
  private readonly counterCount: number;
  private readonly featureTotal: number;

  constructor(readonly problem: Problem) {
    const units = problem.unitMembers.length;
    this.counterCount = problem.counters.length;
    this.featureTotal = problem.features.length;
    this.classOfUnit = new Int32Array(units).fill(NONE);
    this.counts = new Int32Array(problem.classes * this.counterCount);
    this.featureSum = new Float64Array(problem.classes * this.featureTotal);
    this.featureCount = new Float64Array(problem.classes * this.featureTotal);
    this.unitsOfClass = Array.from({ length: problem.classes }, () => []);
    this.positionInClass = new Int32Array(units).fill(NONE);
    this.low = Int32Array.from(problem.counters, (counter) => counter.low);
    this.high = Int32Array.from(problem.counters, (counter) => counter.high);
    this.excessWeight = Int32Array.from(problem.counters, (counter) =>
      SOFT_FAMILIES.includes(counter.family) ? 1 : HARD_COUNT_WEIGHT,
    );
  }

  count(classIndex: number, counter: number): number {
    return this.counts[classIndex * this.counterCount + counter]!;
  }

  place(unit: number, classIndex: number): void {
    this.addToClass(unit, classIndex, 1);
    this.classOfUnit[unit] = classIndex;
    const members = this.unitsOfClass[classIndex]!;
    this.positionInClass[unit] = members.length;
    members.push(unit);
  }

  remove(unit: number): void {
    const classIndex = this.classOfUnit[unit]!;
    this.addToClass(unit, classIndex, -1);
    const members = this.unitsOfClass[classIndex]!;
    const position = this.positionInClass[unit]!;
    const last = members.pop()!;
    if (last !== unit) {
      members[position] = last;
      this.positionInClass[last] = position;
    }
    this.classOfUnit[unit] = NONE;
    this.positionInClass[unit] = NONE;
  }

  /** Unit u goes to class `to`; unit v (or NONE) goes to u's class. */
  swap(u: number, v: number, to: number): void {
    const from = this.classOfUnit[u]!;
    this.remove(u);
    if (v !== NONE) {
      this.remove(v);
      this.place(v, from);
    }
    this.place(u, to);
  }

  /** Puts every unit into the class given for it, moving only those whose class differs. */
  moveAll(classOfUnit: Int32Array): void {
    const moving: number[] = [];
    for (let unit = 0; unit < classOfUnit.length; unit++) {
      if (this.classOfUnit[unit] !== classOfUnit[unit]) moving.push(unit);
    }
    for (const unit of moving) this.remove(unit);
    for (const unit of moving) this.place(unit, classOfUnit[unit]!);
  }

  private addToClass(unit: number, classIndex: number, sign: 1 | -1): void {
    const { contribStart, contribCounter, contribAmount, unitFeatureSum, unitFeatureCount } = this.problem;
    for (let i = contribStart[unit]!; i < contribStart[unit + 1]!; i++) {
      this.counts[classIndex * this.counterCount + contribCounter[i]!]! += sign * contribAmount[i]!;
    }
    const features = this.featureTotal;
    for (let f = 0; f < features; f++) {
      this.featureSum[classIndex * features + f]! += sign * unitFeatureSum[unit * features + f]!;
      this.featureCount[classIndex * features + f]! += sign * unitFeatureCount[unit * features + f]!;
    }
  }

  /** How far class c lies outside its bounds on counter k after adding `delta`. */
  counterExcess(classIndex: number, counter: number, delta: number): number {
    const value = this.counts[classIndex * this.counterCount + counter]! + delta;
    const high = this.high[counter]!;
    const low = this.low[counter]!;
    return value > high ? value - high : value < low ? low - value : 0;
  }

  /**
   * Weighted sum over the counters either unit touches of the change in bound excess if u (in `from`) and v (NONE,
   * or in `to`) trade places. 0 means neither class moves further outside its bounds.
   */
  counterExcessDelta(u: number, v: number, from: number, to: number): number {
    let delta = this.excessDeltaOver(u, u, v, from, to, NONE);
    if (v !== NONE) delta += this.excessDeltaOver(v, u, v, from, to, u);
    return delta;
  }

  /** The excess change over the counters of `unit`, skipping those `skipUnit` has (already counted). */
  private excessDeltaOver(unit: number, u: number, v: number, from: number, to: number, skipUnit: number): number {
    const { contribStart, contribCounter } = this.problem;
    let delta = 0;
    for (let i = contribStart[unit]!; i < contribStart[unit + 1]!; i++) {
      const counter = contribCounter[i]!;
      if (skipUnit !== NONE && this.contributes(skipUnit, counter) !== 0) continue;
      const change = this.contributes(v, counter) - this.contributes(u, counter);
      delta +=
        this.excessWeight[counter]! *
        (this.counterExcess(from, counter, change) -
          this.counterExcess(from, counter, 0) +
          this.counterExcess(to, counter, -change) -
          this.counterExcess(to, counter, 0));
    }
    return delta;
  }

  /** True when the trade keeps every counter of both classes within its bounds. */
  countersStayInBounds(u: number, v: number, from: number, to: number): boolean {
    if (v !== NONE && this.problem.signature[u] === this.problem.signature[v]) return true;
    return this.pairTradeKeepsBounds(u, v, NONE, NONE, from, to);
  }

  /** True when u1 and u2 (NONE allowed) going from `from` to `to`, and v1 and v2 coming back, keep every bound. */
  pairTradeKeepsBounds(u1: number, v1: number, u2: number, v2: number, from: number, to: number): boolean {
    const { contribStart, contribCounter } = this.problem;
    for (let which = 0; which < 4; which++) {
      const unit = which === 0 ? u1 : which === 1 ? v1 : which === 2 ? u2 : v2;
      if (unit === NONE) continue;
      for (let i = contribStart[unit]!; i < contribStart[unit + 1]!; i++) {
        const counter = contribCounter[i]!;
        const change =
          this.contributes(v1, counter) +
          this.contributes(v2, counter) -
          this.contributes(u1, counter) -
          this.contributes(u2, counter);
        if (change === 0) continue;
        if (this.counterExcess(from, counter, change) !== 0 || this.counterExcess(to, counter, -change) !== 0) {
          return false;
        }
      }
    }
    return true;
  }

  /** How much `unit` (0 for NONE) adds to `counter`. */
  contributes(unit: number, counter: number): number {
    if (unit === NONE) return 0;
    const { contribStart, contribCounter, contribAmount } = this.problem;
    for (let i = contribStart[unit]!; i < contribStart[unit + 1]!; i++) {
      if (contribCounter[i] === counter) return contribAmount[i]!;
    }
    return 0;
  }

  /** Weighted count of the units in class c that unit u may not share a class with, ignoring two leaving units. */
  conflictsIn(u: number, classIndex: number, leaving: number, alsoLeaving: number, hardWeight: number): number {
    const { conflictStart, conflictUnit, conflictHard } = this.problem;
    let total = 0;
    for (let i = conflictStart[u]!; i < conflictStart[u + 1]!; i++) {
      const other = conflictUnit[i]!;
      if (other === leaving || other === alsoLeaving || this.classOfUnit[other] !== classIndex) continue;
      total += conflictHard[i] ? hardWeight : 1;
    }
    return total;
  }

  /** Change in weighted conflicts if u (in `from`) and v (NONE, or in `to`) trade places. */
  conflictDelta(u: number, v: number, from: number, to: number): number {
    return this.pairConflictDelta(u, v, NONE, NONE, from, to);
  }

  /**
   * Change in weighted conflicts if units u1 and u2 (NONE allowed) go from `from` to `to` while v1 and v2 (NONE
   * allowed) go the other way. Pairs that travel together keep their relation, so only the new neighbours count.
   */
  pairConflictDelta(u1: number, v1: number, u2: number, v2: number, from: number, to: number): number {
    const w = HARD_CONFLICT_WEIGHT;
    let delta = 0;
    if (u1 !== NONE) delta += this.conflictsIn(u1, to, v1, v2, w) - this.conflictsIn(u1, from, u1, u2, w);
    if (u2 !== NONE) delta += this.conflictsIn(u2, to, v1, v2, w) - this.conflictsIn(u2, from, u1, u2, w);
    if (v1 !== NONE) delta += this.conflictsIn(v1, from, u1, u2, w) - this.conflictsIn(v1, to, v1, v2, w);
    if (v2 !== NONE) delta += this.conflictsIn(v2, from, u1, u2, w) - this.conflictsIn(v2, to, v1, v2, w);
    return delta;
  }

  /** Class c's share of the balance objective for feature f, with its sum and count shifted by the deltas. */
  featureCost(classIndex: number, feature: number, sumDelta: number, countDelta: number): number {
    const index = classIndex * this.featureTotal + feature;
    const count = this.featureCount[index]! + countDelta;
    if (count === 0) return 0;
    const spec = this.problem.features[feature]!;
    const deviation = this.featureSum[index]! + sumDelta - count * spec.mean;
    return (deviation * deviation * spec.inverseVariance) / count;
  }
}
