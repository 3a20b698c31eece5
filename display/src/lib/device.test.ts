import { describe, expect, it } from 'vitest';
import { deviceToken } from './device.ts';

/** A storage with nothing in it, or `kept`. */
function storage(kept: string | null = null) {
  const items = new Map<string, string>(kept === null ? [] : [['sunshine-display-device', kept]]);
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => items.set(key, value),
  };
}

const counting = (bytes: Uint8Array) => bytes.map((_, index) => index * 11);

describe('deviceToken', () => {
  it('makes a token the handshake takes, keeps it, and gives the kept one back after a reload', () => {
    const kept = storage();
    const token = deviceToken(kept, counting);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(kept.getItem('sunshine-display-device')).toBe(token);
    expect(deviceToken(kept, () => new Uint8Array(24))).toBe(token);
  });

  it('makes a new one for a kept value that is not a token, and one for this page where nothing can be kept', () => {
    expect(deviceToken(storage('bad'), counting)).toBe(deviceToken(null, counting));
    expect(deviceToken(null, counting)).not.toBe(deviceToken(null, (bytes) => bytes.fill(255)));
  });
});
