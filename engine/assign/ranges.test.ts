import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticRoster } from '../../test/support/synthetic-roster.ts';
import { randomStream } from '../random.ts';
import { placeGreedily } from './construct.ts';
import { DEFAULT_OPTIONS } from './options.ts';
import { compileProblem } from './problem.ts';
import { Extremes } from './ranges.ts';
import { Placement } from './state.ts';

describe('extremes of class means', () => {
  it('foresee the widest range and the classes at its ends after any swap, as measured once it is made', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.nat(),
        fc.nat(),
        (classes, seed, pickU, pickV) => {
          const roster = syntheticRoster({ students: 20 * classes, withScores: true, label: 'extremes' });
          const problem = compileProblem(roster, { ...DEFAULT_OPTIONS, classes, cap: 30 });
          const placement = new Placement(problem);
          placeGreedily(placement, randomStream(seed, 'extremes-test'));
          const ranged = problem.features.map((_, f) => f);
          const extremes = new Extremes(placement, ranged);
          extremes.measure();
          const from = pickU % classes;
          const to = (from + 1 + (pickV % (classes - 1))) % classes;
          const u = placement.unitsOfClass[from]![pickU % placement.unitsOfClass[from]!.length]!;
          const v = placement.unitsOfClass[to]![pickV % placement.unitsOfClass[to]!.length]!;
          const F = problem.features.length;
          const sums = Float64Array.from(
            { length: F },
            (_, f) => problem.unitFeatureSum[v * F + f]! - problem.unitFeatureSum[u * F + f]!,
          );
          const counts = Float64Array.from(
            { length: F },
            (_, f) => problem.unitFeatureCount[v * F + f]! - problem.unitFeatureCount[u * F + f]!,
          );

          extremes.prepare(from, to);
          const unchanged = extremes.widestAfter(new Float64Array(F), new Float64Array(F), Infinity);
          expect(unchanged).toBeCloseTo(extremes.widest, 12);
          expect(extremes.holdersAfter).toBe(extremes.holders);

          const foreseen = extremes.widestAfter(sums, counts, Infinity);
          const foreseenHolders = extremes.holdersAfter;
          placement.swap(u, v, to);
          extremes.measure();
          expect(foreseen).toBeCloseTo(extremes.widest, 12);
          expect(foreseenHolders).toBe(extremes.holders);
        },
      ),
      { numRuns: 200 },
    );
  });
});
