import { describe, expect, it } from 'vitest';
import { publicBase, resultPagePath, resultsIndexUrl, resultUrl, shortUrl, verifyUrl } from './public-links.ts';

describe('public links', () => {
  it('encodes the school name as one path segment', () => {
    expect(resultPagePath('东湖小学')).toBe('/r/%E4%B8%9C%E6%B9%96%E5%B0%8F%E5%AD%A6');
    expect(resultPagePath('A/B 学校?')).toBe('/r/A%2FB%20%E5%AD%A6%E6%A0%A1%3F');
  });

  it('points at the school’s result page and writes it readably', () => {
    const url = resultUrl('http://10.0.0.5:8080', '东市街小学');
    expect(url).toBe('http://10.0.0.5:8080/r/%E4%B8%9C%E5%B8%82%E8%A1%97%E5%B0%8F%E5%AD%A6');
    expect(shortUrl(url)).toBe('10.0.0.5:8080/r/东市街小学');
  });

  it('starts at the configured public address, or at the page’s own', () => {
    const base = publicBase('https://jyj.example.gov.cn/yangguang/', 'http://10.0.0.5:8080');
    expect(base).toBe('https://jyj.example.gov.cn/yangguang');
    expect(resultsIndexUrl(base)).toBe('https://jyj.example.gov.cn/yangguang/r/');
    expect(verifyUrl(base)).toBe('https://jyj.example.gov.cn/yangguang/verify');
    expect(publicBase(null, 'http://10.0.0.5:8080')).toBe('http://10.0.0.5:8080');
  });
});
