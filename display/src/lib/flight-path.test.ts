import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardAt, easeOut, flightPath, pointOnPath, type Exit, type Lane, type Rect } from './flight-path.ts';

/** A draw as the scene lays it out at 1920×1080: one or two rows of columns around the pool, or tiles beside it. */
interface Sketch {
  readonly pool: Rect;
  /** The band holding the pool (the pool itself for tiles): cards start under it. */
  readonly cover: Rect;
  readonly area: Rect;
  readonly lanes: Lane[];
  /** The class headers (number, count, boys/girls) that no card may cover. */
  readonly headers: Rect[];
  /** Cards' height: 30 --u text on columns, 26 on tiles (see Draw.svelte), with their border. */
  readonly cardHeight: number;
}

const HEADER = 150;
const SLOT = 42;

function columnsAround(pool: Rect, area: Rect, count: number, top: number, bottom: number, exit: Exit): Sketch {
  const width = (area.right - area.left) / count;
  const lanes: Lane[] = [];
  const headers: Rect[] = [];
  for (let index = 0; index < count; index += 1) {
    const box = { left: area.left + index * width + 6, right: area.left + (index + 1) * width - 6, top, bottom };
    // Below the pool the header is at the bottom and the names start at the top; above it, the other way round.
    const down = exit === 'down';
    headers.push(down ? { ...box, top: bottom - HEADER } : { ...box, bottom: top + HEADER });
    const slot = down ? { ...box, bottom: top + SLOT } : { ...box, top: bottom - SLOT };
    lanes.push({ exit, slot, box });
  }
  const band = { left: area.left, top: pool.top, right: area.right, bottom: pool.bottom };
  return { pool, cover: band, area, lanes, headers, cardHeight: 50 };
}

const oneRow = (count: number) =>
  columnsAround(
    { left: 770, top: 0, right: 1150, bottom: 114 },
    { left: 0, top: 150, right: 1728, bottom: 800 },
    count,
    150,
    800,
    'down',
  );

function twoRows(count: number): Sketch {
  const pool = { left: 670, top: 330, right: 1050, bottom: 444 };
  const area = { left: 0, top: 0, right: 1728, bottom: 800 };
  const above = columnsAround(pool, area, count, 0, 310, 'up');
  const below = columnsAround(pool, area, count, 470, 800, 'down');
  const lanes = [...above.lanes, ...below.lanes];
  return { pool, cover: above.cover, area, lanes, headers: [...above.headers, ...below.headers], cardHeight: 50 };
}

function tiles(rows: number, perSide: number): Sketch {
  const pool = { left: 774, top: 100, right: 954, bottom: 800 };
  const area = { left: 0, top: 100, right: 1728, bottom: 800 };
  const height = (area.bottom - area.top) / rows;
  const width = 774 / perSide;
  const lanes: Lane[] = [];
  const headers: Rect[] = [];
  for (let row = 0; row < rows; row += 1) {
    for (let place = 0; place < perSide; place += 1) {
      for (const [exit, left] of [
        ['left', place * width],
        ['right', 954 + place * width],
      ] as const) {
        const box = { left: left + 5, right: left + width - 5, top: area.top + row * height + 6, bottom: 0 };
        const tile = { ...box, bottom: area.top + (row + 1) * height - 6 };
        headers.push({ ...tile, bottom: tile.bottom - 46 });
        lanes.push({ exit, slot: { ...tile, top: tile.bottom - 46 }, box: tile });
      }
    }
  }
  return { pool, cover: pool, area, lanes, headers, cardHeight: 44 };
}

const overlaps = (a: Rect, b: Rect) =>
  Math.min(a.right, b.right) > Math.max(a.left, b.left) && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);
const within = (a: Rect, b: Rect) =>
  a.left >= b.left - 1e-6 && a.right <= b.right + 1e-6 && a.top >= b.top - 1e-6 && a.bottom <= b.bottom + 1e-6;

/** Every position of every class's card along its whole flight, at `steps` points. */
function flights(sketch: Sketch, card: { width: number; height: number }, steps = 30) {
  return sketch.lanes.map((lane) => {
    const path = flightPath(sketch.pool, sketch.cover, sketch.area, lane, card);
    return {
      lane,
      path,
      boxes: Array.from({ length: steps + 1 }, (_, step) => cardAt(pointOnPath(path, step / steps), card)),
    };
  });
}

const sketches = fc.oneof(
  fc.integer({ min: 2, max: 12 }).map(oneRow),
  fc.integer({ min: 7, max: 12 }).map(twoRows),
  fc.tuple(fc.integer({ min: 3, max: 4 }), fc.integer({ min: 4, max: 5 })).map(([rows, side]) => tiles(rows, side)),
);
/** Cards' widths as the painter makes them: one name (3–4 characters) up to linked triplets. */
const widths = fc.integer({ min: 100, max: 480 });

describe('flightPath', () => {
  it('never takes a card over a class header, nor out of the classes and the pool', () => {
    fc.assert(
      fc.property(sketches, widths, (sketch, width) => {
        const { cover, area } = sketch;
        const card = { width, height: sketch.cardHeight };
        const around = {
          left: area.left,
          right: area.right,
          top: Math.min(area.top, cover.top),
          bottom: Math.max(area.bottom, cover.bottom),
        };
        for (const { boxes } of flights(sketch, card)) {
          for (const box of boxes) {
            expect(sketch.headers.some((header) => overlaps(box, header))).toBe(false);
            expect(within(box, around)).toBe(true);
          }
        }
      }),
      { seed: 20240828, numRuns: 60 },
    );
  });

  it('starts hidden under the band around the pool and comes to rest on the class’s first slot', () => {
    const sketch = oneRow(12);
    const card = { width: 150, height: 50 };
    for (const { lane, boxes } of flights(sketch, card)) {
      expect(within(boxes[0]!, sketch.cover)).toBe(true);
      const rest = boxes.at(-1)!;
      expect((rest.top + rest.bottom) / 2).toBeCloseTo((lane.slot.top + lane.slot.bottom) / 2);
    }
  });

  it('fans the classes out from the pool in the order of the columns', () => {
    const starts = flights(oneRow(12), { width: 150, height: 50 }).map(({ path }) => path.from.x);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(new Set(starts).size).toBe(12);
  });

  it('flies tiles’ cards straight along their row, out of the side of the pool that faces them', () => {
    const sketch = tiles(4, 5);
    for (const { lane, path } of flights(sketch, { width: 140, height: 44 })) {
      expect(path.from.y).toBeCloseTo(path.to.y);
      expect(path.to.x < path.from.x).toBe(lane.exit === 'left');
    }
  });
});

describe('easeOut', () => {
  it('runs from 0 to 1, leaving quickly and still moving near the end', () => {
    expect([0, 1].map(easeOut)).toEqual([0, 1]);
    expect(easeOut(0.1)).toBeGreaterThan(0.15);
    // In the last fifth of the time the card still covers a twentieth of the way, not a hundredth.
    expect(1 - easeOut(0.8)).toBeGreaterThan(0.03);
  });
});
