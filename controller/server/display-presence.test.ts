import { describe, expect, it } from 'vitest';
import { browserFamily, DisplayPresenceList } from './display-presence.ts';

describe('browserFamily', () => {
  it.each([
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.7339.80 Safari/537.36',
      'Chrome 140',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91',
      'Edge 120',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox 128'],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
      'Safari 17',
    ],
    [undefined, '浏览器 browser'],
  ])('names %s as %s', (userAgent, family) => {
    expect(browserFamily(userAgent)).toBe(family);
  });
});

describe('DisplayPresenceList', () => {
  it('says when a report changes what the consoles see, and ignores displays it does not know', () => {
    const list = new DisplayPresenceList();
    const showing = { scene: 'draw', school: '西山中学', width: 3840, height: 2160 } as const;
    expect(list.report('ghost', undefined, showing)).toBe(false);
    list.connect('a', 'Firefox/128.0', new Date('2026-08-28T01:00:00Z'), 'waiting');
    expect(list.report('a', 'Firefox/128.0', showing)).toBe(true);
    expect(list.report('a', 'Firefox/128.0', showing)).toBe(false);
    expect(list.list()).toEqual([
      {
        id: 'a',
        admission: 'waiting',
        label: '3840×2160 · Firefox 128',
        connectedAt: '2026-08-28T01:00:00.000Z',
        showing: { scene: 'draw', school: '西山中学' },
      },
    ]);
    list.admission('a', 'admitted');
    list.admission('ghost', 'admitted');
    expect(list.list().map((display) => display.admission)).toEqual(['admitted']);
    expect(list.disconnect('a')).toBe(true);
    expect(list.disconnect('a')).toBe(false);
  });
});
