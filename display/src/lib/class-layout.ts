/**
 * Where the K classes of a draw go on screen: up to 12 side by side as columns, 13–24 as two rows of columns, more
 * (up to 40 and beyond) as a grid of tiles that carry counts only — names come afterwards, paged.
 */
export type ClassLayout =
  | { readonly kind: 'columns'; readonly rows: readonly (readonly number[])[] }
  | { readonly kind: 'tiles'; readonly rows: readonly (readonly number[])[] };

export const MAX_SINGLE_ROW = 12;
export const MAX_COLUMN_ROWS = 24;
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

/** Columns of the result scene's grid of class cards: rows stay few and cards stay wide enough for the means. */
export function resultColumns(classes: number): number {
  if (classes <= 4) return Math.max(1, classes);
  if (classes <= 12) return Math.ceil(classes / 2);
  if (classes <= 24) return 8;
  return 10;
}
