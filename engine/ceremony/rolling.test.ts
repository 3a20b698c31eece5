import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLLING_DIGITS } from './contribution.ts';
import { rollingDigits, rollingFrameAt, type RollingScene } from './rolling.ts';

const scene: RollingScene = { scene: 'contribution', school: '第一小学', sceneStartedAt: 1_786_000_000_000 };

describe('the rolling counter', () => {
  it('is the same for the same scene and frame, wherever it is computed', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), (frame) => {
        expect(rollingDigits({ ...scene }, frame)).toBe(rollingDigits(scene, frame));
      }),
      { seed: 17, numRuns: 100 },
    );
  });

  it('pins its first frames, so a change to the sequence is seen', () => {
    const frames = [0, 1, 2].map((frame) => rollingDigits(scene, frame));
    expect(frames).toEqual(PINNED_FRAMES);
  });

  it('shows the full count of digits, every digit turning up, and changes from frame to frame', () => {
    const seen = new Set<string>();
    let changes = 0;
    let previous = '';
    for (let frame = 0; frame < 300; frame += 1) {
      const digits = rollingDigits(scene, frame);
      expect(digits).toMatch(new RegExp(`^[0-9]{${ROLLING_DIGITS}}$`));
      for (const digit of digits) seen.add(digit);
      if (digits !== previous) changes += 1;
      previous = digits;
    }
    expect(seen.size).toBe(10);
    expect(changes).toBe(300);
  });

  it('rolls differently for another scene, school or start', () => {
    const first = rollingDigits(scene, 5);
    expect(rollingDigits({ ...scene, scene: 'teachers' }, 5)).not.toBe(first);
    expect(rollingDigits({ ...scene, school: '第二小学' }, 5)).not.toBe(first);
    expect(rollingDigits({ ...scene, sceneStartedAt: scene.sceneStartedAt + 1 }, 5)).not.toBe(first);
  });

  it('refuses a frame that is not a whole number from 0', () => {
    for (const frame of [-1, 1.5, Number.NaN]) expect(() => rollingDigits(scene, frame)).toThrow(RangeError);
  });

  it.each([
    [-500, 0],
    [0, 0],
    [33, 0],
    [34, 1],
    [1000, 30],
    [60_000, 1800],
  ])('counts %i ms after the start as frame %i (30 a second)', (elapsedMs, frame) => {
    expect(rollingFrameAt(elapsedMs)).toBe(frame);
  });
});

/** Recorded when the sequence was defined: the console, displays and controller of one build must all agree. */
const PINNED_FRAMES = ['29778068', '87526725', '70581938'];
