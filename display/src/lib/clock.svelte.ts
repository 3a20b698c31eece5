/** One ticking clock for the whole display, so header and standby never disagree by a second. */
export class Clock {
  now = $state(new Date(0));
  readonly #source: () => number;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** `source`: the time to show (ms since 1970). */
  constructor(source: () => number) {
    this.#source = source;
    this.refresh();
  }

  /** Reads the source now, not at the next second: after it changed (the controller's clock became known). */
  refresh(): void {
    clearTimeout(this.#timer);
    const at = this.#source();
    this.now = new Date(at);
    // Tick just after each full second, so the seconds change in step with the hall's other clocks.
    this.#timer = setTimeout(() => this.refresh(), 1000 - (at % 1000) + 5);
  }
}
