/**
 * The rolling counter the hall watches while a parent representative waits to stop it: the engine's sequence, frame
 * by frame on the controller's clock, so every display and the console show the same digits at the same moment
 * (engine/ceremony/rolling.ts). The digits that count are the ones the controller records; once it has, the scene
 * shows those. Created inside a component.
 */
import { rollingDigits, rollingFrameAt, type RollingScene } from '../../../engine/ceremony/rolling.ts';
import { prefersReducedMotion } from './motion.ts';
import type { Elapsed } from './pager.svelte.ts';

/** The stopped contribution stays large and still this long on the draw scene before the cards start to fly. */
export const STOPPED_HOLD_MS = 3500;

/** With reduced motion, one frame in eight is shown: about four changes a second, still the console's digits. */
const REDUCED_MOTION_STRIDE = 8;

export class RollingDigits {
  digits = $state<string | null>(null);

  constructor(scene: RollingScene, elapsed: Elapsed, running: () => boolean) {
    const stride = prefersReducedMotion() ? REDUCED_MOTION_STRIDE : 1;
    $effect(() => {
      if (!running()) return;
      let request = 0;
      let shown = -1;
      const roll = () => {
        const frame = rollingFrameAt(elapsed());
        const frameShown = frame - (frame % stride);
        if (frameShown !== shown) {
          shown = frameShown;
          this.digits = rollingDigits(scene, frameShown);
        }
        request = requestAnimationFrame(roll);
      };
      roll();
      return () => cancelAnimationFrame(request);
    });
  }
}
