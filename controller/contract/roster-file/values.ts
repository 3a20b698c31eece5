/** Reading single cell values the way school staff type them. */

import type { Gender } from '../../../engine/roster.ts';
import { isCalendarDate } from '../../../engine/idcard.ts';

const SPACE_RUN = /\s+/g;
const HAN = /\p{Script=Han}/u;
/**
 * Characters that show nothing: zero-width spaces and joiners, word joiners, soft hyphens and the marks that set text
 * direction (U+200E/F, U+202A–E, U+2066–9), which copying from web pages and other systems brings along. Left in, they
 * make two equal-looking names differ, or (a right-to-left override) print a name backwards. The BOM (U+FEFF) is a
 * space to JavaScript, so tidied with the spaces.
 */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069]/g;
const INVISIBLE_OR_SPACE = /[\s\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069]/;

export function removeInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** The invisible characters of `text` shown by code point (`张三⟨U+200B⟩`), to say in a message what was removed. */
export function showInvisible(text: string): string {
  return text.replace(
    INVISIBLE,
    (character) => `⟨U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`,
  );
}

/**
 * Trims a cell, drops invisible characters and tidies its inner spaces (full-width U+3000 and no-break included): a
 * run of spaces next to a Chinese character is removed, since Chinese text never needs one ("张\u3000三" → "张三",
 * "信州区 第一小学" → "信州区第一小学"), and any other run becomes one half-width space ("Anna  Li" → "Anna Li").
 */
export function tidyCell(raw: string): string {
  if (!INVISIBLE_OR_SPACE.test(raw)) return raw;
  return removeInvisible(raw)
    .trim()
    .replace(SPACE_RUN, (run, offset: number, whole: string) => {
      if (offset === 0 || offset + run.length === whole.length) return '';
      const before = whole.charAt(offset - 1);
      const after = whole.charAt(offset + run.length);
      return HAN.test(before) || HAN.test(after) ? '' : ' ';
    });
}

const PRINTABLE_ASCII = /^[ -~]*$/;

/** Full-width digits and letters (１２３, Ｘ) as typed with a Chinese input method become ASCII. */
export function halfWidth(text: string): string {
  return PRINTABLE_ASCII.test(text) ? text : text.normalize('NFKC');
}

const GENDERS: ReadonlyMap<string, Gender> = new Map([
  ['男', 'M'],
  ['m', 'M'],
  ['male', 'M'],
  ['女', 'F'],
  ['f', 'F'],
  ['female', 'F'],
]);

export function parseGender(text: string): Gender | null {
  return GENDERS.get(text) ?? GENDERS.get(halfWidth(text).toLowerCase()) ?? null;
}

const SEPARATED_DATE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const CHINESE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/** Accepts 2012-05-19, 2012/5/19, 2012.5.19, 20120519 and 2012年5月19日 (a trailing time is ignored); null if none. */
export function parseBirthDate(text: string): string | null {
  const plain = halfWidth(text);
  const separated = SEPARATED_DATE.exec(plain);
  const parts = separated
    ? [separated[1], separated[3], separated[4]]
    : (CHINESE_DATE.exec(plain) ?? COMPACT_DATE.exec(plain))?.slice(1, 4);
  if (parts === undefined) return null;
  const [year, month, day] = parts.map(Number);
  if (year === undefined || month === undefined || day === undefined) return null;
  if (!isCalendarDate(year, month, day)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export type ScoreCell =
  | { readonly kind: 'blank' }
  /** Marked absent (缺考, -): a missing score, worth a warning because someone wrote it on purpose. */
  | { readonly kind: 'absent' }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'invalid' };

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;
const ABSENT_MARKS: ReadonlySet<string> = new Set(['缺考', '-']);

export function parseScore(text: string): ScoreCell {
  const plain = halfWidth(text);
  if (plain === '') return { kind: 'blank' };
  if (ABSENT_MARKS.has(plain)) return { kind: 'absent' };
  if (NUMBER.test(plain)) return { kind: 'number', value: Number(plain) };
  return { kind: 'invalid' };
}

const YES: ReadonlySet<string> = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓', '✔']);
const NO: ReadonlySet<string> = new Set(['', '否', '无', '不是', 'n', 'no', 'false', '0', '×', '✗', '✘']);

/** A yes/no cell of a balance column; a blank cell is no. Null when it is neither. */
export function parseFlag(text: string): boolean | null {
  const plain = halfWidth(text).toLowerCase();
  return YES.has(plain) ? true : NO.has(plain) ? false : null;
}

/** A sibling or apart group label; full-width forms are folded so "Ｄ001" and "D001" are the same group. */
export function groupLabel(text: string): string | null {
  const label = halfWidth(text);
  return label === '' ? null : label;
}

const GROUP_SEPARATORS = /[;；、|｜]/;

/** One cell may name several apart groups: "A1;B2", "A1、B2", "A1|B2". */
export function splitGroups(text: string): string[] {
  const labels = text.split(GROUP_SEPARATORS).map((part) => groupLabel(tidyCell(part)));
  return [...new Set(labels.filter((label) => label !== null))];
}

/** Control characters survive tidying only when they are no kind of space: never typed, a sign of garbage. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The first control character of an already tidied cell, or null. */
export function controlCharacterIn(text: string): string | null {
  return CONTROL.exec(text)?.[0] ?? null;
}
