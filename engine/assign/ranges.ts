import { closestComplements, deviationProduct, PairSearch, TIE, type Trade } from './balance.ts';
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
      if (trade !== null && (best === null || beats(trade, best.trade))) best = { trade, to };
    }
  }
  return best;
}

function beats(a: Trade, b: Trade): boolean {
  return a.range < b.range - TIE || (a.range <= b.range + TIE && a.delta < b.delta);
}

/**
 * Class means of the balanced subjects, with the three highest and lowest per subject, so the range after a swap
 * between two classes is known in O(subjects) from the extremes of the classes left untouched.
 */
export class Extremes {
  private readonly means: Float64Array;
  /** Per subject, the classes of the three highest means (then the three lowest), best first. */
  private readonly top: Int32Array;
  private readonly bottom: Int32Array;
  /** Per quantity, the extremes among the classes other than the two being traded between. */
  private readonly highOutside: Float64Array;
  private readonly lowOutside: Float64Array;
  /** Per quantity, the sums and counts of the two classes being traded between. */
  private readonly sumFrom: Float64Array;
  private readonly sumTo: Float64Array;
  private readonly countFrom: Float64Array;
  private readonly countTo: Float64Array;
  private readonly average: Float64Array;
  private readonly isSpread: Uint8Array;
  private readonly inverseUnit: Float64Array;
  widest = 0;
  private widestFeature = 0;

  constructor(
    private readonly placement: Placement,
    private readonly meanFeatures: readonly number[],
  ) {
    const { classes } = placement.problem;
    this.means = new Float64Array(classes * meanFeatures.length);
    this.top = new Int32Array(meanFeatures.length * 3);
    this.bottom = new Int32Array(meanFeatures.length * 3);
    this.highOutside = new Float64Array(meanFeatures.length);
    this.lowOutside = new Float64Array(meanFeatures.length);
    this.sumFrom = new Float64Array(meanFeatures.length);
    this.sumTo = new Float64Array(meanFeatures.length);
    this.countFrom = new Float64Array(meanFeatures.length);
    this.countTo = new Float64Array(meanFeatures.length);
    const specs = meanFeatures.map((f) => placement.problem.features[f]!);
    this.average = Float64Array.from(specs, (spec) => spec.mean);
    this.isSpread = Uint8Array.from(specs, (spec) => (spec.role === 'spread' ? 1 : 0));
    this.inverseUnit = Float64Array.from(specs, (spec) => 1 / spec.rangeUnit);
  }

  measure(): void {
    const { classes } = this.placement.problem;
    const M = this.meanFeatures.length;
    this.widest = -1;
    for (let i = 0; i < M; i++) {
      for (let c = 0; c < classes; c++) this.means[c * M + i] = this.meanOf(c, i);
      this.rank(i);
      const range = this.means[this.top[i * 3]! * M + i]! - this.means[this.bottom[i * 3]! * M + i]!;
      if (range > this.widest) {
        this.widest = range;
        this.widestFeature = i;
      }
    }
  }

  /** Classes at the highest or the lowest mean of the quantity with the widest range. */
  holdersOfWidest(): number[] {
    const M = this.meanFeatures.length;
    const i = this.widestFeature;
    const high = this.means[this.top[i * 3]! * M + i]!;
    const low = this.means[this.bottom[i * 3]! * M + i]!;
    const holders: number[] = [];
    for (let c = 0; c < this.placement.problem.classes; c++) {
      const mean = this.means[c * M + i]!;
      if (mean >= high - TIE || mean <= low + TIE) holders.push(c);
    }
    return holders;
  }

  /** Fixes the pair of classes the next calls of widestAfter trade between. */
  prepare(from: number, to: number): void {
    const F = this.placement.problem.features.length;
    const { featureSum, featureCount } = this.placement;
    for (let i = 0; i < this.meanFeatures.length; i++) {
      const f = this.meanFeatures[i]!;
      this.highOutside[i] = this.outside(this.top, i, from, to, -Infinity);
      this.lowOutside[i] = this.outside(this.bottom, i, from, to, Infinity);
      this.sumFrom[i] = featureSum[from * F + f]!;
      this.sumTo[i] = featureSum[to * F + f]!;
      this.countFrom[i] = featureCount[from * F + f]!;
      this.countTo[i] = featureCount[to * F + f]!;
    }
  }

  /**
   * The widest range, in range units, if `from` gains the feature sums and counts given and `to` loses them; once
   * it passes `bound` the search stops and returns what it has, which is then past the bound too.
   */
  widestAfter(sums: Float64Array, counts: Float64Array, bound: number): number {
    let widest = 0;
    for (let i = 0; i < this.meanFeatures.length && widest <= bound; i++) {
      const f = this.meanFeatures[i]!;
      const meanFrom = this.inRangeUnits(i, this.sumFrom[i]! + sums[f]!, this.countFrom[i]! + counts[f]!);
      const meanTo = this.inRangeUnits(i, this.sumTo[i]! - sums[f]!, this.countTo[i]! - counts[f]!);
      const high = Math.max(meanFrom, meanTo, this.highOutside[i]!);
      const low = Math.min(meanFrom, meanTo, this.lowOutside[i]!);
      widest = Math.max(widest, high - low);
    }
    return widest;
  }

  /** The most extreme mean among classes other than a and b, or `none` when there is no other class. */
  private outside(ranked: Int32Array, i: number, a: number, b: number, none: number): number {
    for (let j = 0; j < 3; j++) {
      const c = ranked[i * 3 + j]!;
      if (c !== NONE && c !== a && c !== b) return this.means[c * this.meanFeatures.length + i]!;
    }
    return none;
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

  /** Keeps the three highest and three lowest classes of subject i, ties to the lower class index. */
  private rank(i: number): void {
    const M = this.meanFeatures.length;
    this.top.fill(NONE, i * 3, i * 3 + 3);
    this.bottom.fill(NONE, i * 3, i * 3 + 3);
    for (let c = 0; c < this.placement.problem.classes; c++) {
      const mean = this.means[c * M + i]!;
      this.insertRanked(this.top, i, c, mean);
      this.insertRanked(this.bottom, i, c, -mean);
    }
  }

  /** Inserts class c into a best-first list of three, by `score` (higher first; means negated for the lowest). */
  private insertRanked(ranked: Int32Array, i: number, c: number, score: number): void {
    const M = this.meanFeatures.length;
    const sign = ranked === this.top ? 1 : -1;
    let position = 3;
    while (position > 0) {
      const other = ranked[i * 3 + position - 1]!;
      if (other !== NONE && score <= sign * this.means[other * M + i]!) break;
      position--;
    }
    if (position === 3) return;
    for (let j = 2; j > position; j--) ranked[i * 3 + j] = ranked[i * 3 + j - 1]!;
    ranked[i * 3 + position] = c;
  }
}
