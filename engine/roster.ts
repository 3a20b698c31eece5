/**
 * The roster model every part of Sunshine Class Draw shares: one school's new students, as read from a file and
 * validated, before any assignment. Plain readonly data, so it serialises to JSON unchanged.
 */

export type Gender = 'M' | 'F';

export interface Student {
  /** The school's student id (学籍号 / 学号 / 编号), unique within the roster. */
  readonly id: string;
  /** As written in the file; empty in the published roster, where `nameClasses` stands in for it. */
  readonly name: string;
  /**
   * Only in the roster the verification bundle publishes (`engineRoster`): what the name rules need to know of the
   * name and nothing more. Absent everywhere else.
   */
  readonly nameClasses?: NameClasses;
  readonly gender: Gender;
  /** ISO date `YYYY-MM-DD`, from the 出生日期 column or else from the ID card; null when neither is given. */
  readonly birthDate: string | null;
  /** 18-character resident ID number (身份证号), upper-case check digit; null when not given. */
  readonly idCard: string | null;
  /** Students with the same sibling group (多胞胎组 / 同胞组) are multiple-birth siblings. */
  readonly siblingGroup: string | null;
  /** Students sharing any apart group (分开组) must be placed in different classes. */
  readonly apartGroups: readonly string[];
  /** Primary school the student graduated from (毕业学校); junior rosters only. */
  readonly sourceSchool: string | null;
  /** One entry per `Roster.subjects`; null is a missing score (never treated as 0). */
  readonly scores: readonly (number | null)[];
  /** One entry per `Roster.flags`: whether the student belongs to that group (随班就读, 留守儿童 …). */
  readonly flags: readonly boolean[];
}

/**
 * A published student's name classes: the students of one roster whose names have the same key share a class number
 * (1, 2 … by first appearance in the roster). `exact` is the class of the name as read; the second, present only
 * when the sealed `names` rule compares sounds, the class of the name as heard under that rule. The rule decides the
 * shape, so the bundle carries no sound class the draw did not use.
 */
export type NameClasses =
  | { readonly exact: number }
  | { readonly exact: number; readonly sound: number }
  | { readonly exact: number; readonly dialect: number };

export interface Roster {
  /** Names of the score columns, in file order (语文, 数学, 英语, 总分 …). Empty for primary schools. */
  readonly subjects: readonly string[];
  /** Names of the yes/no columns read as groups to spread evenly over the classes, in file order. */
  readonly flags: readonly string[];
  readonly students: readonly Student[];
}
