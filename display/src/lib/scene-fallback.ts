/**
 * The scene a display shows when the controller has not (yet) said: derived from the ceremony itself. Used by a
 * display that joins mid-ceremony before any presentation arrives, and by a controller that sends none.
 */
import { sceneAfter, type Presentation } from '../../../controller/presentation.ts';
import type { SchoolView, Snapshot } from '../../../controller/protocol.ts';
import type { CeremonyEvent, SchoolStatus } from '../../../engine/ceremony/state.ts';

const SCENE_OF_STATUS: Partial<Record<SchoolStatus, Presentation['scene']>> = {
  imported: 'roster',
  drawn: 'draw',
  published: 'result',
  'teachers-drawn': 'teachers',
};

/** The natural scene for a snapshot seen without its history: the school most recently worked on, in plan order. */
export function presentationOfSnapshot(snapshot: Snapshot, base: Presentation): Presentation {
  const show = (scene: Presentation['scene'], school: string | null = null): Presentation => ({
    ...base,
    scene,
    school,
  });
  switch (snapshot.phase) {
    case 'planning':
      return show('standby');
    case 'sealed':
      return show('seal');
    case 'previewed':
      return show('preview');
    case 'closed':
      return show('closing');
    case 'unsealed': {
      const school = lastInProgress(snapshot.schools);
      const scene = school === undefined ? undefined : SCENE_OF_STATUS[school.status];
      return school === undefined || scene === undefined ? show('standby') : show(scene, school.name);
    }
  }
}

/** The scene after a batch of events, as the controller itself moves it. */
export function presentationAfter(presentation: Presentation, events: readonly CeremonyEvent[]): Presentation {
  return events.reduce(sceneAfter, presentation);
}

/** Schools go one by one: the last one in plan order that has started is the one in front of the hall. */
function lastInProgress(schools: readonly SchoolView[]): SchoolView | undefined {
  return schools.findLast((school) => school.status !== 'waiting' && school.status !== 'skipped');
}
