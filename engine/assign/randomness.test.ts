import { describe, expect, it } from 'vitest';
import { syntheticRoster } from '../../test/support/synthetic-roster.ts';
import type { Roster } from '../roster.ts';
import { balancedDraws, comembershipVariance, stratifiedDraws } from '../../test/support/diversity.ts';
import { standings } from './distribution.ts';
import { DEFAULT_OPTIONS, type AssignOptions } from './index.ts';

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
const SEEDS = 1000;
/** Means only, as the engine issue measured; then with ten score bands and the top and bottom ten spread too. */
const meansOnly: AssignOptions = { ...DEFAULT_OPTIONS, classes: 4, cap: 45, names: 'exact', bands: 0, extremes: 0 };
const distributed: AssignOptions = { ...meansOnly, bands: 10, extremes: 10 };
const standing = standings(roster, distributed);
const genderOf = (student: number) => roster.students[student]!.gender;

describe.each([
  // Tight balancing nudges similar students apart: measured 2.2× the pair-frequency variance of gender-stratified
  // random draws (frequencies within about ±0.04 of chance instead of ±0.03).
  { name: 'means only', options: meansOnly, stratumOf: genderOf, measured: 2.2 },
  // Even bands are a hard rule like gender: against random draws dealt by band and gender, measured 0.84×.
  {
    name: 'bands and extremes',
    options: distributed,
    stratumOf: (student: number) => `${standing[student]!.band}/${genderOf(student)}`,
    measured: 0.84,
  },
])('randomness of balanced draws, $name', ({ options, stratumOf, measured }) => {
  const results = balancedDraws(roster, options, SEEDS);

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

  it('keeps the partitions about as diverse as random draws under the same count rules (co-membership)', () => {
    const ratio =
      comembershipVariance(results) / comembershipVariance(stratifiedDraws(roster, options.classes, SEEDS, stratumOf));
    // A partition fixed by balancing would be ~100×; the bounds guard against a collapse around the measured figure.
    expect(ratio).toBeLessThan(measured * 1.35);
    expect(ratio).toBeGreaterThan(measured * 0.65);
  });
});
