import { describe, expect, it } from 'vitest';
import { classLayout, exitsOf, resultColumns, resultDensity, splitEvenly, teamColumns } from './class-layout.ts';

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

describe('exitsOf', () => {
  const exits = (classes: number) => [...exitsOf(classLayout(classes))].map(([, exit]) => exit).join(' ');

  it('sends one row of columns down from the pool, the first of two rows up, tiles to their side of the pool', () => {
    expect(exits(3)).toBe('down down down');
    expect(exits(13)).toBe(`${'up '.repeat(7)}${'down '.repeat(6)}`.trim());
    // 25 classes: rows of 9, 8, 8, each split left and right of the pool.
    expect(exits(25)).toBe(
      [
        'left '.repeat(5),
        'right '.repeat(4),
        'left '.repeat(4),
        'right '.repeat(4),
        'left '.repeat(4),
        'right '.repeat(4),
      ]
        .join('')
        .trim(),
    );
  });

  it('gives every class one way', () => {
    for (const classes of [2, 12, 24, 40]) expect(exitsOf(classLayout(classes)).size).toBe(classes);
  });
});

describe('result and teacher-team grids', () => {
  it('keeps cards wide enough for what they hold', () => {
    expect([2, 6, 10, 12, 13, 24, 25, 40].map(resultDensity)).toEqual([
      'full',
      'full',
      'full',
      'full',
      'dense',
      'dense',
      'compact',
      'compact',
    ]);
    expect([2, 6, 10, 12, 20, 40].map(resultColumns)).toEqual([2, 3, 4, 4, 6, 5]);
    expect([3, 6, 10, 12, 24, 40].map(teamColumns)).toEqual([3, 5, 5, 6, 8, 8]);
  });
});
