/**
 * What publishing a school's result means, once for every place that shows it: when the result is public, the order
 * a class list is in, and the result fingerprint that ties the printed lists to the verification bundle. The printed
 * lists, the result pages, the platform export and the verifier all take them from here.
 */
import { canonicalJson, sha256Hex } from './canonical.ts';
import type { SchoolRecord } from './state.ts';

/** Where a school stands for the public: its lists are public once it is published, teacher teams drawn or not. */
export type PublicStatus = 'single-class' | 'not-drawn' | 'awaiting-publication' | 'published';

export function publicStatus(school: SchoolRecord): PublicStatus {
  switch (school.status) {
    case 'skipped':
      return 'single-class';
    case 'waiting':
    case 'imported':
      return 'not-drawn';
    case 'drawn':
      return 'awaiting-publication';
    case 'published':
    case 'teachers-drawn':
      return 'published';
  }
}

export function isPublished(school: SchoolRecord): boolean {
  return publicStatus(school) === 'published';
}

/** What a list orders a student by: the name as that list shows it (in full on paper, masked on the pages), the id. */
export interface Listed {
  readonly name: string;
  readonly id: string;
}

// Collation is for the reader's eye only: no hash or draw depends on it, so a browser's slightly different zh-CN
// data can at most list two names the other way round.
const collator = new Intl.Collator('zh-CN');

/**
 * The members of classes 1 … `classes`, each class in the order every list is read in: zh-CN collation (pinyin) of the
 * names, ties by student id. `students` and `classOf` are in canonical roster order, as the draw records them.
 */
export function classLists<Student extends Listed>(
  students: readonly Student[],
  classOf: readonly number[],
  classes: number,
): Student[][] {
  const lists = Array.from({ length: classes }, (): Student[] => []);
  students.forEach((student, index) => lists[classOf[index]! - 1]?.push(student));
  for (const list of lists) {
    list.sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return lists;
}

/**
 * The result fingerprint printed under each school's lists: SHA-256 of the canonical JSON of `classOf` (each
 * student's class, in canonical roster order), which the verification bundle carries as the school file's
 * `draw.classOf`: `sunshine verify` prints the fingerprint of the class lists it recomputes, to compare with the paper.
 */
export function resultFingerprint(classOf: readonly number[]): string {
  return sha256Hex(canonicalJson(classOf));
}
