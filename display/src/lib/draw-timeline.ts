/**
 * The timing of a draw animation, as pure data: which students fly when, and how many have landed at a given moment.
 * The order is the controller's `reveal` (drawn from the seed), so the display chooses nothing; only the pace is ours.
 */
import type { Reveal } from '../../../engine/ceremony/state.ts';

/** One card in the air: a student, or multiple-birth siblings travelling to the same class as one linked card. */
export interface Flight {
  /** Indexes into the school's canonical roster. */
  readonly students: readonly number[];
  readonly classNumber: number;
  /** Seconds from the start of the animation. */
  readonly launch: number;
}

export interface DrawTimeline {
  readonly flights: readonly Flight[];
  /** How long one card takes from the pool to its class (0 when motion is reduced: cards appear in place). */
  readonly flightSeconds: number;
  /** When the last card has landed. */
  readonly totalSeconds: number;
}

const MAX_FLIGHT_SECONDS = 0.9;
const MIN_FLIGHT_SECONDS = 0.35;
/** About this many cards in the air at once: more is a blur, not a draw the hall can follow. */
const CARDS_IN_THE_AIR = 24;
/**
 * And about this many per class: the cards of one class share one path, so more of them in the air at once stack on
 * top of each other instead of following one another.
 */
const CARDS_IN_THE_AIR_PER_CLASS = 1.5;

/**
 * Spreads the reveal evenly over `seconds`. Siblings (same `groupOf` and same class) join the flight of whichever of
 * them the reveal names first; a student without a group flies alone.
 */
export function drawTimeline(
  reveal: readonly Reveal[],
  groupOf: (student: number) => string | null,
  seconds: number,
  reducedMotion: boolean,
): DrawTimeline {
  const classes = new Set(reveal.map((placed) => placed.classNumber)).size;
  const flightSeconds = reducedMotion ? 0 : flightTime(reveal.length, classes, seconds);
  const launchWindow = seconds - flightSeconds;
  const flights: Flight[] = [];
  const flightOfGroup = new Map<string, { students: number[] }>();
  reveal.forEach(({ student, classNumber }, position) => {
    const group = groupOf(student);
    const key = group === null ? null : `${classNumber}\u0000${group}`;
    const joined = key === null ? undefined : flightOfGroup.get(key);
    if (joined !== undefined) {
      joined.students.push(student);
      return;
    }
    const flight = { students: [student], classNumber, launch: (position / reveal.length) * launchWindow };
    if (key !== null) flightOfGroup.set(key, flight);
    flights.push(flight);
  });
  return { flights, flightSeconds, totalSeconds: seconds };
}

/** Long enough to follow a card, short enough that a big school does not fill the air; never over a tenth of the draw. */
function flightTime(students: number, classes: number, seconds: number): number {
  const inTheAir = Math.min(CARDS_IN_THE_AIR, CARDS_IN_THE_AIR_PER_CLASS * classes);
  const calm = (inTheAir * seconds) / Math.max(1, students);
  return Math.min(seconds / 10, Math.max(MIN_FLIGHT_SECONDS, Math.min(MAX_FLIGHT_SECONDS, calm)));
}

/** Number of flights launched by `elapsed` seconds (launches only grow, so a binary search finds it). */
export function launchedBy(timeline: DrawTimeline, elapsed: number): number {
  return countWhile(timeline.flights, (flight) => flight.launch <= elapsed);
}

/** Number of flights that have reached their class by `elapsed` seconds. */
export function landedBy(timeline: DrawTimeline, elapsed: number): number {
  if (elapsed >= timeline.totalSeconds) return timeline.flights.length;
  return countWhile(timeline.flights, (flight) => flight.launch + timeline.flightSeconds <= elapsed);
}

/** Length of the prefix of `items` for which `holds` is true (it must be true up to some point, false after). */
function countWhile<T>(items: readonly T[], holds: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (holds(items[middle]!)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * When each card leaves the pool (seconds from the start), for a painter whose cards all move alike: a card whose way
 * takes `travelOf` seconds leaves that long before it lands, and after the card before it on the same lane (cards
 * that leave from one spot) by `gap` at least, so that cards of one lane never leave on top of one another. A card
 * held back catches up (it still lands when the timeline says, the tallies count it then), but never at more than
 * twice its pace: in a rush a few may still leave close together.
 */
export function departures(
  timeline: DrawTimeline,
  travelOf: (flight: Flight) => number,
  laneOf: (flight: Flight) => string,
  gap: number,
): number[] {
  const lastOnLane = new Map<string, number>();
  return timeline.flights.map((flight) => {
    const lands = flight.launch + timeline.flightSeconds;
    const travel = Math.min(timeline.flightSeconds, travelOf(flight));
    const lane = laneOf(flight);
    const leaves = Math.min(Math.max(lands - travel, (lastOnLane.get(lane) ?? -Infinity) + gap), lands - travel / 2);
    lastOnLane.set(lane, leaves);
    return leaves;
  });
}
