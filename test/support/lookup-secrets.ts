/**
 * Whether a public text gives away any part of the parent lookup's keys: a student's ID number (身份证号) or student
 * number (学籍号). Masked tails count (`36************003X` gives `003X`), short school numbers count.
 *
 * A run of 4 or more of a number's characters is a leak when it stands on its own in the text (nothing alphanumeric,
 * nor a decimal point, right beside it); the whole number is a leak anywhere. "On its own" keeps the check exact where
 * pages legitimately carry digits: inside a hex digest, a base64 ciphertext or a decimal a run of 4 digits turns up by
 * chance, never beside a `*`, a quote or a tag. Runs within the ID number's 8 birth-date digits are not counted:
 * years and dates appear in their own right (a class's mean birth date, the cohort's year), and such a run alone
 * says nothing about one student.
 */

import type { CeremonyState } from '../../engine/ceremony/state.ts';

/** Digits and Latin letters in their full-width forms (０-９, Ａ-Ｚ), as a phone's Chinese keyboard may type a number. */
export function fullWidth(text: string): string {
  return text.replace(/[0-9A-Za-z]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
}

export interface LookupSecrets {
  readonly studentNumber: string;
  readonly idCard: string | null;
}

/** The numbers of every student a ceremony has imported. */
export function ceremonySecrets(state: CeremonyState): LookupSecrets[] {
  return state.schools.flatMap((school) =>
    (school.imported?.roster.students ?? []).map((student) => ({ studentNumber: student.id, idCard: student.idCard })),
  );
}

const SHORTEST_RUN = 4;
const BIRTH_DATE = { start: 6, end: 14 } as const;

/** Every leak of `students`' numbers in `text`, as `number: the characters found`; empty when there is none. */
export function lookupSecretLeaks(text: string, students: readonly LookupSecrets[]): string[] {
  const haystack = text.toUpperCase();
  // A run stands on its own exactly when it is a whole token: a longest stretch of letters, digits and points.
  const tokens = new Set(haystack.split(/[^0-9A-Z.]+/));
  const leaks = new Set<string>();
  for (const student of students) {
    const birthDate = birthDateOf(student);
    for (const number of [student.studentNumber, student.idCard ?? '']) {
      const code = number.toUpperCase();
      if (code === '') continue;
      if (haystack.includes(code)) leaks.add(`${number}: ${code}`);
      for (const run of runsOf(code)) {
        if (tokens.has(run) && !(birthDate !== '' && birthDate.includes(run))) leaks.add(`${number}: ${run}`);
      }
    }
  }
  return [...leaks];
}

/** The birth-date digits of the ID number, or of the one a 学籍号 holds (G + ID number) when the roster has none. */
function birthDateOf(student: LookupSecrets): string {
  const idCard = student.idCard ?? /^[A-Z](\d{17}[\dX])$/i.exec(student.studentNumber)?.[1] ?? '';
  return idCard.slice(BIRTH_DATE.start, BIRTH_DATE.end);
}

function runsOf(code: string): string[] {
  const runs: string[] = [];
  for (let length = SHORTEST_RUN; length <= code.length; length++) {
    for (let start = 0; start + length <= code.length; start++) runs.push(code.slice(start, start + length));
  }
  return runs;
}
