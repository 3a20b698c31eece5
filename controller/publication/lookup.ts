/**
 * The parent lookup: a student's name with what a parent holds — the full ID number (身份证号) or the full 学籍号 —
 * finds the full name and class. One definition of what matches, shared by the controller (which keeps the keys only
 * as keyed hashes: server/hashed-lookup.ts) and the static export (the same keys, sealed: sealed-lookup.ts). No public
 * page shows any part of these numbers, so a key is never half given away (docs/decisions/011-parent-lookup-keys.md).
 * Browser-safe: the static site's lookup.js bundles it.
 */
import { exactNameKey } from '../../engine/names.ts';
import { parseIdCard } from '../../engine/idcard.ts';
import type { Roster } from '../../engine/roster.ts';

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export interface LookupMatch {
  /** The full name as on the roster. */
  readonly name: string;
  readonly classNumber: number;
}

/** What a lookup comes to: the students found, none (the same whichever half was wrong), or unusable input. */
export type LookupOutcome =
  | { readonly kind: 'found'; readonly matches: readonly LookupMatch[] }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'problem'; readonly problem: Bilingual };

/** Longest name or code accepted: longer input is a mistake (or an attack), never a student. */
export const MAX_QUERY_LENGTH = 40;

/** Changes whenever what a key is made of changes, so keys of one definition never meet another's. */
const KEY_LABEL = 'sunshine-class-draw/lookup/v2';

/** An ID number the way the roster holds it: 17 digits and a check character. */
const ID_CARD_SHAPE = /^\d{17}[\dX]$/;

/** A 全国学籍号 is a letter (G, or L, J …) before the ID number: `G36110220120101002X`. */
const LETTER_AND_ID_CARD = /^[A-Z]\d{17}[\dX]$/;

/** Compatibility forms folded (full-width letters and digits from a phone keyboard), spaces removed. */
const nameKey = exactNameKey;

/**
 * An ID number or 学籍号 as compared: compatibility forms folded, spaces removed, upper-cased (the ID's final `x` is
 * the check character X), and a 学籍号 of the form letter + ID number read as that ID number — one secret, so one key,
 * whichever of the two a parent types.
 */
function codeKey(code: string): string {
  const folded = code.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  return LETTER_AND_ID_CARD.test(folded) ? folded.slice(1) : folded;
}

/** One unambiguous string per (school, name, code): JSON, so no separator can be forged inside a field. */
export function lookupKey(school: string, name: string, code: string): string {
  return JSON.stringify([KEY_LABEL, school, nameKey(name), codeKey(code)]);
}

/** The keys a student is found by: the name with the ID number, and with the 学籍号 (one key when they agree). */
function studentLookupKeys(school: string, student: { name: string; id: string; idCard: string | null }) {
  const codes = student.idCard === null ? [student.id] : [student.idCard, student.id];
  return [...new Set(codes.map((code) => lookupKey(school, student.name, code)))];
}

/** What is wrong with a query before looking anything up; null when it can be looked up. */
export function queryProblem(name: string, code: string): Bilingual | null {
  if (nameKey(name) === '') return { zh: '请填写学生姓名。', en: "Please enter the student's name." };
  const key = codeKey(code);
  if (key === '') {
    return {
      zh: '请填写完整的身份证号（18 位）或学籍号。',
      en: 'Please enter the full ID number (18 characters) or the student number (学籍号).',
    };
  }
  if ([...name].length > MAX_QUERY_LENGTH || [...code].length > MAX_QUERY_LENGTH) {
    return {
      zh: `姓名或号码过长（最多 ${MAX_QUERY_LENGTH} 个字符）。`,
      en: `The name or number is too long (at most ${MAX_QUERY_LENGTH} characters).`,
    };
  }
  // About the typed number alone, never about the roster: a mistyped ID number would otherwise read as "not found".
  if (ID_CARD_SHAPE.test(key) && !parseIdCard(key).ok) {
    return {
      zh: '身份证号有误（校验不符），请逐位核对；最后一位可能是 X。',
      en: 'This ID number is not valid (its check character does not match): please check each character; the last may be X.',
    };
  }
  return null;
}

/** Every lookup key of a published school, in clear, with the students it finds (two students can share one). */
export function lookupIndex(school: string, roster: Roster, classOf: readonly number[]): Map<string, LookupMatch[]> {
  const index = new Map<string, LookupMatch[]>();
  roster.students.forEach((student, position) => {
    const match = { name: student.name, classNumber: classOf[position]! };
    for (const key of studentLookupKeys(school, student)) {
      const matches = index.get(key);
      if (matches === undefined) index.set(key, [match]);
      else matches.push(match);
    }
  });
  return index;
}

/** A query answered by `find`, which gives the students under a lookup key (none when there is no such key). */
export function lookUp(
  find: (lookupKey: string) => readonly LookupMatch[],
  school: string,
  name: string,
  code: string,
): LookupOutcome {
  const problem = queryProblem(name, code);
  if (problem !== null) return { kind: 'problem', problem };
  return outcomeOf(find(lookupKey(school, name, code)));
}

export function outcomeOf(matches: readonly LookupMatch[]): LookupOutcome {
  return matches.length === 0 ? { kind: 'not-found' } : { kind: 'found', matches };
}
