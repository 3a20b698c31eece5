/** What every message about bad input must be: Chinese first, then English, both saying something; no stack trace. */
import { expect } from 'vitest';

const HAN = /\p{Script=Han}/u;
const ENGLISH_WORDS = /[A-Za-z]{2,}\b.*\s[A-Za-z]{2,}\b.*\s[A-Za-z]{2,}\b/;
const STACK_TRACE = /\n\s*at\s|\bat\s+\S+\s+\(|node_modules|\.[cm]?[jt]s:\d+|\bError:/;
/** Long enough for any real explanation, short enough that no runaway cell is being repeated. */
const MAX_LENGTH = 800;

/** `line` is the message as shown (location, Chinese, English); `zh` and `en` its two halves. */
export function expectClearMessage(line: string, zh: string, en: string): void {
  expect(zh).toMatch(HAN);
  expect(en).toMatch(ENGLISH_WORDS);
  expect(line.indexOf(zh)).toBeGreaterThanOrEqual(0);
  expect(line.indexOf(zh)).toBeLessThan(line.lastIndexOf(en));
  expect(line).not.toMatch(STACK_TRACE);
  expect(line.length).toBeLessThan(MAX_LENGTH);
}
