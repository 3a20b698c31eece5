import { describe, expect, it } from 'vitest';
import { bundleZipUrl, refusalOf, servedFromSite } from './fetch-bundle.ts';

describe('the bundle of the site the page came from', () => {
  it.each([
    ['http://192.168.1.20:8080/verify/', 'http://192.168.1.20:8080/verify/bundle.zip'],
    ['http://192.168.1.20:8080/verify', 'http://192.168.1.20:8080/verify/bundle.zip'],
    ['https://jyj.example.gov.cn/fenban/verify/index.html', 'https://jyj.example.gov.cn/fenban/verify/bundle.zip'],
    ['https://jyj.example.gov.cn/fenban/verify?from=qr#top', 'https://jyj.example.gov.cn/fenban/verify/bundle.zip'],
  ])('is in the folder of the page at %s', (page, zip) => {
    expect(bundleZipUrl(page)).toBe(zip);
  });

  it('is fetched only by a page a web site served, not one opened from disk', () => {
    expect(servedFromSite('http://192.168.1.20:8080/verify/')).toBe(true);
    expect(servedFromSite('https://jyj.example.gov.cn/verify/')).toBe(true);
    expect(servedFromSite('file:///media/cdrom/bundle/verifier.html')).toBe(false);
  });

  it('is refused in the site’s own words when it gives some, else by what the status means', () => {
    const words = { zh: '仪式尚未结束', en: 'the ceremony is not closed' };
    expect(refusalOf(409, JSON.stringify(words))).toMatchObject(words);
    expect(refusalOf(404, '<h1>404 Not Found</h1>').zh).toContain('本站没有验证包');
    expect(refusalOf(502, 'null')).toMatchObject({
      zh: '取不到验证包（HTTP 502）',
      en: 'could not get the bundle (HTTP 502)',
    });
  });
});
