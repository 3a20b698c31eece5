/**
 * The parent representatives' public input to a draw — the one definition that the console, the displays, the
 * controller, the CLI and the verifier all use. Two canonical forms, told apart by the text alone:
 * - digits stopped on the rolling counter: 1 to 64 decimal digits (`47110815`);
 * - dice thrown and typed in: 3 to 32 faces (1–6) joined by hyphens (`3-6-1-4-2-5`).
 * The canonical text enters the seed exactly as it is, so anyone can re-derive the seed from what the hall saw.
 */

/** Digits on the rolling counter: as many as a display can show huge. */
export const ROLLING_DIGITS = 8;
export const MAX_DIGITS = 64;
/** Enough throws that nobody can claim the result was picked; 32 joined by "-" fit the 64-character field. */
export const MIN_DICE = 3;
export const MAX_DICE = 32;
/** The example throw the console offers and the displays show as blank dice before the faces are entered. */
export const DICE_EXAMPLE: readonly number[] = [3, 5, 1, 6, 2, 4];

const DIGITS = new RegExp(`^[0-9]{1,${MAX_DIGITS}}$`);
const DICE = new RegExp(`^[1-6](-[1-6]){${MIN_DICE - 1},${MAX_DICE - 1}}$`);
/** What an operator may type between dice faces: spaces, commas (half or full width), 、 or hyphens, or nothing. */
const DICE_SEPARATORS = /[\s,，、-]+/g;

/** A contribution as the hall sees it: a row of digits, or a row of dice faces. */
export type ContributionFaces =
  | { readonly kind: 'digits'; readonly digits: readonly number[] }
  | { readonly kind: 'dice'; readonly faces: readonly number[] };

export interface Problem {
  readonly zh: string;
  readonly en: string;
}

/** The digits or dice of a canonical contribution; null when the text is not one. */
export function contributionFaces(text: string): ContributionFaces | null {
  if (DIGITS.test(text)) return { kind: 'digits', digits: [...text].map(Number) };
  if (DICE.test(text)) return { kind: 'dice', faces: text.split('-').map(Number) };
  return null;
}

/** Why the text is not a canonical contribution, in Chinese and English; null when it is one. */
export function contributionProblem(text: string): Problem | null {
  if (contributionFaces(text) !== null) return null;
  return {
    zh: `家长代表提供的随机数应为 1 至 ${MAX_DIGITS} 位数字（如 4711），或 ${MIN_DICE} 至 ${MAX_DICE} 个骰子点数（1–6）以“-”相连（如 3-6-1-4-2-5），收到“${text}”`,
    en: `the parent representative's input must be 1 to ${MAX_DIGITS} digits (e.g. 4711) or ${MIN_DICE} to ${MAX_DICE} dice faces (1–6) joined by "-" (e.g. 3-6-1-4-2-5), got "${text}"`,
  };
}

export type DiceReading = { readonly ok: true; readonly contribution: string } | ({ readonly ok: false } & Problem);

/** Dice as an operator types them, separated by spaces, commas, hyphens or nothing: the canonical contribution. */
export function readDice(typed: string): DiceReading {
  const faces = typed.replace(DICE_SEPARATORS, '');
  if (faces === '') return { ok: false, zh: '请输入骰子点数', en: 'enter the dice' };
  if (!/^[1-6]+$/.test(faces)) return { ok: false, zh: '骰子点数只能是 1 至 6', en: 'dice show 1 to 6 only' };
  if (faces.length < MIN_DICE) {
    return { ok: false, zh: `至少掷 ${MIN_DICE} 次骰子`, en: `throw the dice at least ${MIN_DICE} times` };
  }
  if (faces.length > MAX_DICE) return { ok: false, zh: `最多 ${MAX_DICE} 个点数`, en: `at most ${MAX_DICE} dice` };
  return { ok: true, contribution: [...faces].join('-') };
}
