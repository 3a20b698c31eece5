/**
 * The parent lookup: a student's name with the last 4 characters of the ID number, or with the 学籍号, finds the
 * full name and class. One definition of what matches, shared by the controller (a Map) and the static export (the
 * same keys, sealed: sealed-lookup.ts). Browser-safe: the static site's lookup.js bundles it.
 */
import { exactNameKey } from '../../engine/names.ts';
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

type LookupKind = 'id4' | 'student-number';

/** Compatibility forms folded (full-width letters and digits from a phone keyboard), spaces removed. */
const normaliseName = exactNameKey;

/** ID numbers and 学籍号 the same way, upper-cased: the ID's final `x` is the check character X. */
function normaliseCode(code: string): string {
  return code.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** One unambiguous string per (kind, school, name, code): JSON, so no separator can be forged inside a field. */
function lookupKey(kind: LookupKind, school: string, name: string, code: string): string {
  return JSON.stringify([kind, school, name, code]);
}

/** The keys a student can be found by: name with 学籍号, and name with the ID's last 4 when there is an ID number. */
export function studentLookupKeys(school: string, student: { name: string; id: string; idCard: string | null }) {
  const name = normaliseName(student.name);
  const keys = [lookupKey('student-number', school, name, normaliseCode(student.id))];
  if (student.idCard !== null) keys.push(lookupKey('id4', school, name, normaliseCode(student.idCard).slice(-4)));
  return keys;
}

/** The keys a query may mean: a 学籍号 always, and the ID's last 4 when four characters were given. */
export function queryLookupKeys(school: string, name: string, code: string): string[] {
  const normalisedName = normaliseName(name);
  const normalisedCode = normaliseCode(code);
  const keys = [lookupKey('student-number', school, normalisedName, normalisedCode)];
  if ([...normalisedCode].length === 4) keys.push(lookupKey('id4', school, normalisedName, normalisedCode));
  return keys;
}

/** What is wrong with a query before looking anything up; null when it can be looked up. */
export function queryProblem(name: string, code: string): Bilingual | null {
  if (normaliseName(name) === '') return { zh: '请填写学生姓名。', en: "Please enter the student's name." };
  if (normaliseCode(code) === '') {
    return {
      zh: '请填写身份证号后4位或学籍号。',
      en: 'Please enter the last 4 characters of the ID number, or the student number (学籍号).',
    };
  }
  if ([...name].length > MAX_QUERY_LENGTH || [...code].length > MAX_QUERY_LENGTH) {
    return {
      zh: `姓名或号码过长（最多 ${MAX_QUERY_LENGTH} 个字符）。`,
      en: `The name or number is too long (at most ${MAX_QUERY_LENGTH} characters).`,
    };
  }
  return null;
}

/** Every lookup key of a published school, with the students it finds (two students can share one). */
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

/** The controller's lookup: what a query finds in a school's index. */
export function lookUp(
  index: ReadonlyMap<string, readonly LookupMatch[]>,
  school: string,
  name: string,
  code: string,
): LookupOutcome {
  const problem = queryProblem(name, code);
  if (problem !== null) return { kind: 'problem', problem };
  return outcomeOf(queryLookupKeys(school, name, code).map((key) => index.get(key) ?? []));
}

/** The matches of all of a query's keys, each student once (a 4-character 学籍号 can equal the ID's last 4). */
export function outcomeOf(found: readonly (readonly LookupMatch[])[]): LookupOutcome {
  const unique = new Map(found.flat().map((match) => [JSON.stringify(match), match]));
  return unique.size === 0 ? { kind: 'not-found' } : { kind: 'found', matches: [...unique.values()] };
}
