import { describe, expect, it } from 'vitest';
import { classListPages, pageLabel, paginate } from './paging.ts';

describe('paginate', () => {
  it('cuts a list into full pages and a last partial one', () => {
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('gives one empty page for an empty list and refuses a zero page size', () => {
    expect(paginate([], 8)).toEqual([[]]);
    expect(() => paginate([1], 0)).toThrow(RangeError);
  });
});

describe('pageLabel', () => {
  it('counts from one, in the display language, and says nothing for a single page', () => {
    expect(pageLabel(1, 5, 'zh')).toBe('第 2/5 页');
    expect(pageLabel(0, 3, 'en')).toBe('page 1/3');
    expect(pageLabel(0, 1, 'zh')).toBe('');
  });
});

describe('classListPages', () => {
  const classOf = (classNumber: number, names: number) => ({
    classNumber,
    names: Array.from({ length: names }, (_, index) => `${classNumber}-${index}`),
  });

  it('shows every name of every class exactly once', () => {
    const classes = Array.from({ length: 40 }, (_, index) => classOf(index + 1, 50));
    const pages = classListPages(classes, 12, 10);
    const shown = pages.flatMap((page) => page.columns.flatMap((column) => column.names.map((entry) => entry.name)));
    expect(shown.sort()).toEqual(classes.flatMap((found) => found.names).sort());
    // 40 classes: four groups of ten side by side, five pages of ten names each.
    expect(pages).toHaveLength(20);
    expect(pages.every((page) => page.columns.length === 10)).toBe(true);
  });

  it('numbers each name by its place in the class list', () => {
    const [, second] = classListPages([classOf(1, 12)], 12, 10);
    expect(second!.columns[0]!.names).toEqual([
      { place: 10, name: '1-10' },
      { place: 11, name: '1-11' },
    ]);
  });

  it('pages a group as long as its longest class', () => {
    const pages = classListPages([classOf(1, 21), classOf(2, 3)], 12, 10);
    expect(pages.map((page) => page.columns.map((column) => column.names.length))).toEqual([
      [10, 3],
      [10, 0],
      [1, 0],
    ]);
  });
});
