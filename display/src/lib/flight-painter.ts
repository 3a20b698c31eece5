/**
 * Paints the cards in the air on one canvas: thousands of students would be thousands of DOM nodes, while at any
 * moment only a few dozen are flying. Columns and tallies stay in the DOM; only the flights are drawn here. Each card
 * is rendered once into a small bitmap when it takes off, so a frame is only a few dozen image copies — text
 * rendering is the expensive part without a GPU.
 */
import type { DrawTimeline, Flight } from './draw-timeline.ts';
import { cardAt, easeOut, flightPath, pointOnPath, type FlightPath, type Lane, type Rect } from './flight-path.ts';

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
    this.ratio = window.devicePixelRatio || 1;
    const { width, height } = this.canvas.getBoundingClientRect();
    this.canvas.width = Math.round(width * this.ratio);
    this.canvas.height = Math.round(height * this.ratio);
    this.context.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
  }

  /**
   * Draws the flights between `from` (landed) and `to` (launched) as they are at `elapsed` seconds, each opaque (a
   * card never shows through another), later ones on top.
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
      const progress = Math.min(1, Math.max(0, (elapsed - flight.launch) / timeline.flightSeconds));
      const card = cardAt(pointOnPath(sprite.path, easeOut(progress)), sprite);
      context.drawImage(sprite.image, card.left, card.top, sprite.width, sprite.height);
    }
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
    const sprite = { image, ...size, path: lane === undefined ? null : flightPath(pool, cover, area, lane, size) };
    this.sprites.set(index, sprite);
    return sprite;
  }
}
