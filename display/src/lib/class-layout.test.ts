import { describe, expect, it } from 'vitest';
import { classLayout, resultColumns, splitEvenly } from './class-layout.ts';

describe('classLayout', () => {
  it.each([
    [2, 'columns', [2]],
    [12, 'columns', [12]],
    [13, 'columns', [7, 6]],
    [24, 'columns', [12, 12]],
    [25, 'tiles', [9, 8, 8]],
    [40, 'tiles', [10, 10, 10, 10]],
  ] as const)('puts %i classes in %s of %j', (classes, kind, rowLengths) => {
    const layout = classLayout(classes);
    expect(layout.kind).toBe(kind);
    expect(layout.rows.map((row) => row.length)).toEqual(rowLengths);
    expect(layout.rows.flat()).toEqual(Array.from({ length: classes }, (_, index) => index + 1));
  });
});

describe('splitEvenly', () => {
  it('keeps order and makes runs differ by at most one', () => {
    const runs = splitEvenly([1, 2, 3, 4, 5, 6, 7], 3);
    expect(runs).toEqual([
      [1, 2, 3],
      [4, 5],
      [6, 7],
    ]);
  });
});

describe('resultColumns', () => {
  it('keeps rows few and cards wide', () => {
    expect([3, 6, 10, 12, 20, 40].map(resultColumns)).toEqual([3, 3, 5, 6, 8, 10]);
  });
});
