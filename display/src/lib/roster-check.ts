/**
 * The count check of the roster reveal: the figures of the imported roster, counted as the pages go by, against the
 * figures sealed in the plan. Differences come from the controller (`roster.mismatches`); the display only shows them.
 */
import type { SchoolView, StudentView } from '../../../controller/contract/protocol.ts';
import type { DeclaredFigures } from '../../../engine/ceremony/plan.ts';
import type { RosterView } from './views.ts';

export interface FigureRow {
  readonly figure: keyof DeclaredFigures;
  readonly declared: number;
  /** What the pages shown so far add up to; null for a figure the display cannot count (multiples). */
  readonly counted: number | null;
  /** The roster's figure as the controller established it at import. */
  readonly actual: number;
  readonly matches: boolean;
}

export const FIGURES: readonly (keyof DeclaredFigures)[] = ['students', 'boys', 'girls', 'multiples'];

export function figureRows(school: SchoolView, roster: RosterView, shown: number): FigureRow[] {
  const seen = roster.students.slice(0, shown);
  const counted: Record<keyof DeclaredFigures, number | null> = {
    students: seen.length,
    boys: countGender(seen, 'M'),
    girls: countGender(seen, 'F'),
    // StudentView carries no sibling group: the multiples figure is the controller's, shown once all names have been.
    multiples: null,
  };
  return FIGURES.map((figure) => {
    const declared = school.declared[figure];
    const actual = roster.mismatches.find((mismatch) => mismatch.figure === figure)?.actual ?? declared;
    return { figure, declared, counted: counted[figure], actual, matches: actual === declared };
  });
}

function countGender(students: readonly StudentView[], gender: StudentView['gender']): number {
  return students.filter((student) => student.gender === gender).length;
}
