/**
 * Where a card flies during the draw, as plain geometry. Every class turns the part of its column that lists names
 * (its body) towards the pool and keeps its header (class number, count, boys/girls) on the far side, so a card
 * never has to cross a header: it leaves from under the pool, travels through the space between the pool and the
 * classes, and lands on the body's first slot, where its name then appears. Columns below the pool are entered from
 * above, columns above it from below, tiles beside the pool column from the side, along their row's name strip.
 * The pool and the band around it are painted above the cards, so a card starts hidden and slides out from under it.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** The way a class's cards leave the pool: down or up into columns, left or right along a row of tiles. */
export type Exit = 'down' | 'up' | 'left' | 'right';

/** Where one class receives its cards. */
export interface Lane {
  readonly exit: Exit;
  /** The slot where the newest name appears: its centre is where the card comes to rest. */
  readonly slot: Rect;
  /** The class's whole box (column or tile): a card enters it only through the edge that faces the pool. */
  readonly box: Rect;
}

/** A cubic Bézier curve from the pool to the slot, `out` and `in` its control points. */
export interface FlightPath {
  readonly from: Point;
  readonly out: Point;
  readonly in: Point;
  readonly to: Point;
}

export interface CardSize {
  readonly width: number;
  readonly height: number;
}

/**
 * How far towards its column a card leaves, from the pool's middle (0) to straight above the column (1): the band
 * around the pool is opaque and above the cards, so they can start hidden anywhere under it. Spread out, cards for
 * different classes do not leave on top of one another; not all the way, they still come from the pool.
 */
const FAN = 0.6;

/**
 * The path of a card of `card` size to `lane`, leaving from under `cover` (the pool, or the band that holds it).
 * `area` holds every class: the card lands inside it even when it is
 * wider than its column (linked siblings), so it never leaves the screen's safe area. Towards columns the card drops
 * out of the pool into the gap between the pool and the columns, sweeps along it, and drops into its column: its
 * height only grows (or only shrinks, for columns above the pool) from the pool to the slot, so it never passes the
 * slot towards the header, and it crosses no text on the way. Tiles are reached in a straight line along their
 * row's name strip, out of the side of the pool that faces them.
 */
export function flightPath(pool: Rect, cover: Rect, area: Rect, lane: Lane, card: CardSize): FlightPath {
  const to = { x: clampCentre(centreX(lane.slot), area.left, area.right, card.width), y: centreY(lane.slot) };
  switch (lane.exit) {
    case 'down':
    case 'up': {
      // Each class leaves from its own place under the band, in the order of the columns: the cards fan out.
      const middle = (pool.left + pool.right) / 2;
      const x = clampCentre(middle + (to.x - middle) * FAN, cover.left, cover.right, card.width);
      // Hidden under the pool's edge that faces the class, then through the middle of the gap.
      const down = lane.exit === 'down';
      const from = { x, y: down ? pool.bottom - card.height / 2 : pool.top + card.height / 2 };
      const air = down ? (pool.bottom + lane.box.top) / 2 : (pool.top + lane.box.bottom) / 2;
      return { from, out: { x, y: air }, in: { x: to.x, y: air }, to };
    }
    case 'left':
    case 'right': {
      const y = clampCentre(to.y, pool.top, pool.bottom, card.height);
      const x = lane.exit === 'left' ? pool.right - card.width / 2 : pool.left + card.width / 2;
      const from = { x: clampCentre(x, pool.left, pool.right, Math.min(card.width, pool.right - pool.left)), y };
      const along = (share: number) => ({ x: from.x + (to.x - from.x) * share, y: from.y + (to.y - from.y) * share });
      return { from, out: along(1 / 3), in: along(2 / 3), to };
    }
  }
}

/** The card's centre at `t` (0 at the pool, 1 at rest). */
export function pointOnPath(path: FlightPath, t: number): Point {
  const u = 1 - t;
  const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return {
    x: a * path.from.x + b * path.out.x + c * path.in.x + d * path.to.x,
    y: a * path.from.y + b * path.out.y + c * path.in.y + d * path.to.y,
  };
}

/** The card's box with its centre at `point`. */
export function cardAt(point: Point, card: CardSize): Rect {
  return {
    left: point.x - card.width / 2,
    top: point.y - card.height / 2,
    right: point.x + card.width / 2,
    bottom: point.y + card.height / 2,
  };
}

/** The length of the path's control polygon: the path's length or a little more. */
export function pathLength({ from, out, in: into, to }: FlightPath): number {
  const span = (a: Point, b: Point) => Math.hypot(b.x - a.x, b.y - a.y);
  return span(from, out) + span(out, into) + span(into, to);
}

/**
 * Quick out of the pool, softer at rest, but never crawling: a strong ease would hold each card near its slot for
 * most of its flight, where the next card of the class then lands on top of it.
 */
export function easeOut(t: number): number {
  return 1 - (1 - t) ** 2;
}

const centreX = (rect: Rect) => (rect.left + rect.right) / 2;
const centreY = (rect: Rect) => (rect.top + rect.bottom) / 2;

/** A centre that keeps a span of `size` between `low` and `high` (the middle when it cannot). */
function clampCentre(centre: number, low: number, high: number, size: number): number {
  if (high - low <= size) return (low + high) / 2;
  return Math.min(high - size / 2, Math.max(low + size / 2, centre));
}
