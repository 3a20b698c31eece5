/**
 * Where each student stands in the school's score distribution: score band, top N, bottom N. Equal class means can
 * hide a class holding all the best and weakest students; spreading bands and extremes evenly prevents it. Shared by
 * the search (as counts to keep even) and the re-check (as tables), so both read the distribution alike.
 */
import type { Roster, Student } from '../roster.ts';
import type { AssignOptions } from './options.ts';

export interface Standing {
  /** 0 for the highest band; null without a ranking score. */
  readonly band: number | null;
  readonly top: boolean;
  readonly bottom: boolean;
}

/** Names the total column may have in a roster; when none is present, the total is summed. */
const TOTAL_COLUMNS = ['总分', '总成绩', '合计', 'total'];

/** The subject students are ranked by, or null to rank by the sum of all subjects. */
export function rankingSubject(subjects: readonly string[], options: AssignOptions): number | null {
  if (options.rankBy !== null) return subjects.indexOf(options.rankBy);
  const total = subjects.findIndex((subject) => TOTAL_COLUMNS.includes(subject.toLowerCase()));
  return total === -1 ? null : total;
}

/**
 * The score a student is ranked by: the chosen subject, or the sum of all subjects with a missing score replaced by
 * the student's own mean (so one absence neither sinks nor lifts a student). Null when there is nothing to rank by.
 */
export function rankingScore(student: Student, subject: number | null): number | null {
  if (subject !== null) return student.scores[subject] ?? null;
  const present = student.scores.filter((score): score is number => score !== null);
  if (present.length === 0) return null;
  return (present.reduce((total, score) => total + score, 0) / present.length) * student.scores.length;
}

/**
 * Each student's standing, in the order given. Ranks run from the highest score; ties go to the smaller student
 * id, so the standing never depends on row order. Bands split the ranked students into near-equal consecutive parts.
 */
export function standings(roster: Roster, options: AssignOptions): Standing[] {
  const subject = rankingSubject(roster.subjects, options);
  const scores = roster.students.map((student) => rankingScore(student, subject));
  const ranked = roster.students
    .map((_, index) => index)
    .filter((index) => scores[index] !== null)
    .sort((a, b) => scores[b]! - scores[a]! || compareIds(roster.students[a]!.id, roster.students[b]!.id));
  const bands = Math.min(options.bands, ranked.length);
  const extremes = Math.min(options.extremes, ranked.length);
  const standing: Standing[] = roster.students.map(() => ({ band: null, top: false, bottom: false }));
  ranked.forEach((index, rank) => {
    standing[index] = {
      band: bands < 2 ? null : Math.floor((rank * bands) / ranked.length),
      top: rank < extremes,
      bottom: rank >= ranked.length - extremes,
    };
  });
  return standing;
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
