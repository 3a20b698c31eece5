import { describe, expect, it } from 'vitest';
import { syntheticRoster } from '../../test/support/synthetic-roster.ts';
import type { Roster } from '../roster.ts';
import { balancedDraws, comembershipVariance, genderStratifiedDraws } from '../../test/support/diversity.ts';
import type { AssignOptions } from './index.ts';

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

const results = balancedDraws(roster, options, SEEDS);

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
    const unbalanced = comembershipVariance(genderStratifiedDraws(roster, options.classes, SEEDS));
    // Tight balancing does nudge similar students apart: measured 2.3× (pair frequencies within
    // about ±0.04 of chance instead of ±0.03); the bound guards against a collapse, and `npm run bench` reports it.
    expect(balanced / unbalanced).toBeLessThan(3);
    expect(balanced / unbalanced).toBeGreaterThan(0.8);
  });
});
