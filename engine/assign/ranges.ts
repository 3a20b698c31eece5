import { closestComplements, deviationProduct, improvesOn, PairSearch, TIE, type Trade } from './balance.ts';
import { NONE, type Placement } from './state.ts';

/**
 * Partner classes searched for each class holding an extreme, the most complementary first: a few usually suffice,
 * and only when they offer nothing is the wider circle searched before the pass ends.
 */
const NEAR_PARTNERS = 4;
const FAR_PARTNERS = 16;

/**
 * People judge a draw by its worst gap, the range of class means, which a sum of squares leaves a few score steps
 * wide. This pass narrows it directly: while it can, it takes the classes holding the highest or lowest value of
 * the quantity whose range is widest (class means in SDs; class spreads in a looser unit), and makes the trade of
 * one or two swaps with a complementary class that most narrows the widest range over all quantities, or keeps it
 * and lowers the balance objective. Each step decreases that pair strictly, so the pass ends; only trades that keep
 * every count within bounds and add no conflict are made.
 */
export function narrowRanges(placement: Placement, maxSteps: number): void {
  const { problem } = placement;
  const classes = problem.classes;
  const ranged = problem.features.map((feature, f) => (feature.rangeUnit > 0 ? f : NONE)).filter((f) => f !== NONE);
  if (classes < 2 || ranged.length === 0) return;
  const extremes = new Extremes(placement, ranged);
  const search = new PairSearch(placement);
  const near = new Int32Array(Math.min(classes - 1, NEAR_PARTNERS));
  const far = new Int32Array(Math.min(classes - 1, FAR_PARTNERS));
  const affinity = new Float64Array(classes);

  for (let step = 0; step < maxSteps; step++) {
    extremes.measure();
    const holders = extremes.holdersOfWidest();
    const best =
      (near.length < far.length ? bestAround(search, extremes, holders, near, affinity) : null) ??
      bestAround(search, extremes, holders, far, affinity);
    if (best === null) return;
    placement.swap(best.trade.u1, best.trade.v1, best.to);
    if (best.trade.u2 !== NONE) placement.swap(best.trade.u2, best.trade.v2, best.to);
  }
}

/** The best trade of a class holding the widest range with one of its most complementary partners. */
function bestAround(
  search: PairSearch,
  extremes: Extremes,
  holders: readonly number[],
  partners: Int32Array,
  affinity: Float64Array,
): { trade: Trade; to: number } | null {
  const { placement } = search;
  let best: { trade: Trade; to: number } | null = null;
  for (const holder of holders) {
    for (let c = 0; c < affinity.length; c++) affinity[c] = deviationProduct(placement, holder, c);
    const partnerCount = closestComplements(affinity, holder, partners);
    for (let i = 0; i < partnerCount; i++) {
      const from = Math.min(holder, partners[i]!);
      const to = Math.max(holder, partners[i]!);
      const trade = search.bestTrade(from, to, extremes);
      if (trade !== null && (best === null || improvesOn(trade, best.trade))) best = { trade, to };
    }
  }
  return best;
}

/**
 * Class means of the balanced quantities, sorted per quantity, so the range after a trade between two classes, and
 * how many classes then sit at its two ends, are known in O(quantities) from the classes left untouched.
 */
export class Extremes {
  private readonly classes: number;
  /** Class c's value of quantity i at c * M + i, in range units. */
  private readonly means: Float64Array;
  /** Quantity i's class values in ascending order at i * K .. i * K + K - 1. */
  private readonly sorted: Float64Array;
  /** Per quantity, among the classes other than the two being traded between: the extremes, and how many hold each. */
  private readonly highOutside: Float64Array;
  private readonly lowOutside: Float64Array;
  private readonly highOutsideCount: Int32Array;
  private readonly lowOutsideCount: Int32Array;
  /** Per quantity, the sums and counts of the two classes being traded between. */
  private readonly sumFrom: Float64Array;
  private readonly sumTo: Float64Array;
  private readonly countFrom: Float64Array;
  private readonly countTo: Float64Array;
  /** Scratch of widestAfter: per quantity, the two classes' values and the range after the trade. */
  private readonly valueFrom: Float64Array;
  private readonly valueTo: Float64Array;
  private readonly rangeAfter: Float64Array;
  private readonly average: Float64Array;
  private readonly isSpread: Uint8Array;
  private readonly inverseUnit: Float64Array;
  /** The widest range, and how many classes sit at the ends of the quantities that have it. */
  widest = 0;
  holders = 0;
  /** The same count after the trade last measured by widestAfter, when its range was within the bound. */
  holdersAfter = 0;
  private widestFeature = 0;

  constructor(
    private readonly placement: Placement,
    private readonly meanFeatures: readonly number[],
  ) {
    this.classes = placement.problem.classes;
    const M = meanFeatures.length;
    this.means = new Float64Array(this.classes * M);
    this.sorted = new Float64Array(this.classes * M);
    const perQuantity = () => new Float64Array(M);
    this.highOutside = perQuantity();
    this.lowOutside = perQuantity();
    this.highOutsideCount = new Int32Array(M);
    this.lowOutsideCount = new Int32Array(M);
    this.sumFrom = perQuantity();
    this.sumTo = perQuantity();
    this.countFrom = perQuantity();
    this.countTo = perQuantity();
    this.valueFrom = perQuantity();
    this.valueTo = perQuantity();
    this.rangeAfter = perQuantity();
    const specs = meanFeatures.map((f) => placement.problem.features[f]!);
    this.average = Float64Array.from(specs, (spec) => spec.mean);
    this.isSpread = Uint8Array.from(specs, (spec) => (spec.role === 'spread' ? 1 : 0));
    this.inverseUnit = Float64Array.from(specs, (spec) => 1 / spec.rangeUnit);
  }

  measure(): void {
    const K = this.classes;
    const M = this.meanFeatures.length;
    this.widest = -1;
    for (let i = 0; i < M; i++) {
      const sorted = this.sorted.subarray(i * K, i * K + K);
      for (let c = 0; c < K; c++) {
        this.means[c * M + i] = this.meanOf(c, i);
        sorted[c] = this.means[c * M + i]!;
      }
      sorted.sort();
      const range = sorted[K - 1]! - sorted[0]!;
      if (range > this.widest) {
        this.widest = range;
        this.widestFeature = i;
      }
    }
    this.holders = 0;
    for (let i = 0; i < M; i++) {
      const low = this.sorted[i * K]!;
      const high = this.sorted[i * K + K - 1]!;
      if (high - low >= this.widest - TIE) this.holders += this.atLeast(i, high - TIE) + this.atMost(i, low + TIE);
    }
  }

  /** Classes at the highest or the lowest mean of the quantity with the widest range. */
  holdersOfWidest(): number[] {
    const K = this.classes;
    const M = this.meanFeatures.length;
    const i = this.widestFeature;
    const low = this.sorted[i * K]!;
    const high = this.sorted[i * K + K - 1]!;
    const holders: number[] = [];
    for (let c = 0; c < K; c++) {
      const mean = this.means[c * M + i]!;
      if (mean >= high - TIE || mean <= low + TIE) holders.push(c);
    }
    return holders;
  }

  /** Fixes the pair of classes the next calls of widestAfter trade between. */
  prepare(from: number, to: number): void {
    const F = this.placement.problem.features.length;
    const M = this.meanFeatures.length;
    const { featureSum, featureCount } = this.placement;
    for (let i = 0; i < M; i++) {
      const f = this.meanFeatures[i]!;
      const meanFrom = this.means[from * M + i]!;
      const meanTo = this.means[to * M + i]!;
      const high = this.outside(i, meanFrom, meanTo, -1);
      const low = this.outside(i, meanFrom, meanTo, 1);
      this.highOutside[i] = high;
      this.lowOutside[i] = low;
      // Classes at the outside extremes; the two trading classes are counted out if they reach them.
      this.highOutsideCount[i] =
        this.atLeast(i, high - TIE) - (meanFrom >= high - TIE ? 1 : 0) - (meanTo >= high - TIE ? 1 : 0);
      this.lowOutsideCount[i] =
        this.atMost(i, low + TIE) - (meanFrom <= low + TIE ? 1 : 0) - (meanTo <= low + TIE ? 1 : 0);
      this.sumFrom[i] = featureSum[from * F + f]!;
      this.sumTo[i] = featureSum[to * F + f]!;
      this.countFrom[i] = featureCount[from * F + f]!;
      this.countTo[i] = featureCount[to * F + f]!;
    }
  }

  /**
   * The widest range, in range units, if `from` gains the feature sums and counts given and `to` loses them; once
   * it passes `bound` the search stops and returns what it has, which is then past the bound too. Otherwise
   * `holdersAfter` is set to the number of classes at the ends of the widest ranges after the trade.
   */
  widestAfter(sums: Float64Array, counts: Float64Array, bound: number): number {
    const M = this.meanFeatures.length;
    let widest = 0;
    for (let i = 0; i < M; i++) {
      const f = this.meanFeatures[i]!;
      const meanFrom = this.inRangeUnits(i, this.sumFrom[i]! + sums[f]!, this.countFrom[i]! + counts[f]!);
      const meanTo = this.inRangeUnits(i, this.sumTo[i]! - sums[f]!, this.countTo[i]! - counts[f]!);
      const range = Math.max(meanFrom, meanTo, this.highOutside[i]!) - Math.min(meanFrom, meanTo, this.lowOutside[i]!);
      if (range > bound) return range;
      this.valueFrom[i] = meanFrom;
      this.valueTo[i] = meanTo;
      this.rangeAfter[i] = range;
      widest = Math.max(widest, range);
    }
    let holders = 0;
    for (let i = 0; i < M; i++) {
      if (this.rangeAfter[i]! < widest - TIE) continue;
      const meanFrom = this.valueFrom[i]!;
      const meanTo = this.valueTo[i]!;
      const high = Math.max(meanFrom, meanTo, this.highOutside[i]!);
      const low = Math.min(meanFrom, meanTo, this.lowOutside[i]!);
      holders +=
        (this.highOutside[i]! >= high - TIE ? this.highOutsideCount[i]! : 0) +
        (this.lowOutside[i]! <= low + TIE ? this.lowOutsideCount[i]! : 0) +
        (meanFrom >= high - TIE ? 1 : 0) +
        (meanTo >= high - TIE ? 1 : 0) +
        (meanFrom <= low + TIE ? 1 : 0) +
        (meanTo <= low + TIE ? 1 : 0);
    }
    this.holdersAfter = holders;
    return widest;
  }

  /**
   * The highest (direction -1) or lowest (+1) value of quantity i among the classes other than the two trading,
   * whose current values are given; ±Infinity when no other class exists.
   */
  private outside(i: number, meanFrom: number, meanTo: number, direction: -1 | 1): number {
    const K = this.classes;
    let skipFrom = true;
    let skipTo = true;
    for (let j = 0; j < K; j++) {
      const value = this.sorted[i * K + (direction === 1 ? j : K - 1 - j)]!;
      if (skipFrom && value === meanFrom) skipFrom = false;
      else if (skipTo && value === meanTo) skipTo = false;
      else return value;
    }
    return direction === 1 ? Infinity : -Infinity;
  }

  /** How many classes have at least (atMost: at most) `value` of quantity i. */
  private atLeast(i: number, value: number): number {
    return this.classes - this.countBelow(i, value, false);
  }

  private atMost(i: number, value: number): number {
    return this.countBelow(i, value, true);
  }

  /** How many classes have less than `value` of quantity i, or (`orEqual`) at most `value`. */
  private countBelow(i: number, value: number, orEqual: boolean): number {
    const K = this.classes;
    let low = i * K;
    let high = i * K + K;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const below = orEqual ? this.sorted[middle]! <= value : this.sorted[middle]! < value;
      if (below) low = middle + 1;
      else high = middle;
    }
    return low - i * K;
  }

  /** The class mean of feature i in range units; for a spread, the root of the mean squared deviation. */
  private meanOf(classIndex: number, i: number): number {
    const F = this.placement.problem.features.length;
    const f = this.meanFeatures[i]!;
    return this.inRangeUnits(
      i,
      this.placement.featureSum[classIndex * F + f]!,
      this.placement.featureCount[classIndex * F + f]!,
    );
  }

  private inRangeUnits(i: number, sum: number, count: number): number {
    const mean = count === 0 ? this.average[i]! : sum / count;
    return (this.isSpread[i] === 1 ? Math.sqrt(Math.max(0, mean)) : mean) * this.inverseUnit[i]!;
  }
}
