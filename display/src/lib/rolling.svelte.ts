/**
 * Digits that roll about 30 times a second while the hall waits for a parent representative to stop them. They are
 * theatre only: the digits that count are the ones the console sends with the draw. Created inside a component.
 */
import { prefersReducedMotion } from './motion.ts';

export class RollingDigits {
  digits = $state<string[]>([]);

  constructor(count: number, running: () => boolean) {
    const changesPerSecond = prefersReducedMotion() ? 4 : 30;
    $effect(() => {
      if (!running()) return;
      let frame = 0;
      let last = 0;
      const roll = (time: number) => {
        if (time - last >= 1000 / changesPerSecond) {
          last = time;
          this.digits = Array.from({ length: count }, () => String(Math.floor(Math.random() * 10)));
        }
        frame = requestAnimationFrame(roll);
      };
      frame = requestAnimationFrame(roll);
      return () => cancelAnimationFrame(frame);
    });
  }
}
