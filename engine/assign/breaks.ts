import { NONE, type Placement } from './state.ts';

/**
 * Which bounds each swap between two classes would break, as a count and a fingerprint (and the fingerprint of the
 * opposite breaks, which a mending swap has), for every swap of the pair at the cost of a few additions each: a
 * unit's breaks on its own counters are summed once per class pair, and a swap subtracts those of the counters both
 * units hold, whose counts it leaves as they are. Fingerprints are sums modulo 2^30, small integers that key maps
 * quickly; they may collide, so whoever pairs swaps by them still checks the pair's bounds.
 */
export class SwapBreaks {
  /** Per contribution (unit, counter): what the unit breaks on that counter alone by leaving its class. */
  private readonly termBreaks: Int32Array;
  private readonly termUndone: Int32Array;
  /** Per unit: the sums of its terms, and how many of them break a bound. */
  private readonly unitBreaks: Int32Array;
  private readonly unitUndone: Int32Array;
  private readonly unitBroken: Int32Array;
  /** Per counter, for the unit arriving in `from`: its amount and its term, valid where the stamp is current. */
  private readonly arrivingStamp: Int32Array;
  private readonly arrivingAmount: Int32Array;
  private readonly arrivingBreaks: Int32Array;
  private readonly arrivingUndone: Int32Array;
  private stamp = 0;
  private from = NONE;
  private to = NONE;
  /** Of the last `breaks` call: the fingerprint of the opposite breaks, and how many bounds break. */
  undone = 0;
  broken = 0;

  private readonly contribStart: Int32Array;
  private readonly contribCounter: Int32Array;
  private readonly contribAmount: Int32Array;

  constructor(private readonly placement: Placement) {
    const { contribStart, contribCounter, contribAmount, unitMembers, counters } = placement.problem;
    this.contribStart = contribStart;
    this.contribCounter = contribCounter;
    this.contribAmount = contribAmount;
    this.termBreaks = new Int32Array(contribCounter.length);
    this.termUndone = new Int32Array(contribCounter.length);
    this.unitBreaks = new Int32Array(unitMembers.length);
    this.unitUndone = new Int32Array(unitMembers.length);
    this.unitBroken = new Int32Array(unitMembers.length);
    this.arrivingStamp = new Int32Array(counters.length);
    this.arrivingAmount = new Int32Array(counters.length);
    this.arrivingBreaks = new Int32Array(counters.length);
    this.arrivingUndone = new Int32Array(counters.length);
  }

  /** Sums each unit's breaks for swaps between `from` and `to`. */
  prepare(from: number, to: number): void {
    this.from = from;
    this.to = to;
    this.sumTerms(this.placement.unitsOfClass[from]!, -1);
    this.sumTerms(this.placement.unitsOfClass[to]!, 1);
  }

  /** Fixes v (in `to`) as the unit of the next `breaks` calls. */
  arrive(v: number): void {
    const { contribStart, contribCounter, contribAmount } = this;
    this.stamp++;
    for (let i = contribStart[v]!; i < contribStart[v + 1]!; i++) {
      const counter = contribCounter[i]!;
      this.arrivingStamp[counter] = this.stamp;
      this.arrivingAmount[counter] = contribAmount[i]!;
      this.arrivingBreaks[counter] = this.termBreaks[i]!;
      this.arrivingUndone[counter] = this.termUndone[i]!;
    }
  }

  /**
   * The fingerprint of the bounds broken if u (in `from`) and v, the arriving unit, trade places; how many break is
   * left in `broken` (0: the swap keeps every bound).
   */
  breaks(u: number, v: number): number {
    const { contribStart, contribCounter, contribAmount } = this;
    let breaks = this.unitBreaks[u]! + this.unitBreaks[v]!;
    let undone = this.unitUndone[u]! + this.unitUndone[v]!;
    let broken = this.unitBroken[u]! + this.unitBroken[v]!;
    for (let i = contribStart[u]!; i < contribStart[u + 1]!; i++) {
      const counter = contribCounter[i]!;
      if (this.arrivingStamp[counter] !== this.stamp) continue;
      // Both hold the counter: its count moves by the difference of their amounts, usually none.
      breaks -= this.termBreaks[i]! + this.arrivingBreaks[counter]!;
      undone -= this.termUndone[i]! + this.arrivingUndone[counter]!;
      broken -= (this.termBreaks[i] === 0 ? 0 : 1) + (this.arrivingBreaks[counter] === 0 ? 0 : 1);
      const change = this.arrivingAmount[counter]! - contribAmount[i]!;
      if (change !== 0 && this.breaksBound(counter, change)) {
        breaks += fingerprint(counter, change);
        undone += fingerprint(counter, -change);
        broken++;
      }
    }
    this.undone = undone & MASK;
    this.broken = broken;
    return breaks & MASK;
  }

  /** Terms of the units of one class; `sign` is the change their leaving makes to `from` (-1 from it, +1 into it). */
  private sumTerms(units: readonly number[], sign: number): void {
    const { contribStart, contribCounter, contribAmount } = this.placement.problem;
    for (const unit of units) {
      let breaks = 0;
      let undone = 0;
      let broken = 0;
      for (let i = contribStart[unit]!; i < contribStart[unit + 1]!; i++) {
        const change = sign * contribAmount[i]!;
        const breaksBound = this.breaksBound(contribCounter[i]!, change);
        this.termBreaks[i] = breaksBound ? fingerprint(contribCounter[i]!, change) : 0;
        this.termUndone[i] = breaksBound ? fingerprint(contribCounter[i]!, -change) : 0;
        breaks += this.termBreaks[i]!;
        undone += this.termUndone[i]!;
        if (breaksBound) broken++;
      }
      this.unitBreaks[unit] = breaks & MASK;
      this.unitUndone[unit] = undone & MASK;
      this.unitBroken[unit] = broken;
    }
  }

  /** True when `from` gaining `change` of the counter (and `to` losing it) puts either outside its bounds. */
  private breaksBound(counter: number, change: number): boolean {
    return (
      this.placement.counterExcess(this.from, counter, change) !== 0 ||
      this.placement.counterExcess(this.to, counter, -change) !== 0
    );
  }
}

const MASK = 2 ** 30 - 1;

/**
 * A pseudo-random nonzero number below 2^30 per (counter, change), summed into a fingerprint of a set of breaks. The
 * mixing must not be linear: with a plain multiplication, breaking (a up, b down) would sum to the same as (a down, b
 * up), its own undoing.
 */
function fingerprint(counter: number, change: number): number {
  let x = counter * 64 + change + 32;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return ((x ^ (x >>> 16)) & MASK) | 1;
}

/**
 * Swaps grouped by the fingerprint of the bounds they break, each group with the fingerprint of its opposite: an
 * open-addressing table on the fingerprints (already well mixed), cleared in O(1) by a stamp, because a Map keyed by
 * number was the search's single largest cost.
 */
export class BreakGroups {
  private keys = new Int32Array(1024);
  private slotGroup = new Int32Array(1024);
  private slotStamp = new Int32Array(1024);
  private stamp = 1;
  private undone = new Int32Array(256);
  count = 0;

  clear(): void {
    this.stamp++;
    this.count = 0;
  }

  /** The group of swaps breaking `breaks`, created (with the fingerprint `undone` of its opposite) if new. */
  groupOf(breaks: number, undone: number): number {
    const slot = this.slot(breaks);
    if (this.slotStamp[slot] === this.stamp) return this.slotGroup[slot]!;
    const group = this.count++;
    this.slotStamp[slot] = this.stamp;
    this.keys[slot] = breaks;
    this.slotGroup[slot] = group;
    if (group === this.undone.length) this.undone = grown(this.undone, 2 * group);
    this.undone[group] = undone;
    // Kept at most half full, so probes stay short.
    if (2 * this.count > this.keys.length) this.rehash();
    return group;
  }

  /** The group whose swaps break the same bounds the opposite way, and so undo this group's breaks; NONE if none. */
  reverse(group: number): number {
    const slot = this.slot(this.undone[group]!);
    return this.slotStamp[slot] === this.stamp ? this.slotGroup[slot]! : NONE;
  }

  /** The slot holding `key`, or the empty slot where it would go. */
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let slot = key & mask;
    while (this.slotStamp[slot] === this.stamp && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private rehash(): void {
    const { keys, slotGroup, slotStamp, stamp } = this;
    this.keys = new Int32Array(2 * keys.length);
    this.slotGroup = new Int32Array(2 * keys.length);
    this.slotStamp = new Int32Array(2 * keys.length);
    for (let old = 0; old < keys.length; old++) {
      if (slotStamp[old] !== stamp) continue;
      const slot = this.slot(keys[old]!);
      this.slotStamp[slot] = stamp;
      this.keys[slot] = keys[old]!;
      this.slotGroup[slot] = slotGroup[old]!;
    }
  }
}

function grown(array: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(length);
  bigger.set(array);
  return bigger;
}
