/**
 * Paints the cards in the air on one canvas: thousands of students would be thousands of DOM nodes, while at any
 * moment only a few dozen are flying. Columns and tallies stay in the DOM; only the flights are drawn here. Each card
 * is rendered once into a small bitmap when it takes off, so a frame is only a few dozen image copies — text
 * rendering is the expensive part without a GPU.
 */
import { easeInOut, type DrawTimeline, type Flight } from './draw-timeline.ts';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface FlightScene {
  readonly timeline: DrawTimeline;
  /** The text on a card: a name, or linked siblings' names. */
  readonly labelOf: (flight: Flight) => string;
  readonly colors: { readonly card: string; readonly ink: string; readonly border: string; readonly linked: string };
}

/** Where things are on screen; measured again whenever the window changes size. */
export interface FlightPlaces {
  /** Where cards leave from, in canvas CSS pixels. */
  readonly pool: Point;
  /** Where each class's cards land, by class number. */
  readonly targets: ReadonlyMap<number, Point>;
  /** One 1080p pixel in CSS pixels (the display's --u). */
  readonly unit: number;
}

interface Sprite {
  readonly image: HTMLCanvasElement;
  /** Size in CSS pixels. */
  readonly width: number;
  readonly height: number;
}

export class FlightPainter {
  private readonly context: CanvasRenderingContext2D;
  private places: FlightPlaces = { pool: { x: 0, y: 0 }, targets: new Map(), unit: 1 };
  private ratio = 1;
  /** Bitmaps of the cards in the air, by flight index; dropped once landed. */
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

  /** Draws the flights between `from` (landed) and `to` (launched) as they are at `elapsed` seconds. */
  paint(from: number, to: number, elapsed: number): void {
    const { context, places } = this;
    const { timeline } = this.scene;
    context.clearRect(0, 0, this.canvas.width / this.ratio, this.canvas.height / this.ratio);
    for (const index of this.sprites.keys()) if (index < from) this.sprites.delete(index);
    if (timeline.flightSeconds === 0) return;
    for (let index = from; index < to; index += 1) {
      const flight = timeline.flights[index]!;
      const target = places.targets.get(flight.classNumber);
      if (target === undefined) continue;
      const progress = Math.min(1, Math.max(0, (elapsed - flight.launch) / timeline.flightSeconds));
      const eased = easeInOut(progress);
      const x = places.pool.x + (target.x - places.pool.x) * eased;
      const y = places.pool.y + (target.y - places.pool.y) * eased;
      const sprite = this.spriteOf(index, flight);
      context.globalAlpha = Math.min(1, progress * 6, (1 - progress) * 8 + 0.2);
      context.drawImage(sprite.image, x - sprite.width / 2, y - sprite.height / 2, sprite.width, sprite.height);
    }
    context.globalAlpha = 1;
  }

  private spriteOf(index: number, flight: Flight): Sprite {
    const cached = this.sprites.get(index);
    if (cached !== undefined) return cached;
    const { unit } = this.places;
    const { colors, labelOf } = this.scene;
    const label = labelOf(flight);
    const font = `700 ${30 * unit}px 'Noto Sans SC', sans-serif`;
    this.context.font = font;
    const width = this.context.measureText(label).width + 28 * unit;
    const height = 48 * unit;
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
    const sprite = { image, width: width + line, height: height + line };
    this.sprites.set(index, sprite);
    return sprite;
  }
}
