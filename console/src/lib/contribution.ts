/**
 * The parent representative's public input: rolling digits they stop, or dice they throw. It only has to be unknown
 * in advance to the operator; the seal's secret supplies the unpredictability, so a handful of digits is enough.
 */

/** Digits on the rolling counter: as many as the display can show huge. */
export const ROLLING_DIGITS = 8;
/** Enough throws that nobody can claim the result was picked; at most what a contribution may hold (64 digits). */
export const MIN_DICE = 3;
export const MAX_DICE = 64;

export function randomDigits(count: number): string {
  let digits = '';
  while (digits.length < count) {
    for (const value of crypto.getRandomValues(new Uint8Array(count))) {
      // Bytes from 250 up would favour the digits 0–5: they are skipped.
      if (value < 250 && digits.length < count) digits += String(value % 10);
    }
  }
  return digits;
}

export type DiceReading =
  { readonly ok: true; readonly digits: string } | { readonly ok: false; readonly zh: string; readonly en: string };

/** Dice as typed: the faces 1–6, separated by spaces, commas or nothing. */
export function readDice(text: string): DiceReading {
  const faces = text.replace(/[\s,，、]+/g, '');
  if (faces === '') return { ok: false, zh: '请输入骰子点数', en: 'enter the dice' };
  if (!/^[1-6]+$/.test(faces)) return { ok: false, zh: '骰子点数只能是 1 至 6', en: 'dice show 1 to 6 only' };
  if (faces.length < MIN_DICE) {
    return { ok: false, zh: `至少掷 ${MIN_DICE} 次骰子`, en: `throw the dice at least ${MIN_DICE} times` };
  }
  if (faces.length > MAX_DICE) return { ok: false, zh: `最多 ${MAX_DICE} 个点数`, en: `at most ${MAX_DICE} dice` };
  return { ok: true, digits: faces };
}
