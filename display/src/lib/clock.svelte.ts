/** One ticking clock for the whole display, so header and standby never disagree by a second. */
export class Clock {
  now = $state(new Date());

  constructor() {
    // Tick just after each full second, so the seconds change in step with the hall's other clocks.
    const tick = () => {
      this.now = new Date();
      setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
    };
    tick();
  }
}
