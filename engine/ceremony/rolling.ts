/**
 * The rolling counter the parent representative stops: a pure function of a public value of the scene (which scene,
 * which school, when it started on the controller's clock) and the frame number, so the console and every display
 * roll the same digits at the same moment, and the controller can check that the digits sent are the frame stopped.
 * The digits need not be secret — the seal's secret supplies the unpredictability — only the moment of the stop is
 * the parent's.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { randomStream } from '../random.ts';
import { ROLLING_DIGITS } from './contribution.ts';

export const ROLLING_FRAMES_PER_SECOND = 30;

/** What makes one scene's roll its own: the scene ("contribution", "teachers"), its school and its start (ms). */
export interface RollingScene {
  readonly scene: string;
  readonly school: string;
  readonly sceneStartedAt: number;
}

/** The frame showing `elapsedMs` after the scene's start (0 before it). */
export function rollingFrameAt(elapsedMs: number): number {
  return Math.max(0, Math.floor((elapsedMs * ROLLING_FRAMES_PER_SECOND) / 1000));
}

/** The digits of frame `frame` of the scene's roll. */
export function rollingDigits(scene: RollingScene, frame: number): string {
  if (!Number.isSafeInteger(frame) || frame < 0) throw new RangeError(`bad frame ${frame}`);
  const seed = sha256(utf8ToBytes(JSON.stringify([scene.scene, scene.school, scene.sceneStartedAt])));
  const random = randomStream(seed, `rolling-digits/v1/${frame}`);
  return Array.from({ length: ROLLING_DIGITS }, () => String(random.below(10))).join('');
}
