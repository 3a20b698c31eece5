import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticRoster } from '../../test/support/synthetic-roster.ts';
import { randomStream } from '../random.ts';
import { BreakGroups, SwapBreaks } from './breaks.ts';
import { placeGreedily } from './construct.ts';
import { DEFAULT_OPTIONS } from './options.ts';
import { compileProblem } from './problem.ts';
import { Placement } from './state.ts';

/** The bounds a swap breaks, spelled out: `counter:change` for each count pushed outside its bounds. */
function brokenBounds(placement: Placement, u: number, v: number, from: number, to: number): string[] {
  const broken: string[] = [];
  placement.problem.counters.forEach((_, counter) => {
    const change = placement.contributes(v, counter) - placement.contributes(u, counter);
    if (change === 0) return;
    if (placement.counterExcess(from, counter, change) !== 0 || placement.counterExcess(to, counter, -change) !== 0) {
      broken.push(`${counter}:${change}`);
    }
  });
  return broken;
}

interface Swap {
  readonly breaks: number;
  readonly undone: number;
  readonly bounds: string;
  readonly opposite: string;
}

/** Every swap between two classes of a greedy placement (sizes, genders and bands even) of a banded roster. */
function swapsOf(students: number, classes: number, seed: Uint8Array): Swap[] {
  const roster = syntheticRoster({ students, withScores: true, label: `breaks-${students}` });
  const placement = new Placement(compileProblem(roster, { ...DEFAULT_OPTIONS, classes, cap: 60, bands: 5 }));
  placeGreedily(placement, randomStream(seed, 'breaks-test'));
  const swapBreaks = new SwapBreaks(placement);
  const swaps: Swap[] = [];
  for (let from = 0; from < classes; from++) {
    for (let to = from + 1; to < classes; to++) {
      swapBreaks.prepare(from, to);
      for (const v of placement.unitsOfClass[to]!) {
        swapBreaks.arrive(v);
        for (const u of placement.unitsOfClass[from]!) {
          const breaks = swapBreaks.breaks(u, v);
          const bounds = brokenBounds(placement, u, v, from, to);
          expect(swapBreaks.broken).toBe(bounds.length);
          expect(swapBreaks.broken === 0).toBe(placement.countersStayInBounds(u, v, from, to));
          const opposite = bounds.map((bound) => bound.replace(/:(-?)/, (_, minus) => (minus ? ':' : ':-')));
          swaps.push({
            breaks,
            undone: swapBreaks.undone,
            bounds: `${from}/${to} ${bounds.sort().join(' ')}`,
            opposite: `${from}/${to} ${opposite.sort().join(' ')}`,
          });
        }
      }
    }
  }
  return swaps;
}

describe('the bounds each swap breaks', () => {
  it('counts exactly the broken bounds, and fingerprints them so that equal fingerprints mean equal breaks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 30, max: 70 }),
        fc.integer({ min: 2, max: 5 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (students, classes, seed) => {
          const swaps = swapsOf(students, classes, seed);
          const fingerprintOf = new Map<string, number>();
          const boundsOf = new Map<string, string>();
          for (const swap of swaps) {
            const pair = swap.bounds.split(' ')[0]!;
            // Same breaks, same fingerprint; and (bar a 2^-30 collision) the other way round.
            expect(fingerprintOf.get(swap.bounds) ?? swap.breaks).toBe(swap.breaks);
            fingerprintOf.set(swap.bounds, swap.breaks);
            const key = `${pair} ${swap.breaks}`;
            expect(boundsOf.get(key) ?? swap.bounds).toBe(swap.bounds);
            boundsOf.set(key, swap.bounds);
          }
          for (const swap of swaps) {
            // The opposite fingerprint is the fingerprint of the opposite breaks, never the swap's own.
            const opposite = fingerprintOf.get(swap.opposite);
            if (opposite !== undefined) expect(swap.undone).toBe(opposite);
            if (swap.bounds !== swap.opposite) expect(swap.undone).not.toBe(swap.breaks);
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('groups of swaps by their breaks', () => {
  it('gives equal fingerprints one group, finds each group its opposite, and forgets everything when cleared', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 2 ** 30 - 1 }), { minLength: 1, maxLength: 3000 }), (keys) => {
        const groups = new BreakGroups();
        const undone = (key: number) => (key ^ 0x2aaaaaaa) & (2 ** 30 - 1);
        const groupOf = new Map<number, number>();
        for (const key of keys) {
          const group = groups.groupOf(key, undone(key));
          expect(groupOf.get(key) ?? group).toBe(group);
          groupOf.set(key, group);
        }
        expect(groups.count).toBe(groupOf.size);
        for (const [key, group] of groupOf) {
          expect(groups.reverse(group)).toBe(groupOf.get(undone(key)) ?? -1);
        }
        groups.clear();
        expect(groups.count).toBe(0);
        expect(groups.groupOf(keys[0]!, 1)).toBe(0);
      }),
      { numRuns: 50 },
    );
  });
});
