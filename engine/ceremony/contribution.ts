/**
 * The parent representatives' public input to a draw, in the two forms the hall uses: digits stopped on the rolling
 * counter (`4711`), or dice thrown and typed in by the operator, faces joined by hyphens (`3-6-1-4-2-5`). The text
 * is checked here and then enters the seed exactly as typed, so anyone can re-derive the seed from what was shown.
 */

/** 1 to 64 decimal digits. */
const DIGITS = /^[0-9]{1,64}$/;
/** 1 to 32 dice, each face 1–6, joined by "-": at most 63 characters, so it fits the same 64-character field. */
const DICE = /^[1-6](-[1-6]){0,31}$/;

/** Why the text is not a contribution, in Chinese and English; null when it is one. */
export function contributionProblem(text: string): { readonly zh: string; readonly en: string } | null {
  if (DIGITS.test(text) || DICE.test(text)) return null;
  return {
    zh: `家长代表提供的随机数应为 1 至 64 位数字（如 4711），或 1 至 32 个骰子点数（1–6）以“-”相连（如 3-6-1-4-2-5），收到“${text}”`,
    en: `the parent representative's input must be 1 to 64 digits (e.g. 4711) or 1 to 32 dice faces (1–6) joined by "-" (e.g. 3-6-1-4-2-5), got "${text}"`,
  };
}
