import { describe, expect, it } from 'vitest';
import { syntheticRoster } from '../../test/support/synthetic-roster.ts';
import { randomStream, shuffleInPlace } from '../random.ts';
import type { Roster } from '../roster.ts';
import { assign, type AssignOptions } from './index.ts';

// Without source schools or same names, so that only balancing (not a separation rule) could tie students together.
const generated = syntheticRoster({ students: 120, withScores: true, label: 'randomness' });
const roster: Roster = {
  ...generated,
  students: generated.students.map((student) => ({
    ...student,
    sourceSchool: null,
    siblingGroup: null,
    name: student.id,
  })),
};
const options: AssignOptions = { classes: 4, cap: 45, siblings: 'together', names: 'exact' };
const SEEDS = 1000;

/** Class of every student under seeds 0..count-1 (seed = its index, little-endian, in 32 bytes). */
function draws(count: number): number[][] {
  return Array.from({ length: count }, (_, index) => {
    const seed = new Uint8Array(32);
    new DataView(seed.buffer).setUint32(0, index, true);
    const outcome = assign(roster, options, seed);
    if (!outcome.ok) throw new Error(outcome.error.en);
    return [...outcome.classOf];
  });
}

const results = draws(SEEDS);

describe('randomness of balanced draws', () => {
  it('puts every student in each class equally often over 1,000 seeds (chi-square per student)', () => {
    // 99.99th percentile of chi-square with 3 degrees of freedom is 21.1; with 120 students one may pass the 99.9th.
    const chiSquares = roster.students.map((_, student) => {
      const counts = [0, 0, 0, 0];
      for (const draw of results) counts[draw[student]! - 1]! += 1;
      const expected = SEEDS / options.classes;
      return counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    });
    expect(Math.max(...chiSquares)).toBeLessThan(21.1);
    // Summed over students the statistic has 360 degrees of freedom: mean 360, 99.9th percentile ≈ 453.
    expect(chiSquares.reduce((a, b) => a + b, 0)).toBeLessThan(453);
  });

  it('keeps the partitions nearly as diverse as unbalanced random ones under the same gender rule (co-membership)', () => {
    const balanced = comembershipVariance(results);
    const random = randomStream(new Uint8Array(32), 'unbalanced-baseline');
    const unbalanced = comembershipVariance(
      Array.from({ length: SEEDS }, () => {
        // The hard gender rule applies to random draws too: boys, then girls, dealt round the classes in random order.
        const shuffled = shuffleInPlace(
          roster.students.map((_, index) => index),
          random,
        );
        const order = [
          ...shuffled.filter((i) => roster.students[i]!.gender === 'M'),
          ...shuffled.filter((i) => roster.students[i]!.gender === 'F'),
        ];
        const classOf = new Array<number>(roster.students.length);
        order.forEach((student, position) => (classOf[student] = (position % options.classes) + 1));
        return classOf;
      }),
    );
    // If balancing fixed who sits with whom, pairs would be always together or always apart and this variance would
    // grow a hundredfold. Tight balancing does nudge similar students apart: measured 2.3× (pair frequencies within
    // about ±0.04 of chance instead of ±0.03); the bound guards against a collapse, and `npm run bench` reports it.
    expect(balanced / unbalanced).toBeLessThan(3);
    expect(balanced / unbalanced).toBeGreaterThan(0.8);
  });
});

/** Variance, over pairs of students, of how often the pair shares a class across the draws. */
function comembershipVariance(partitions: readonly (readonly number[])[]): number {
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
