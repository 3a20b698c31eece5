import { describe, expect, it } from 'vitest';
import { AttemptThrottle, OVERALL, PER_ADDRESS } from './attempt-throttle.ts';

const A = '192.168.1.23';
const B = '192.168.1.24';

/** The waits `address` meets after each of `failures` failures, each tried as soon as the last wait allowed. */
function waitsAfterFailures(throttle: AttemptThrottle, address: string, failures: number, start = 0): number[] {
  const waits: number[] = [];
  let now = start;
  for (let failure = 0; failure < failures; failure += 1) {
    now += throttle.waitMs(address, now);
    throttle.failed(address, now);
    waits.push(throttle.waitMs(address, now));
  }
  return waits;
}

describe('AttemptThrottle', () => {
  it('lets an address fail 3 times, then makes it wait 1 s, 2 s, 4 s … up to a minute', () => {
    const throttle = new AttemptThrottle(PER_ADDRESS, { ...OVERALL, freeFailures: 1000 });
    expect(waitsAfterFailures(throttle, A, 11)).toEqual([
      0, 0, 1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
  });

  it('counts the time already waited, and holds other addresses back only through the overall count', () => {
    const throttle = new AttemptThrottle();
    waitsAfterFailures(throttle, A, 4);
    expect(throttle.waitMs(A, 0 + 1000 + 500)).toBe(1500);
    expect(throttle.waitMs(B, 1500)).toBe(0);
  });

  it('holds every address back once 10 failures come from many, 1 s then doubling up to 30 s', () => {
    const throttle = new AttemptThrottle();
    for (let index = 0; index < 9; index += 1) throttle.failed(`10.0.0.${index}`, 0);
    expect(throttle.waitMs(B, 0)).toBe(0);
    throttle.failed('10.0.0.9', 0);
    expect(throttle.waitMs(B, 0)).toBe(1000);
    for (let index = 0; index < 10; index += 1) throttle.failed(`10.0.1.${index}`, 0);
    expect(throttle.waitMs(B, 0)).toBe(30_000);
  });

  it('forgives an address its failures when it gets it right, and forgets them after 15 quiet minutes', () => {
    const throttle = new AttemptThrottle();
    waitsAfterFailures(throttle, A, 3);
    throttle.succeeded(A);
    expect(waitsAfterFailures(throttle, A, 2)).toEqual([0, 0]);
    const forgetful = new AttemptThrottle();
    waitsAfterFailures(forgetful, A, 6);
    expect(forgetful.waitMs(A, 15 * 60_000 + 20_000)).toBe(0);
    forgetful.failed(A, 15 * 60_000 + 20_000);
    expect(forgetful.waitMs(A, 15 * 60_000 + 20_000)).toBe(0);
  });
});
