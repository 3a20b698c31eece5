/**
 * Where the K classes of a draw go on screen: up to 12 side by side as columns, 13–24 as two rows of columns, more
 * (up to 40 and beyond) as a grid of tiles that carry counts only — names come afterwards, paged.
 */
import type { Exit } from './flight-path.ts';

export type ClassLayout =
  | { readonly kind: 'columns'; readonly rows: readonly (readonly number[])[] }
  | { readonly kind: 'tiles'; readonly rows: readonly (readonly number[])[] };

export const MAX_SINGLE_ROW = 12;
export const MAX_COLUMN_ROWS = 24;
/** More class columns than this side by side are narrow: boys and girls take a line each. */
export const MAX_WIDE_COLUMNS = 9;
const TILES_PER_ROW = 10;

/** Class numbers 1..K arranged in rows, as evenly as possible (a 13-class school gets rows of 7 and 6). */
export function classLayout(classes: number): ClassLayout {
  const numbers = Array.from({ length: classes }, (_, index) => index + 1);
  if (classes <= MAX_SINGLE_ROW) return { kind: 'columns', rows: [numbers] };
  if (classes <= MAX_COLUMN_ROWS) return { kind: 'columns', rows: splitEvenly(numbers, 2) };
  return { kind: 'tiles', rows: splitEvenly(numbers, Math.ceil(classes / TILES_PER_ROW)) };
}

/** `items` in `parts` consecutive runs whose lengths differ by at most one, longer runs first. */
export function splitEvenly<T>(items: readonly T[], parts: number): T[][] {
  const runs: T[][] = [];
  let start = 0;
  for (let part = 0; part < parts; part += 1) {
    const length = Math.ceil((items.length - start) / (parts - part));
    runs.push(items.slice(start, start + length));
    start += length;
  }
  return runs;
}

/**
 * The way a draw's cards leave the pool for each class (see flight-path.ts). One row of columns hangs below the pool;
 * of two rows, the first is above it and the second below; tiles sit left and right of a pool column, half a row
 * each side.
 */
export function exitsOf(layout: ClassLayout): Map<number, Exit> {
  const exits = new Map<number, Exit>();
  layout.rows.forEach((row, index) => {
    if (layout.kind === 'tiles') {
      const [left = [], right = []] = splitEvenly(row, 2);
      for (const classNumber of left) exits.set(classNumber, 'left');
      for (const classNumber of right) exits.set(classNumber, 'right');
      return;
    }
    const above = layout.rows.length > 1 && index === 0;
    for (const classNumber of row) exits.set(classNumber, above ? 'up' : 'down');
  });
  return exits;
}

/**
 * How much a result card holds: everything (number, size, boys/girls, means) up to 12 classes; number, size and
 * boys/girls stacked up to 24; beyond, two lines (number and size, boys and girls) in more rows.
 */
export type ResultDensity = 'full' | 'dense' | 'compact';

export function resultDensity(classes: number): ResultDensity {
  if (classes <= MAX_SINGLE_ROW) return 'full';
  return classes <= MAX_COLUMN_ROWS ? 'dense' : 'compact';
}

/** Columns of the result scene's grid of class cards: each card wide enough for what its density holds. */
export function resultColumns(classes: number): number {
  if (classes <= 2) return Math.max(1, classes);
  if (classes <= 6) return 3;
  if (classes <= MAX_SINGLE_ROW) return 4;
  return classes <= MAX_COLUMN_ROWS ? 6 : 5;
}

/** Columns of the teacher-team cards (the whole width is theirs): rows stay few, cards wide enough for a team. */
export function teamColumns(classes: number): number {
  if (classes <= 5) return Math.max(1, classes);
  if (classes <= 10) return 5;
  if (classes <= MAX_SINGLE_ROW) return 6;
  return 8;
}

/** One --u (a pixel of 1920×1080) in CSS pixels at the current window size, as theme.css defines it. */
export function unitPx(): number {
  return Math.min(innerWidth / 1920, innerHeight / 1080);
}
