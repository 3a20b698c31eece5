/**
 * The official order of the ceremony (CEREMONY.md), and which step the hall is at: shown in the header band of every
 * scene, so the audience always knows where in the procedure they are.
 */
import type { Presentation, Scene } from '../../../controller/contract/presentation.ts';
import type { Snapshot } from '../../../controller/contract/protocol.ts';

export const STEPS = ['plan', 'seal', 'preview', 'unseal', 'draw', 'publish', 'teachers'] as const;
export type Step = (typeof STEPS)[number];

/** The step a school scene belongs to. */
const STEP_OF_SCENE: Partial<Record<Scene, Step>> = {
  roster: 'unseal',
  contribution: 'draw',
  draw: 'draw',
  result: 'publish',
  teachers: 'teachers',
};

/** The current step, or 'done' once the ceremony is closed. */
export function currentStep(snapshot: Snapshot | null, presentation: Presentation): Step | 'done' {
  switch (snapshot?.phase ?? 'planning') {
    case 'planning':
      return 'plan';
    case 'sealed':
      return 'seal';
    case 'previewed':
      return 'preview';
    case 'unsealed':
      return STEP_OF_SCENE[presentation.scene] ?? 'unseal';
    case 'closed':
      return 'done';
  }
}
