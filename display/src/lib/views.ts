/** Names for the parts of a school's view that scenes receive once they are known to be present. */
import type { SchoolView, StudentView } from '../../../controller/protocol.ts';

export type RosterView = NonNullable<SchoolView['roster']>;
export type DrawView = NonNullable<SchoolView['draw']>;

/**
 * Multiple-birth siblings fly as one linked card. StudentView does not carry the sibling group yet (reported to the
 * controller's owner); when it does, this reads it and the draw animation links them with no other change.
 */
export function siblingGroupOf(student: StudentView | undefined): string | null {
  if (student === undefined || !('siblingGroup' in student)) return null;
  const group = student.siblingGroup;
  return typeof group === 'string' && group !== '' ? group : null;
}
