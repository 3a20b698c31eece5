import { describe, expect, it } from 'vitest';
import { fingerprint, formatClock, formatDate, formatDateTime, formatMean, groupHex } from './format.ts';

describe('format', () => {
  it('writes dates the Chinese way, or in English', () => {
    expect(formatDate('2024-08-28', 'zh')).toBe('2024年8月28日');
    expect(formatDate('2024-08-28', 'en')).toBe('28 August 2024');
  });

  it('writes the clock with two digits each, midnight as 00', () => {
    expect(formatClock(new Date(2024, 7, 28, 9, 5, 7))).toBe('09:05:07');
    expect(formatClock(new Date(2024, 7, 28, 0, 0, 3).toISOString())).toBe('00:00:03');
  });

  it('writes a recorded moment as date and time, in local time', () => {
    const sealedAt = new Date(2026, 10, 25, 15, 4, 5).toISOString();
    expect(formatDateTime(sealedAt, 'zh')).toBe('2026年11月25日 15:04:05');
    expect(formatDateTime(sealedAt, 'en')).toBe('25 November 2026 15:04:05');
  });

  it('groups hashes by four or eight and fingerprints the first sixteen digits', () => {
    expect(groupHex('0123456789abcdef01', 4)).toBe('0123 4567 89ab cdef 01');
    expect(groupHex('0123456789abcdef01', 8)).toBe('01234567 89abcdef 01');
    expect(fingerprint('ab'.repeat(32))).toBe('abab abab abab abab');
  });

  it('shows a missing mean as a dash, never as zero', () => {
    expect(formatMean(null)).toBe('—');
    expect(formatMean(80.125)).toBe('80.13');
  });
});
