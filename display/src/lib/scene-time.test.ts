import { describe, expect, it } from 'vitest';
import { allPagesSeen, beatsAt, pageAfter } from './scene-time.ts';

describe('beats since a scene started', () => {
  it('counts whole intervals and says when the next one falls', () => {
    expect(beatsAt(0, 4000)).toEqual({ count: 0, nextInMs: 4000 });
    expect(beatsAt(9_500, 4000)).toEqual({ count: 2, nextInMs: 2500 });
    expect(beatsAt(12_000, 4000)).toEqual({ count: 3, nextInMs: 4000 });
  });

  it('waits at zero for a start still to come (lists shown before the draw would have ended)', () => {
    expect(beatsAt(-1500, 5000)).toEqual({ count: 0, nextInMs: 6500 });
  });

  it('refuses an interval that would never move on', () => {
    expect(() => beatsAt(100, 0)).toThrow(RangeError);
  });

  it('gives a display opened late the page the others show, not the first', () => {
    // Four pages of four seconds: 9.5 s in, every display shows the third page, whenever it was opened.
    const { count } = beatsAt(9_500, 4000);
    expect(pageAfter(count, 4)).toBe(2);
    expect(allPagesSeen(count, 4)).toBe(false);
    expect(pageAfter(beatsAt(17_000, 4000).count, 4)).toBe(0);
    expect(allPagesSeen(beatsAt(12_000, 4000).count, 4)).toBe(true);
  });

  it('keeps a single page still and seen', () => {
    expect(pageAfter(7, 1)).toBe(0);
    expect(allPagesSeen(0, 1)).toBe(true);
  });
});
