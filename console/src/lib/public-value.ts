/**
 * The external public value as the console takes it: its source named at the seal, its value typed twice once
 * announced. The text is read by the engine's own rules (`engine/ceremony/public-value.ts`), so the console shows
 * exactly what the controller will record and refuses what it would refuse; the controller checks again.
 */
import { normalizedPublicText, publicTextProblem, type PublicText } from '../../../engine/ceremony/public-value.ts';

export type Reading =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly zh: string; readonly en: string };

/** The text as it will be recorded, or why it cannot be. */
export function readPublicText(kind: PublicText, typed: string): Reading {
  const text = normalizedPublicText(typed);
  const problem = publicTextProblem(kind, text);
  return problem === null ? { ok: true, text } : { ok: false, ...problem };
}

/** The value typed twice: both entries must read as the same text, so a slip of the finger cannot enter a seed. */
export function readTypedTwice(typed: string, repeated: string): Reading {
  const first = readPublicText('value', typed);
  if (!first.ok) return first;
  if (normalizedPublicText(repeated) === first.text) return first;
  return {
    ok: false,
    zh: '两次输入的公布值不一致，请对照公告再输入一次。',
    en: 'The two entries differ: type it again from the announcement.',
  };
}

/**
 * The seal request's part for the public value, from the source field (null while it is switched off): nothing when
 * none is named, the source as it will be recorded, or null while the typed source cannot be sealed.
 */
export function sealNaming(source: string | null): { readonly publicValueSource?: string } | null {
  if (source === null) return {};
  const reading = readPublicText('source', source);
  return reading.ok ? { publicValueSource: reading.text } : null;
}
