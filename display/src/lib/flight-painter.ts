/**
 * Paints the cards in the air on one canvas: thousands of students would be thousands of DOM nodes, while at any
 * moment only a few dozen are flying. Columns and tallies stay in the DOM; only the flights are drawn here. Each card
 * is rendered once into a small bitmap when it takes off, so a frame is only a few dozen image copies — text
 * rendering is the expensive part without a GPU.
 */
import { departures, type DrawTimeline, type Flight } from './draw-timeline.ts';
import {
  cardAt,
  easeOut,
  flightPath,
  pathLength,
  pointOnPath,
  type FlightPath,
  type Lane,
  type Rect,
} from './flight-path.ts';

/** The shortest share of a flight's time a card is seen moving (one to a class right by the pool). */
const LEAST_TRAVEL = 0.25;
/** Cards leaving from one spot leave at least this share of a flight's time apart, when they can. */
const DEPARTURE_GAP = 0.15;

export interface FlightScene {
  readonly timeline: DrawTimeline;
  /** The text on a card: a name, or linked siblings' names. */
  readonly labelOf: (flight: Flight) => string;
  readonly colors: { readonly card: string; readonly ink: string; readonly border: string; readonly linked: string };
}

/** Where things are on screen, in canvas CSS pixels; measured again whenever the window changes size. */
export interface FlightPlaces {
  /** The pool the cards leave from. */
  readonly pool: Rect;
  /** What is painted above the canvas around the pool (the pool, or the band holding it): cards start under it. */
  readonly cover: Rect;
  /** The box around every class, which cards never leave. */
  readonly area: Rect;
  /** Where each class receives its cards, by class number. */
  readonly lanes: ReadonlyMap<number, Lane>;
  /** One 1080p pixel in CSS pixels (the display's --u). */
  readonly unit: number;
  /** The card's text size in --u: smaller where the classes are many and small. */
  readonly fontSize: number;
}

interface Sprite {
  readonly image: HTMLCanvasElement;
  /** Size in CSS pixels. */
  readonly width: number;
  readonly height: number;
  readonly path: FlightPath | null;
}

export class FlightPainter {
  private readonly context: CanvasRenderingContext2D;
  private places: FlightPlaces = {
    pool: { left: 0, top: 0, right: 0, bottom: 0 },
    cover: { left: 0, top: 0, right: 0, bottom: 0 },
    area: { left: 0, top: 0, right: 0, bottom: 0 },
    lanes: new Map(),
    unit: 1,
    fontSize: 30,
  };
  private ratio = 1;
  /** Bitmaps of the cards in the air (and their paths), by flight index; dropped once landed. */
  private sprites = new Map<number, Sprite>();
  /** When each flight leaves the pool (seconds), by flight index. */
  private leaves: number[] = [];

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly scene: FlightScene,
  ) {
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('no 2d canvas');
    this.context = context;
  }

  /** Takes new places and matches the backing store to the element's size at the device's pixel ratio. */
  layout(places: FlightPlaces): void {
    this.places = places;
    this.sprites = new Map();
    this.leaves = this.plan(places);
    this.ratio = window.devicePixelRatio || 1;
    const { width, height } = this.canvas.getBoundingClientRect();
    this.canvas.width = Math.round(width * this.ratio);
    this.canvas.height = Math.round(height * this.ratio);
    this.context.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
  }

  /**
   * Draws the flights between `from` (landed) and `to` (launched) as they are at `elapsed` seconds, each opaque (a
   * card never shows through another), later ones on top. Every card lands when the timeline says (the tallies count
   * it then); it leaves when `plan` says, until then hidden under the pool.
   */
  paint(from: number, to: number, elapsed: number): void {
    const { context } = this;
    const { timeline } = this.scene;
    context.clearRect(0, 0, this.canvas.width / this.ratio, this.canvas.height / this.ratio);
    for (const index of this.sprites.keys()) if (index < from) this.sprites.delete(index);
    if (timeline.flightSeconds === 0) return;
    for (let index = from; index < to; index += 1) {
      const flight = timeline.flights[index]!;
      const sprite = this.spriteOf(index, flight);
      if (sprite.path === null) continue;
      const departure = this.leaves[index] ?? flight.launch;
      if (elapsed < departure) continue;
      const travel = flight.launch + timeline.flightSeconds - departure;
      const progress = Math.min(1, (elapsed - departure) / travel);
      const card = cardAt(pointOnPath(sprite.path, easeOut(progress)), sprite);
      context.drawImage(sprite.image, card.left, card.top, sprite.width, sprite.height);
    }
  }

  /**
   * When each card leaves. All move alike: a card with a short way waits under the pool and leaves later, so cards
   * for the classes near the pool do not crawl out of it on top of one another; and cards leaving from one spot (one
   * class's column, one row of tiles on one side) leave one after another, not together.
   */
  private plan(places: FlightPlaces): number[] {
    const { timeline } = this.scene;
    const point = { width: 0, height: 0 };
    const ways = new Map(
      [...places.lanes].map(([classNumber, lane]) => {
        const path = flightPath(places.pool, places.cover, places.area, lane, point);
        const sideways = lane.exit === 'left' || lane.exit === 'right';
        return [
          classNumber,
          { length: pathLength(path), spot: sideways ? `${lane.exit} ${Math.round(path.from.y)}` : `${classNumber}` },
        ];
      }),
    );
    const reach = Math.max(1, ...[...ways.values()].map((way) => way.length));
    const share = (flight: Flight) =>
      Math.min(1, Math.max(LEAST_TRAVEL, (ways.get(flight.classNumber)?.length ?? reach) / reach));
    return departures(
      timeline,
      (flight) => timeline.flightSeconds * share(flight),
      (flight) => ways.get(flight.classNumber)?.spot ?? '',
      timeline.flightSeconds * DEPARTURE_GAP,
    );
  }

  private spriteOf(index: number, flight: Flight): Sprite {
    const cached = this.sprites.get(index);
    if (cached !== undefined) return cached;
    const { unit, fontSize, pool, cover, area, lanes } = this.places;
    const { colors, labelOf } = this.scene;
    const label = labelOf(flight);
    const font = `700 ${fontSize * unit}px 'Noto Sans SC', sans-serif`;
    this.context.font = font;
    const width = this.context.measureText(label).width + fontSize * unit;
    const height = fontSize * 1.6 * unit;
    const line = 2 * unit;
    const image = document.createElement('canvas');
    image.width = Math.ceil((width + line) * this.ratio);
    image.height = Math.ceil((height + line) * this.ratio);
    const card = image.getContext('2d')!;
    card.scale(this.ratio, this.ratio);
    card.translate(line / 2, line / 2);
    card.fillStyle = colors.card;
    card.strokeStyle = flight.students.length > 1 ? colors.linked : colors.border;
    card.lineWidth = line;
    card.beginPath();
    card.roundRect(0, 0, width, height, 8 * unit);
    card.fill();
    card.stroke();
    card.font = font;
    card.textAlign = 'center';
    card.textBaseline = 'middle';
    card.fillStyle = colors.ink;
    card.fillText(label, width / 2, height / 2);
    const size = { width: width + line, height: height + line };
    const lane = lanes.get(flight.classNumber);
    const path = lane === undefined ? null : flightPath(pool, cover, area, lane, size);
    const sprite = { image, ...size, path };
    this.sprites.set(index, sprite);
    return sprite;
  }
}
