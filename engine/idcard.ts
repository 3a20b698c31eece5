/**
 * Resident identity numbers (公民身份号码, GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence whose
 * last digit is odd for men, and an ISO 7064 MOD 11-2 check character.
 */

import type { Gender } from './roster.ts';

export type IdCardProblem = 'format' | 'checksum' | 'birthDate';

export type IdCardParse =
  | { readonly ok: true; readonly idCard: string; readonly birthDate: string; readonly gender: Gender }
  | { readonly ok: false; readonly reason: IdCardProblem };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
const ID_CARD_PATTERN = /^\d{17}[\dX]$/;

/** The check character for the first 17 digits of an ID number. */
export function idCardCheckCharacter(first17Digits: string): string {
  let sum = 0;
  WEIGHTS.forEach((weight, index) => {
    sum += weight * Number(first17Digits[index]);
  });
  return CHECK_CHARACTERS.charAt(sum % 11);
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Validates an 18-character ID number; a lower-case check `x` is accepted and returned upper-case. */
export function parseIdCard(raw: string): IdCardParse {
  const idCard = raw.toUpperCase();
  if (!ID_CARD_PATTERN.test(idCard)) return { ok: false, reason: 'format' };
  if (idCardCheckCharacter(idCard.slice(0, 17)) !== idCard.charAt(17)) return { ok: false, reason: 'checksum' };

  const year = Number(idCard.slice(6, 10));
  const month = Number(idCard.slice(10, 12));
  const day = Number(idCard.slice(12, 14));
  if (!isCalendarDate(year, month, day)) return { ok: false, reason: 'birthDate' };

  const birthDate = `${idCard.slice(6, 10)}-${idCard.slice(10, 12)}-${idCard.slice(12, 14)}`;
  const gender: Gender = Number(idCard.charAt(16)) % 2 === 1 ? 'M' : 'F';
  return { ok: true, idCard, birthDate, gender };
}
