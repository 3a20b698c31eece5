import { describe, expect, it } from 'vitest';
import { findChromium } from './chromium.ts';

const only =
  (...present: string[]) =>
  (path: string) =>
    present.includes(path);

describe('findChromium', () => {
  it('takes SUNSHINE_CHROMIUM when it exists, and nothing else when it does not', () => {
    expect(findChromium({ SUNSHINE_CHROMIUM: '/opt/chrome/chrome' }, 'linux', only('/opt/chrome/chrome'))).toEqual({
      found: true,
      path: '/opt/chrome/chrome',
    });
    const typo = findChromium({ SUNSHINE_CHROMIUM: '/opt/chrme' }, 'linux', only('/usr/bin/chromium'));
    if (typo.found) throw new Error('found a browser that is not there');
    expect(typo.zh).toContain('/opt/chrme');
    expect(typo.en).toContain('/opt/chrme');
  });

  it('looks for the kiosk launchers’ browsers, /usr/bin first, then on PATH', () => {
    expect(findChromium({}, 'linux', only('/usr/bin/chromium', '/usr/bin/google-chrome'))).toEqual({
      found: true,
      path: '/usr/bin/chromium',
    });
    expect(findChromium({ PATH: '/snap/bin:/usr/local/bin' }, 'linux', only('/snap/bin/chromium'))).toEqual({
      found: true,
      path: '/snap/bin/chromium',
    });
  });

  it('looks for Edge, then Chrome, on Windows', () => {
    const env = { ProgramFiles: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\op\\AppData\\Local' };
    const chrome = 'C:\\Users\\op\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findChromium(env, 'win32', only(chrome))).toEqual({ found: true, path: chrome });
    const edge = 'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findChromium(env, 'win32', only(chrome, edge))).toEqual({ found: true, path: edge });
  });

  it('says how to install one when there is none', () => {
    const missing = findChromium({}, 'linux', only());
    if (missing.found) throw new Error('found a browser that is not there');
    expect(missing.zh).toContain('apt-get install chromium');
    expect(missing.en).toContain('SUNSHINE_CHROMIUM');
  });
});
