import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSeedHex, randomStream, seedToHex, shuffleInPlace } from './random.ts';

const seedArbitrary = fc.uint8Array({ minLength: 32, maxLength: 32 });

describe('randomStream', () => {
  it('is a pure function of seed and purpose', () => {
    fc.assert(
      fc.property(seedArbitrary, fc.string(), (seed, purpose) => {
        const a = randomStream(seed, purpose);
        const b = randomStream(seed, purpose);
        for (let i = 0; i < 5000; i++) expect(a.uint32()).toBe(b.uint32());
      }),
      { numRuns: 20 },
    );
  });

  it('gives unrelated streams to different purposes and seeds', () => {
    const seed = new Uint8Array(32);
    const eight = (stream: ReturnType<typeof randomStream>) => Array.from({ length: 8 }, () => stream.uint32());
    const first = eight(randomStream(seed, 'a'));
    expect(eight(randomStream(seed, 'b'))).not.toEqual(first);
    expect(eight(randomStream(new Uint8Array(32).fill(1), 'a'))).not.toEqual(first);
  });

  it('keeps below(n) within [0, n)', () => {
    fc.assert(
      fc.property(seedArbitrary, fc.integer({ min: 1, max: 2 ** 32 }), (seed, bound) => {
        const stream = randomStream(seed, 'bounds');
        for (let i = 0; i < 200; i++) {
          const value = stream.below(bound);
          expect(Number.isInteger(value) && value >= 0 && value < bound).toBe(true);
        }
      }),
    );
  });

  it('draws below(n) uniformly (chi-square, n = 7 and 12)', () => {
    for (const bound of [7, 12]) {
      const stream = randomStream(new Uint8Array(32).fill(9), `uniform/${bound}`);
      const draws = 70_000;
      const counts = new Array<number>(bound).fill(0);
      for (let i = 0; i < draws; i++) counts[stream.below(bound)]! += 1;
      const expected = draws / bound;
      const chiSquare = counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
      // 99.9th percentile of chi-square with 6 and 11 degrees of freedom: 22.5 and 31.3.
      expect(chiSquare).toBeLessThan(bound === 7 ? 22.5 : 31.3);
    }
  });

  it('rejects bounds it cannot serve without bias', () => {
    const stream = randomStream(new Uint8Array(32), 'bad');
    for (const bound of [0, -1, 1.5, 2 ** 32 + 1]) expect(() => stream.below(bound)).toThrow(RangeError);
    expect(() => randomStream(new Uint8Array(31), 'short')).toThrow(RangeError);
  });
});

describe('seeds and shuffles', () => {
  it('round-trips 64 hex digits and rejects anything else', () => {
    fc.assert(
      fc.property(seedArbitrary, (seed) => {
        expect(parseSeedHex(seedToHex(seed))).toEqual(seed);
      }),
    );
    for (const bad of ['', 'ab', 'g'.repeat(64), '0'.repeat(63), '0'.repeat(65)]) expect(parseSeedHex(bad)).toBeNull();
  });

  it('shuffles into a permutation', () => {
    fc.assert(
      fc.property(seedArbitrary, fc.array(fc.integer()), (seed, items) => {
        const shuffled = shuffleInPlace([...items], randomStream(seed, 'shuffle'));
        expect([...shuffled].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
      }),
    );
  });
});
