/** How figures, dates and hashes are written on the hall display. */
import type { Language } from '../../../controller/presentation.ts';

/** 2024-08-28 → 2024年8月28日 (zh) or 28 August 2024 (en). */
export function formatDate(iso: string, language: Language): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return iso;
  if (language === 'zh') return `${year}年${month}月${day}日`;
  const monthName = new Date(Date.UTC(year, month - 1, day)).toLocaleString('en-GB', {
    month: 'long',
    timeZone: 'UTC',
  });
  return `${day} ${monthName} ${year}`;
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** 09:05:07, local time of the hall. */
export function formatClock(now: Date): string {
  return `${twoDigits(now.getHours())}:${twoDigits(now.getMinutes())}:${twoDigits(now.getSeconds())}`;
}

/** A moment the controller recorded (ISO 8601), in the hall's local time: 2026年11月25日 15:04:05. */
export function formatDateTime(iso: string, language: Language): string {
  const moment = new Date(iso);
  const day = `${moment.getFullYear()}-${twoDigits(moment.getMonth() + 1)}-${twoDigits(moment.getDate())}`;
  return `${formatDate(day, language)} ${formatClock(moment)}`;
}

/** A long hex string in groups of four, the way it is read aloud and printed on the certificate. */
export function groupHex(hex: string): string {
  return (hex.match(/.{1,4}/g) ?? []).join(' ');
}

/** The first 16 hex digits, grouped: enough to compare by eye with the printed certificate. */
export function fingerprint(hex: string): string {
  return groupHex(hex.slice(0, 16));
}

/** A class mean to two decimals; a dash when the class has no scores in that subject. */
export function formatMean(mean: number | null): string {
  return mean === null ? '—' : mean.toFixed(2);
}
