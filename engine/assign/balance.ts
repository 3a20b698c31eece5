import { BreakGroups, SwapBreaks } from './breaks.ts';
import type { Extremes } from './ranges.ts';
import { NONE, type Placement } from './state.ts';

const IMPROVEMENT = 1e-9;
/** Ranges closer than this are equal. */
export const TIE = 1e-12;
/** Mean features whose transfer must match for a pair of swaps to be evaluated; more subjects are still scored. */
const MATCHED_FEATURES = 3;
/** Widest half-width of the match window, as a fraction of the feature's student SD. */
const WINDOW_PER_SD = 0.25;
const NARROWEST_WINDOW_PER_SD = 0.15;
/** Room for 2^21 swap indices below a sort key. */
const PACK = 2 ** 21;
/** Largest table of swap verdicts by pair of signatures kept (bytes ×5). */
const MAX_VERDICTS = 2 ** 22;
/** Segments of at most this many swaps are sorted by insertion. */
const SMALL_SEGMENT = 16;
/** Partner classes searched for each class in turn; large districts need not look at every class. */
const PARTNERS = 12;

/** The best exchange found between two classes: one or two swaps of units. */
export interface Trade {
  /** Widest range of class means after the trade, when ranges are targeted; 0 otherwise. */
  range: number;
  /** Classes at the ends of the widest ranges after the trade, when ranges are targeted; 0 otherwise. */
  holders: number;
  delta: number;
  u1: number;
  v1: number;
  u2: number;
  v2: number;
}

/** Search effort, bounded by counts, never by time, so every machine agrees on the result. */
export interface BalanceEffort {
  /** Most trades made, per class. */
  readonly tradesPerClass: number;
}

export const DEFAULT_EFFORT: BalanceEffort = { tradesPerClass: 10 };

/**
 * Exchange-method anticlustering, widened: a single-unit exchange stalls where no one swap improves every subject at
 * once, leaving class means a few score steps apart. So each step takes the class furthest from the school's means
 * and searches the exchanges of one or two pairs of students between it and one of its most complementary partners
 * (deviations pointing the other way first), pairing swaps whose effects on the means complement each other through
 * a sorted window, and makes the first improving trade. Only trades that keep every count within its bounds and add
 * no conflict are made, so every rule settled before balancing still holds. Best trades per class pair are cached
 * until either class changes; a class none of whose partners can improve it is skipped until it changes, and the
 * search ends when a full round over the skipped classes finds nothing.
 */
export function balance(placement: Placement, effort: BalanceEffort): void {
  const classes = placement.problem.classes;
  if (classes < 2 || placement.problem.features.length === 0) return;
  const search = new PairSearch(placement);
  const maxTrades = effort.tradesPerClass * classes;
  const cache = new Array<Trade | null | undefined>(classes * classes);
  const cost = Float64Array.from({ length: classes }, (_, c) => classCost(placement, c));
  const stuck = new Uint8Array(classes);
  const partners = new Int32Array(Math.min(classes - 1, PARTNERS));
  const affinity = new Float64Array(classes);
  let tradedSinceRefresh = false;
  for (let trades = 0; trades < maxTrades;) {
    const worst = worstUnstuck(cost, stuck);
    if (worst === NONE) {
      if (!tradedSinceRefresh) return;
      stuck.fill(0);
      tradedSinceRefresh = false;
      continue;
    }
    for (let c = 0; c < classes; c++) affinity[c] = deviationProduct(placement, worst, c);
    const partnerCount = closestComplements(affinity, worst, partners);
    let applied = false;
    for (let i = 0; i < partnerCount; i++) {
      const partner = partners[i]!;
      const from = Math.min(worst, partner);
      const to = Math.max(worst, partner);
      let trade = cache[from * classes + to];
      if (trade === undefined) {
        trade = search.bestTrade(from, to);
        cache[from * classes + to] = trade;
      }
      if (trade === null) continue;
      placement.swap(trade.u1, trade.v1, to);
      if (trade.u2 !== NONE) placement.swap(trade.u2, trade.v2, to);
      for (let c = 0; c < classes; c++) {
        cache[Math.min(c, from) * classes + Math.max(c, from)] = undefined;
        cache[Math.min(c, to) * classes + Math.max(c, to)] = undefined;
      }
      cost[from] = classCost(placement, from);
      cost[to] = classCost(placement, to);
      stuck[from] = 0;
      stuck[to] = 0;
      applied = true;
      break;
    }
    if (applied) {
      trades++;
      tradedSinceRefresh = true;
    } else {
      stuck[worst] = 1;
    }
  }
}

function worstUnstuck(cost: Float64Array, stuck: Uint8Array): number {
  let worst = NONE;
  for (let c = 0; c < cost.length; c++) {
    if (stuck[c] === 0 && (worst === NONE || cost[c]! > cost[worst]!)) worst = c;
  }
  return worst;
}

/** Fills `partners` with the classes of lowest affinity to `self` (most complementary first); returns how many. */
export function closestComplements(affinity: Float64Array, self: number, partners: Int32Array): number {
  let count = 0;
  for (let c = 0; c < affinity.length; c++) {
    if (c === self) continue;
    let position = count < partners.length ? count++ : partners.length;
    if (position === partners.length && affinity[c]! >= affinity[partners[position - 1]!]!) continue;
    while (position > 0 && affinity[partners[position - 1]!]! > affinity[c]!) {
      if (position < partners.length) partners[position] = partners[position - 1]!;
      position--;
    }
    partners[position] = c;
  }
  return count;
}

/** Weighted inner product of two classes' deviations from the school means: negative when they complement. */
export function deviationProduct(placement: Placement, a: number, b: number): number {
  const { features } = placement.problem;
  const F = features.length;
  let product = 0;
  for (let f = 0; f < F; f++) {
    const mean = features[f]!.mean;
    const deviationA = placement.featureSum[a * F + f]! - placement.featureCount[a * F + f]! * mean;
    const deviationB = placement.featureSum[b * F + f]! - placement.featureCount[b * F + f]! * mean;
    product += deviationA * deviationB * features[f]!.inverseVariance;
  }
  return product;
}

function classCost(placement: Placement, classIndex: number): number {
  let cost = 0;
  for (let f = 0; f < placement.problem.features.length; f++) cost += placement.featureCost(classIndex, f, 0, 0);
  return cost;
}

/**
 * Scratch space for searching trades between two classes, reused so the search allocates almost nothing. Swaps are
 * kept sorted by their change of the first matched feature in segments: one segment of the swaps that keep every
 * count within bounds by themselves, and (with score bands) one per way of breaking the bounds. A swap that moves a
 * count out of bounds (a student of one score band for one of another) is still usable beside a swap that breaks the
 * same counts the opposite way: with many counts to keep even, these compensating pairs are most of the freedom left.
 */
export class PairSearch {
  private readonly features: number;
  private readonly matched: number[];
  private readonly window: Float64Array;
  private readonly ideal: Float64Array;
  private readonly baseCost: Float64Array;
  private readonly mean: Float64Array;
  private readonly inverseVariance: Float64Array;
  private readonly sumFrom: Float64Array;
  private readonly sumTo: Float64Array;
  private readonly countFrom: Float64Array;
  private readonly countTo: Float64Array;
  private readonly tradeSum: Float64Array;
  private readonly tradeCount: Float64Array;
  /**
   * For trades that move no counts, the objective's change is linear[f]·Δ + quadratic[f]·Δ² per feature: the same
   * sum of squares with the divisions done once per class pair instead of once per trade.
   */
  private readonly linear: Float64Array;
  private readonly quadratic: Float64Array;
  private expandable = false;
  private extremes: Extremes | null = null;

  private swapCount = 0;
  private swapU = new Int32Array(64);
  private swapV = new Int32Array(64);
  private sumChange: Float64Array;
  private countChange: Float64Array;
  /** 1 where the swap changes how many students have a value of some feature (a missing score, a sibling group). */
  private movesCounts = new Uint8Array(64);
  /** 1 where the swap keeps every count within bounds by itself. */
  private keepsBoundsAlone = new Uint8Array(64);
  /** The dense id of the swap's ordered pair of signatures (NONE when the signature table is too large). */
  private groupOfSwap = new Int32Array(64);

  /** Segment 0 holds the swaps that keep the bounds alone; segment g + 1 the swaps of signature group g. */
  private segmentStart = new Int32Array(64);
  private sortedKey = new Float64Array(64);
  private sortedSwap = new Int32Array(64);
  /** Groups by fingerprint of the bounds their swaps break (SwapBreaks), and each group's opposite. */
  private readonly groups = new BreakGroups();
  /** Per group, the group that mends its breaks, or NONE. */
  private groupReverse = new Int32Array(64);

  /** The bounds each swap breaks, when swaps that break counts are paired with swaps that mend them. */
  private readonly breaks: SwapBreaks | null;
  private readonly signatureCount: number;
  /** Otherwise, per ordered pair of signatures, valid where its stamp equals `stamp`: whether it keeps the bounds. */
  private readonly verdict: Uint8Array | null;
  private readonly verdictStamp: Int32Array;
  private stamp = 0;

  constructor(readonly placement: Placement) {
    const { problem } = placement;
    // Exact score-band counts leave few swaps that keep every count alone; only then is the wider search, pairing
    // swaps that break counts with the swaps that mend them, worth its doubled cost.
    const compensating = problem.counters.some((counter) => counter.family === 'band');
    this.breaks = compensating ? new SwapBreaks(placement) : null;
    this.features = problem.features.length;
    this.matched = problem.features
      .map((feature, f) => (feature.role === 'mean' && feature.sd > 0 ? f : NONE))
      .filter((f) => f !== NONE)
      .slice(0, MATCHED_FEATURES);
    this.window = new Float64Array(this.matched.length);
    this.ideal = new Float64Array(this.matched.length);
    const perFeature = () => new Float64Array(this.features);
    this.baseCost = perFeature();
    this.sumFrom = perFeature();
    this.sumTo = perFeature();
    this.countFrom = perFeature();
    this.countTo = perFeature();
    this.tradeSum = perFeature();
    this.tradeCount = perFeature();
    this.linear = perFeature();
    this.quadratic = perFeature();
    this.mean = Float64Array.from(problem.features, (feature) => feature.mean);
    this.inverseVariance = Float64Array.from(problem.features, (feature) => feature.inverseVariance);
    this.sumChange = new Float64Array(this.swapU.length * this.features);
    this.countChange = new Float64Array(this.swapU.length * this.features);
    this.signatureCount = problem.signature.reduce((most, signature) => Math.max(most, signature + 1), 0);
    const tableSize = this.signatureCount * this.signatureCount;
    const fits = !compensating && tableSize <= MAX_VERDICTS;
    this.verdict = fits ? new Uint8Array(tableSize) : null;
    this.verdictStamp = new Int32Array(fits ? tableSize : 0);
  }

  /**
   * The trade between two classes that lowers the objective most, or — given the current extremes — that narrows the
   * widest range of class means most, then lowers the objective. Null when no trade improves.
   */
  bestTrade(from: number, to: number, extremes: Extremes | null = null): Trade | null {
    this.collectSwaps(from, to);
    if (this.swapCount === 0) return null;
    this.prepare(from, to);
    this.sortSegments();
    this.extremes = extremes;
    extremes?.prepare(from, to);
    const best: Trade = {
      range: extremes?.widest ?? 0,
      holders: extremes?.holders ?? 0,
      delta: -IMPROVEMENT,
      u1: NONE,
      v1: NONE,
      u2: NONE,
      v2: NONE,
    };

    const alone = 0;
    for (let i = this.segmentStart[alone]!; i < this.segmentStart[alone + 1]!; i++) {
      this.offer(best, this.sortedSwap[i]!, NONE, from, to);
      // Each pair of such swaps is met once, from the one earlier in sorted order.
      this.pairWithin(best, i, alone, from, to);
    }
    for (let group = 0; group < this.groups.count; group++) {
      const reverse = this.groupReverse[group]!;
      if (reverse <= group) continue;
      for (let i = this.segmentStart[group + 1]!; i < this.segmentStart[group + 2]!; i++) {
        this.pairWithin(best, i, reverse + 1, from, to);
      }
    }
    return best.u1 === NONE ? null : best;
  }

  /** Costs of the two classes, and for each matched feature the ideal transfer and the window around it. */
  private prepare(from: number, to: number): void {
    const F = this.features;
    const { featureSum, featureCount } = this.placement;
    for (let f = 0; f < F; f++) {
      this.baseCost[f] = this.placement.featureCost(from, f, 0, 0) + this.placement.featureCost(to, f, 0, 0);
      this.sumFrom[f] = featureSum[from * F + f]!;
      this.sumTo[f] = featureSum[to * F + f]!;
      this.countFrom[f] = featureCount[from * F + f]!;
      this.countTo[f] = featureCount[to * F + f]!;
    }
    this.expandable = true;
    for (let f = 0; f < F; f++) {
      const countFrom = this.countFrom[f]!;
      const countTo = this.countTo[f]!;
      if (countFrom === 0 || countTo === 0) this.expandable = false;
      const weight = this.inverseVariance[f]!;
      const deviationFrom = this.sumFrom[f]! - countFrom * this.mean[f]!;
      const deviationTo = this.sumTo[f]! - countTo * this.mean[f]!;
      this.linear[f] = 2 * weight * (deviationFrom / countFrom - deviationTo / countTo);
      this.quadratic[f] = weight * (1 / countFrom + 1 / countTo);
    }
    for (let i = 0; i < this.matched.length; i++) {
      const f = this.matched[i]!;
      this.ideal[i] = idealTransfer(this.placement, from, to, f);
      // A transfer further from the ideal than none at all cannot help, so the window shrinks as classes converge.
      const widest = Math.max(1, this.placement.problem.features[f]!.sd * WINDOW_PER_SD);
      this.window[i] = Math.min(
        widest,
        Math.max(this.placement.problem.features[f]!.sd * NARROWEST_WINDOW_PER_SD, Math.abs(this.ideal[i]!)),
      );
    }
  }

  /** Offers the swap at sorted position i paired with each swap of `segment` whose transfer complements it. */
  private pairWithin(best: Trade, i: number, segment: number, from: number, to: number): void {
    if (this.matched.length === 0) return;
    const s = this.sortedSwap[i]!;
    const wanted = this.ideal[0]! - this.sortedKey[i]!;
    const end = this.segmentStart[segment + 1]!;
    const start = Math.max(this.segmentStart[segment]!, i + 1);
    for (let j = this.lowerBound(start, end, wanted - this.window[0]!); j < end; j++) {
      if (this.sortedKey[j]! > wanted + this.window[0]!) break;
      const t = this.sortedSwap[j]!;
      if (this.swapU[t] === this.swapU[s] || this.swapV[t] === this.swapV[s] || !this.complements(s, t)) continue;
      this.offer(best, s, t, from, to);
    }
  }

  /** True when swaps s and t together move every matched feature close to the ideal transfer. */
  private complements(s: number, t: number): boolean {
    const F = this.features;
    for (let i = 1; i < this.matched.length; i++) {
      const f = this.matched[i]!;
      const residual = this.ideal[i]! - this.sumChange[s * F + f]! - this.sumChange[t * F + f]!;
      if (residual > this.window[i]! || residual < -this.window[i]!) return false;
    }
    return true;
  }

  private offer(best: Trade, s: number, t: number, from: number, to: number): void {
    const placement = this.placement;
    const delta =
      this.expandable && this.movesCounts[s] === 0 && (t === NONE || this.movesCounts[t] === 0)
        ? this.expandedDelta(s, t)
        : this.fullDelta(s, t);
    const range =
      this.extremes === null ? 0 : this.extremes.widestAfter(this.tradeSum, this.tradeCount, best.range + TIE);
    const holders = this.extremes === null || range > best.range + TIE ? 0 : this.extremes.holdersAfter;
    if (!improvesOn({ range, holders, delta }, best)) return;
    const u2 = t === NONE ? NONE : this.swapU[t]!;
    const v2 = t === NONE ? NONE : this.swapV[t]!;
    if (t !== NONE && !placement.pairTradeKeepsBounds(this.swapU[s]!, this.swapV[s]!, u2, v2, from, to)) return;
    if (placement.pairConflictDelta(this.swapU[s]!, this.swapV[s]!, u2, v2, from, to) > 0) return;
    best.range = range;
    best.holders = holders;
    best.delta = delta;
    best.u1 = this.swapU[s]!;
    best.v1 = this.swapV[s]!;
    best.u2 = u2;
    best.v2 = v2;
  }

  /** The objective's change by a trade that moves no feature counts, from the coefficients of `prepare`. */
  private expandedDelta(s: number, t: number): number {
    const F = this.features;
    let delta = 0;
    for (let f = 0; f < F; f++) {
      const sum = this.sumChange[s * F + f]! + (t === NONE ? 0 : this.sumChange[t * F + f]!);
      this.tradeSum[f] = sum;
      this.tradeCount[f] = 0;
      delta += sum * (this.linear[f]! + this.quadratic[f]! * sum);
    }
    return delta;
  }

  /** The objective's change by any trade: Placement.featureCost of both classes with the same arithmetic, inlined. */
  private fullDelta(s: number, t: number): number {
    const F = this.features;
    let delta = 0;
    for (let f = 0; f < F; f++) {
      const sum = this.sumChange[s * F + f]! + (t === NONE ? 0 : this.sumChange[t * F + f]!);
      const count = this.countChange[s * F + f]! + (t === NONE ? 0 : this.countChange[t * F + f]!);
      this.tradeSum[f] = sum;
      this.tradeCount[f] = count;
      const mean = this.mean[f]!;
      const weight = this.inverseVariance[f]!;
      const countFrom = this.countFrom[f]! + count;
      const countTo = this.countTo[f]! - count;
      const deviationFrom = this.sumFrom[f]! + sum - countFrom * mean;
      const deviationTo = this.sumTo[f]! + -sum - countTo * mean;
      delta +=
        (countFrom === 0 ? 0 : (deviationFrom * deviationFrom * weight) / countFrom) +
        (countTo === 0 ? 0 : (deviationTo * deviationTo * weight) / countTo) -
        this.baseCost[f]!;
    }
    return delta;
  }

  /** Every swap of a unit in `from` with a unit in `to`: its feature changes, bounds verdict and signature group. */
  private collectSwaps(from: number, to: number): void {
    const { signature } = this.placement.problem;
    this.stamp++;
    this.swapCount = 0;
    this.groups.clear();
    const unitsFrom = this.placement.unitsOfClass[from]!;
    const unitsTo = this.placement.unitsOfClass[to]!;
    this.ensureCapacity(unitsFrom.length * unitsTo.length);
    this.breaks?.prepare(from, to);
    for (const v of unitsTo) {
      this.breaks?.arrive(v);
      for (const u of unitsFrom) {
        let keepsBounds: boolean;
        let group = NONE;
        if (this.breaks !== null) {
          const breaks = this.breaks.breaks(u, v);
          keepsBounds = this.breaks.broken === 0;
          if (!keepsBounds) group = this.groups.groupOf(breaks, this.breaks.undone);
        } else if (this.verdict === null) {
          keepsBounds = this.placement.countersStayInBounds(u, v, from, to);
        } else {
          const key = signature[u]! * this.signatureCount + signature[v]!;
          if (this.verdictStamp[key] !== this.stamp) {
            this.verdictStamp[key] = this.stamp;
            this.verdict[key] = this.placement.countersStayInBounds(u, v, from, to) ? 1 : 0;
          }
          keepsBounds = this.verdict[key] === 1;
        }
        if (!keepsBounds && group === NONE) continue;
        const s = this.swapCount++;
        this.swapU[s] = u;
        this.swapV[s] = v;
        this.keepsBoundsAlone[s] = keepsBounds ? 1 : 0;
        this.groupOfSwap[s] = group;
      }
    }
    this.keepUsable();
  }

  /**
   * Leaves out the swaps that break counts no other swap mends (they are of no use, and with score bands they are
   * most), then notes the feature changes of those kept.
   */
  private keepUsable(): void {
    const { unitFeatureSum, unitFeatureCount } = this.placement.problem;
    const F = this.features;
    const groups = this.groups.count;
    if (this.groupReverse.length < groups) this.groupReverse = new Int32Array(2 * groups);
    for (let group = 0; group < groups; group++) this.groupReverse[group] = this.groups.reverse(group);
    let kept = 0;
    for (let s = 0; s < this.swapCount; s++) {
      const group = this.groupOfSwap[s]!;
      if (this.keepsBoundsAlone[s] === 0 && this.groupReverse[group] === NONE) continue;
      const u = this.swapU[s]!;
      const v = this.swapV[s]!;
      this.swapU[kept] = u;
      this.swapV[kept] = v;
      this.keepsBoundsAlone[kept] = this.keepsBoundsAlone[s]!;
      this.groupOfSwap[kept] = group;
      let moved = 0;
      for (let f = 0; f < F; f++) {
        this.sumChange[kept * F + f] = unitFeatureSum[v * F + f]! - unitFeatureSum[u * F + f]!;
        this.countChange[kept * F + f] = unitFeatureCount[v * F + f]! - unitFeatureCount[u * F + f]!;
        moved |= this.countChange[kept * F + f]!;
      }
      this.movesCounts[kept] = moved === 0 ? 0 : 1;
      kept++;
    }
    this.swapCount = kept;
  }

  /**
   * Orders swaps by segment, then by their change of the first matched feature. Changes are integers, so each packs
   * with its swap index into one exactly representable double and a plain numeric typed-array sort does the work.
   */
  private sortSegments(): void {
    const segments = this.groups.count + 1;
    if (this.segmentStart.length < segments + 1) this.segmentStart = new Int32Array(2 * (segments + 1));
    const start = this.segmentStart;
    start.fill(0, 0, segments + 1);
    for (let s = 0; s < this.swapCount; s++) start[this.segmentOf(s) + 1]! += 1;
    for (let segment = 0; segment < segments; segment++) start[segment + 1]! += start[segment]!;
    const first = this.matched[0];
    const F = this.features;
    const fill = start.slice(0, segments);
    for (let s = 0; s < this.swapCount; s++) {
      this.sortedKey[fill[this.segmentOf(s)]!++] =
        (first === undefined ? 0 : this.sumChange[s * F + first]!) * PACK + s;
    }
    for (let segment = 0; segment < segments; segment++) {
      const low = start[segment]!;
      const high = start[segment + 1]!;
      // Most segments hold a few swaps: sorted in place, without a typed-array view per segment.
      if (high - low > SMALL_SEGMENT) this.sortedKey.subarray(low, high).sort();
      else insertionSort(this.sortedKey, low, high);
      for (let i = low; i < high; i++) {
        const key = Math.floor(this.sortedKey[i]! / PACK);
        this.sortedSwap[i] = this.sortedKey[i]! - key * PACK;
        this.sortedKey[i] = key;
      }
    }
  }

  /** 0 for a swap that keeps the bounds alone, else 1 + its group. */
  private segmentOf(s: number): number {
    return this.keepsBoundsAlone[s] === 1 ? 0 : this.groupOfSwap[s]! + 1;
  }

  /** First position in [low, high) whose key is at least `key`. */
  private lowerBound(low: number, high: number, key: number): number {
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sortedKey[middle]! < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private ensureCapacity(count: number): void {
    if (count <= this.swapU.length) return;
    const size = Math.max(count, this.swapU.length * 2);
    const grow = <T extends Int32Array | Float64Array | Uint8Array>(array: T, length: number): T => {
      const bigger = new (array.constructor as new (length: number) => T)(length);
      bigger.set(array);
      return bigger;
    };
    this.swapU = grow(this.swapU, size);
    this.swapV = grow(this.swapV, size);
    this.keepsBoundsAlone = grow(this.keepsBoundsAlone, size);
    this.movesCounts = grow(this.movesCounts, size);
    this.groupOfSwap = grow(this.groupOfSwap, size);
    this.sumChange = grow(this.sumChange, size * this.features);
    this.countChange = grow(this.countChange, size * this.features);
    this.sortedKey = grow(this.sortedKey, size);
    this.sortedSwap = grow(this.sortedSwap, size);
  }
}

/**
 * True when a trade narrows the widest range, or keeps it with fewer classes at its ends (a step towards narrowing
 * it when several classes share an end), or keeps both and lowers the objective more.
 */
export function improvesOn(trade: Pick<Trade, 'range' | 'holders' | 'delta'>, than: Trade): boolean {
  if (trade.range < than.range - TIE) return true;
  if (trade.range > than.range + TIE) return false;
  if (trade.holders !== than.holders) return trade.holders < than.holders;
  return trade.delta < than.delta;
}

/** Sorts keys[low, high) in place, ascending. */
function insertionSort(keys: Float64Array, low: number, high: number): void {
  for (let i = low + 1; i < high; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= low && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
}

/** The sum of feature f that moving to `from` from `to` would equalise their deviations from the school mean. */
function idealTransfer(placement: Placement, from: number, to: number, f: number): number {
  const features = placement.problem.features.length;
  const mean = placement.problem.features[f]!.mean;
  const countFrom = placement.featureCount[from * features + f]!;
  const countTo = placement.featureCount[to * features + f]!;
  if (countFrom + countTo === 0) return 0;
  const excessFrom = placement.featureSum[from * features + f]! - countFrom * mean;
  const excessTo = placement.featureSum[to * features + f]! - countTo * mean;
  return (countFrom * excessTo - countTo * excessFrom) / (countFrom + countTo);
}
