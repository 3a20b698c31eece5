import { describe, expect, it } from 'vitest';
import { fingerprint, formatClock, formatDate, formatDateTime, formatMean, groupHex } from './format.ts';
import { publicBase, resultsIndexUrl, resultUrl, shortUrl, verifyUrl } from './links.ts';

describe('format', () => {
  it('writes dates the Chinese way, or in English', () => {
    expect(formatDate('2024-08-28', 'zh')).toBe('2024年8月28日');
    expect(formatDate('2024-08-28', 'en')).toBe('28 August 2024');
  });

  it('writes the clock with two digits each', () => {
    expect(formatClock(new Date(2024, 7, 28, 9, 5, 7))).toBe('09:05:07');
  });

  it('writes a recorded moment as date and time, in local time', () => {
    const sealedAt = new Date(2026, 10, 25, 15, 4, 5).toISOString();
    expect(formatDateTime(sealedAt, 'zh')).toBe('2026年11月25日 15:04:05');
    expect(formatDateTime(sealedAt, 'en')).toBe('25 November 2026 15:04:05');
  });

  it('groups hashes by four and fingerprints the first sixteen digits', () => {
    expect(groupHex('0123456789abcdef01')).toBe('0123 4567 89ab cdef 01');
    expect(fingerprint('ab'.repeat(32))).toBe('abab abab abab abab');
  });

  it('shows a missing mean as a dash, never as zero', () => {
    expect(formatMean(null)).toBe('—');
    expect(formatMean(80.125)).toBe('80.13');
  });
});

describe('links', () => {
  it('points at the school’s result page and writes it readably', () => {
    const url = resultUrl('http://10.0.0.5:8080', '东市街小学');
    expect(url).toBe('http://10.0.0.5:8080/r/%E4%B8%9C%E5%B8%82%E8%A1%97%E5%B0%8F%E5%AD%A6');
    expect(shortUrl(url)).toBe('10.0.0.5:8080/r/东市街小学');
  });

  it('starts at the configured public address, or at the display’s own', () => {
    const base = publicBase('https://jyj.example.gov.cn/yangguang/', 'http://10.0.0.5:8080');
    expect(base).toBe('https://jyj.example.gov.cn/yangguang');
    expect(resultsIndexUrl(base)).toBe('https://jyj.example.gov.cn/yangguang/r/');
    expect(verifyUrl(base)).toBe('https://jyj.example.gov.cn/yangguang/verify');
    expect(publicBase(null, 'http://10.0.0.5:8080')).toBe('http://10.0.0.5:8080');
  });
});
