import type { Student } from '../../engine/roster.ts';

/** A student with nothing but what a test names: no birth date, ID number, groups, school, scores or flags. */
export function student(fields: Pick<Student, 'id' | 'name'> & Partial<Student>): Student {
  return {
    gender: 'F',
    birthDate: null,
    idCard: null,
    siblingGroup: null,
    apartGroups: [],
    sourceSchool: null,
    scores: [],
    flags: [],
    ...fields,
  };
}
