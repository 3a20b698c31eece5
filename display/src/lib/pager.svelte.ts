/**
 * Scene timers that count from the scene's start on the controller's clock, so every display in the hall shows the
 * same page or the same turned card at the same moment. Created inside a component, they stop when it goes.
 */
import { allPagesSeen, beatsAt, pageAfter } from './scene-time.ts';

/** Milliseconds since the scene (or a part of it) started, on the controller's clock; negative before. */
export type Elapsed = () => number;

/** Counts whole intervals since the start, waking only on each beat. */
export class Beat {
  count = $state(0);

  constructor(elapsed: Elapsed, intervalMs: () => number) {
    $effect(() => {
      const interval = intervalMs();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const tick = () => {
        const beats = beatsAt(elapsed(), interval);
        this.count = beats.count;
        timer = setTimeout(tick, beats.nextInMs);
      };
      tick();
      return () => clearTimeout(timer);
    });
  }
}

/** A page counter that turns calmly by itself, one page per interval, round and round. */
export class Pager {
  readonly #beat: Beat;
  readonly #pageCount: () => number;

  constructor(pageCount: () => number, intervalMs: number, elapsed: Elapsed) {
    this.#pageCount = pageCount;
    this.#beat = new Beat(elapsed, () => intervalMs);
  }

  get page(): number {
    return pageAfter(this.#beat.count, this.#pageCount());
  }

  /** True once every page has been shown at least once. */
  get seenAll(): boolean {
    return allPagesSeen(this.#beat.count, this.#pageCount());
  }
}
