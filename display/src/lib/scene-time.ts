/**
 * Time within a scene, counted on the controller's clock from the scene's start: every display in the hall — one
 * opened late, reloaded, or on a laptop whose own clock is wrong — counts the same beats at the same moment.
 */

export interface Beats {
  /** Whole intervals since the start (0 before it). */
  readonly count: number;
  /** Until the next beat (ms). */
  readonly nextInMs: number;
}

/** The beats of `intervalMs` after `elapsedMs` since the start (negative: the start is still to come). */
export function beatsAt(elapsedMs: number, intervalMs: number): Beats {
  if (!(intervalMs > 0)) throw new RangeError(`interval ${intervalMs}`);
  const count = Math.max(0, Math.floor(elapsedMs / intervalMs));
  return { count, nextInMs: (count + 1) * intervalMs - elapsedMs };
}

/** The page a calm pager shows after `beats` turns: round and round, one page per beat. */
export function pageAfter(beats: number, pages: number): number {
  return pages <= 1 ? 0 : beats % pages;
}

/** True once the pager has shown every page at least once. */
export function allPagesSeen(beats: number, pages: number): boolean {
  return beats >= pages - 1;
}
