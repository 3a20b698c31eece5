/**
 * An externally announced public value — a lottery draw, a randomness-beacon round — as one more input to every
 * school's seed. Its source is named at the seal, when nobody can know the value; the operator types the value in
 * once it is announced, before the first draw. Nobody in the hall chooses it, and anyone can check it against the
 * official announcement. Source and value are kept as typed, trimmed and in Unicode NFC, so the same characters make
 * the same seed whichever keyboard or input method typed them.
 */

/** Long enough for "2026年11月26日 中国福利彩票“3D”第2026318期开奖号码" or a beacon round's 128 hex digits. */
export const MAX_PUBLIC_TEXT = 200;

/** A control character (newline, tab …): the text must read the same on a screen, a certificate and a command line. */
const CONTROL = /\p{Cc}/u;

export type PublicText = 'source' | 'value';

export function normalizedPublicText(typed: string): string {
  return typed.trim().normalize('NFC');
}

/** Why the normalised text cannot be the public value's source (or the value itself), in Chinese and English. */
export function publicTextProblem(kind: PublicText, text: string): { readonly zh: string; readonly en: string } | null {
  const length = [...text].length;
  if (length >= 1 && length <= MAX_PUBLIC_TEXT && !CONTROL.test(text)) return null;
  const [zh, en] =
    kind === 'source'
      ? ['外部公开随机值的来源', 'the source of the public value']
      : ['外部公开随机值', 'the public value'];
  return {
    zh: `${zh}应为一行 1 至 ${MAX_PUBLIC_TEXT} 个字符的文字（不含换行等控制字符），收到 ${length} 个字符：“${text}”`,
    en: `${en} must be one line of 1 to ${MAX_PUBLIC_TEXT} characters (no line breaks or other control characters), got ${length}: "${text}"`,
  };
}
