import { assign, type AssignOptions } from '../../engine/assign/index.ts';
import { randomStream, shuffleInPlace } from '../../engine/random.ts';
import type { Roster } from '../../engine/roster.ts';

/** Class of every student under seeds 0..count-1 (seed = its index, little-endian, in 32 bytes). */
export function balancedDraws(roster: Roster, options: AssignOptions, count: number): number[][] {
  return Array.from({ length: count }, (_, index) => {
    const seed = new Uint8Array(32);
    new DataView(seed.buffer).setUint32(0, index, true);
    const outcome = assign(roster, options, seed);
    if (!outcome.ok) throw new Error(outcome.error.en);
    return [...outcome.classOf];
  });
}

/**
 * Unbalanced random draws under the same count rules as the engine's: students grouped by stratum (gender, or
 * gender within score band), shuffled within it, and dealt round the classes in a random class order, so each class
 * gets ⌊n/K⌋ or ⌈n/K⌉ of every stratum and nothing else is decided.
 */
export function stratifiedDraws(
  roster: Roster,
  classes: number,
  count: number,
  stratumOf: (student: number) => string,
): number[][] {
  const random = randomStream(new Uint8Array(32), 'unbalanced-baseline');
  const strata = roster.students.map((_, index) => stratumOf(index));
  return Array.from({ length: count }, () => {
    const order = shuffleInPlace(
      roster.students.map((_, index) => index),
      random,
    ).sort((a, b) => (strata[a]! < strata[b]! ? -1 : strata[a]! > strata[b]! ? 1 : 0));
    const classOrder = shuffleInPlace(
      Array.from({ length: classes }, (_, index) => index + 1),
      random,
    );
    const classOf = new Array<number>(roster.students.length);
    order.forEach((student, position) => (classOf[student] = classOrder[position % classes]!));
    return classOf;
  });
}

/**
 * Variance, over pairs of students, of how often the pair shares a class across the draws. If balancing fixed who
 * sits with whom, pairs would be always together or always apart and this variance would grow a hundredfold.
 */
export function comembershipVariance(partitions: readonly (readonly number[])[]): number {
  const n = partitions[0]!.length;
  const frequencies: number[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      let together = 0;
      for (const classOf of partitions) if (classOf[a] === classOf[b]) together += 1;
      frequencies.push(together / partitions.length);
    }
  }
  const mean = frequencies.reduce((x, y) => x + y, 0) / frequencies.length;
  return frequencies.reduce((sum, value) => sum + (value - mean) ** 2, 0) / frequencies.length;
}
