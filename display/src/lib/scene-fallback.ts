/**
 * The scene a display shows when the controller has not (yet) said: derived from the ceremony itself. Used by a
 * display that joins mid-ceremony before any presentation arrives, and by a controller that sends none. And the scene
 * it falls back to while a school scene's data has not arrived.
 */
import type { Presentation } from '../../../controller/contract/presentation.ts';
import type { SchoolView, Snapshot } from '../../../controller/contract/protocol.ts';
import type { SchoolStatus } from '../../../engine/ceremony/state.ts';
import type { DrawView, RosterView } from './views.ts';

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

/** What a display shows: the presentation's scene with the data it needs. */
export type Shown =
  | { readonly scene: 'standby' | 'seal' | 'preview' | 'closing' }
  | { readonly scene: 'contribution' | 'teachers'; readonly school: SchoolView }
  | { readonly scene: 'roster'; readonly school: SchoolView; readonly roster: RosterView }
  | { readonly scene: 'draw'; readonly school: SchoolView; readonly roster: RosterView; readonly draw: DrawView }
  | { readonly scene: 'result'; readonly school: SchoolView; readonly draw: DrawView };

/** A school scene whose data has not arrived (or a school that does not exist) falls back to standby. */
export function shownScene(snapshot: Snapshot, presentation: Presentation): Shown {
  const { scene } = presentation;
  const school = snapshot.schools.find((found) => found.name === presentation.school);
  const roster = school?.roster ?? null;
  const draw = school?.draw ?? null;
  switch (scene) {
    case 'standby':
    case 'seal':
    case 'preview':
    case 'closing':
      return { scene };
    case 'contribution':
    case 'teachers':
      return school === undefined ? { scene: 'standby' } : { scene, school };
    case 'roster':
      return school === undefined || roster === null ? { scene: 'standby' } : { scene, school, roster };
    case 'draw':
      return school === undefined || roster === null || draw === null
        ? { scene: 'standby' }
        : { scene, school, roster, draw };
    case 'result':
      return school === undefined || draw === null ? { scene: 'standby' } : { scene, school, draw };
  }
}

/** Schools go one by one: the last one in plan order that has started is the one in front of the hall. */
function lastInProgress(schools: readonly SchoolView[]): SchoolView | undefined {
  return schools.findLast((school) => school.status !== 'waiting' && school.status !== 'skipped');
}
