/**
 * How dates, times, figures and hashes are written wherever people read them: the hall display, the operator console,
 * the public result pages and the printed documents. Browser-safe. Times are the local time of the machine showing
 * them (the hall's), written by hand rather than by `toLocaleTimeString`, which some browsers make `24:00:00`.
 */
import type { Language } from './presentation.ts';

/** 2024-08-28 → 2024年8月28日 (zh) or 28 August 2024 (en); anything else is shown as it is. */
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

/** 09:05:07, in local time; `moment` is a Date or a moment the controller recorded (ISO 8601). */
export function formatClock(moment: Date | string): string {
  const at = typeof moment === 'string' ? new Date(moment) : moment;
  return `${twoDigits(at.getHours())}:${twoDigits(at.getMinutes())}:${twoDigits(at.getSeconds())}`;
}

/** A moment the controller recorded (ISO 8601), in local time: 2026年11月25日 15:04:05. */
export function formatDateTime(iso: string, language: Language): string {
  const moment = new Date(iso);
  const day = `${moment.getFullYear()}-${twoDigits(moment.getMonth() + 1)}-${twoDigits(moment.getDate())}`;
  return `${formatDate(day, language)} ${formatClock(moment)}`;
}

/** Where a date and time is still to be written by hand (a certificate printed before the seal). */
export const UNFILLED_DATE_TIME = '______年____月____日 ____:____:____';

/**
 * A long hex string in groups: of four on the hall display, read aloud; of eight on the console and on paper, where
 * the notary compares the full hash group by group.
 */
export function groupHex(hex: string, groupSize: 4 | 8): string {
  return (hex.match(new RegExp(`.{1,${groupSize}}`, 'g')) ?? []).join(' ');
}

/** The first 16 hex digits in groups of four: enough to compare by eye with the printed certificate. */
export function fingerprint(hex: string): string {
  return groupHex(hex.slice(0, 16), 4);
}

/** A class mean to two decimals; a dash when the class has no scores in that subject. */
export function formatMean(mean: number | null): string {
  return mean === null ? '—' : mean.toFixed(2);
}
