/** The running figures under each class column while the draw fills them: 人数, 男/女, and the names in arrival order. */
import type { StudentView } from '../../../controller/contract/protocol.ts';
import type { Flight } from './draw-timeline.ts';

export interface ClassTally {
  readonly classNumber: number;
  readonly count: number;
  readonly boys: number;
  readonly girls: number;
  /** Names in the order they arrived; a linked sibling card adds its names together. */
  readonly names: readonly string[];
}

export function emptyTallies(classes: number): ClassTally[] {
  return Array.from({ length: classes }, (_, index) => ({
    classNumber: index + 1,
    count: 0,
    boys: 0,
    girls: 0,
    names: [],
  }));
}

/** The tallies after `flights` land. Unchanged classes keep their object, so only changed columns re-render. */
export function landFlights(
  tallies: readonly ClassTally[],
  flights: readonly Flight[],
  students: readonly StudentView[],
): ClassTally[] {
  const next = [...tallies];
  for (const flight of flights) {
    const index = flight.classNumber - 1;
    const tally = next[index];
    if (tally === undefined) continue;
    const arriving = flight.students.map((student) => students[student]).filter((student) => student !== undefined);
    next[index] = {
      ...tally,
      count: tally.count + arriving.length,
      boys: tally.boys + arriving.filter((student) => student.gender === 'M').length,
      girls: tally.girls + arriving.filter((student) => student.gender === 'F').length,
      names: [...tally.names, ...arriving.map((student) => student.name)],
    };
  }
  return next;
}
