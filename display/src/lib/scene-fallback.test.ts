import { describe, expect, it } from 'vitest';
import { DEFAULT_PRESENTATION, type Presentation } from '../../../controller/contract/presentation.ts';
import type { SchoolView, Snapshot } from '../../../controller/contract/protocol.ts';
import type { SchoolStatus } from '../../../engine/ceremony/state.ts';
import { presentationOfSnapshot, shownScene } from './scene-fallback.ts';
import { currentStep } from './steps.ts';

const school = (name: string, status: SchoolStatus) => ({ name, status }) as SchoolView;
const snapshot = (phase: Snapshot['phase'], schools: SchoolView[] = []): Snapshot => ({
  revision: 1,
  phase,
  seal: null,
  schools,
});

describe('presentationOfSnapshot (a display joining mid-ceremony)', () => {
  it.each([
    ['planning', 'standby'],
    ['sealed', 'seal'],
    ['previewed', 'preview'],
    ['closed', 'closing'],
  ] as const)('shows %s as %s', (phase, scene) => {
    expect(presentationOfSnapshot(snapshot(phase), DEFAULT_PRESENTATION)).toMatchObject({ scene, school: null });
  });

  it('shows the school most recently started, at the scene of its status', () => {
    const schools = [
      school('甲', 'teachers-drawn'),
      school('乙', 'drawn'),
      school('丙', 'waiting'),
      school('丁', 'skipped'),
    ];
    expect(presentationOfSnapshot(snapshot('unsealed', schools), DEFAULT_PRESENTATION)).toMatchObject({
      scene: 'draw',
      school: '乙',
    });
    expect(presentationOfSnapshot(snapshot('unsealed', [school('丙', 'waiting')]), DEFAULT_PRESENTATION)).toMatchObject(
      {
        scene: 'standby',
      },
    );
  });

  it('keeps theme, language and event info', () => {
    const base = { ...DEFAULT_PRESENTATION, theme: 'stage', language: 'en' } as const;
    expect(presentationOfSnapshot(snapshot('sealed'), base)).toMatchObject({ theme: 'stage', language: 'en' });
  });
});

describe('shownScene', () => {
  const imported = { name: '乙', status: 'imported', roster: { students: [] }, draw: null } as unknown as SchoolView;
  const drawn = { ...imported, status: 'drawn', draw: { reveal: [] } } as unknown as SchoolView;
  const showing = (scene: Presentation['scene'], schools: SchoolView[], school: string | null = '乙') =>
    shownScene(snapshot('unsealed', schools), { ...DEFAULT_PRESENTATION, scene, school }).scene;

  it('shows a school scene once its data is there, and standby until then', () => {
    expect(showing('roster', [imported])).toBe('roster');
    expect(showing('draw', [imported])).toBe('standby');
    expect(showing('draw', [drawn])).toBe('draw');
    expect(showing('result', [imported])).toBe('standby');
    expect(showing('contribution', [imported])).toBe('contribution');
    expect(showing('teachers', [], '无此校')).toBe('standby');
    expect(showing('preview', [], null)).toBe('preview');
  });
});

describe('currentStep', () => {
  it('follows the phase, and the scene once the schools are being drawn', () => {
    expect(currentStep(null, DEFAULT_PRESENTATION)).toBe('plan');
    expect(currentStep(snapshot('sealed'), DEFAULT_PRESENTATION)).toBe('seal');
    const unsealed = snapshot('unsealed');
    expect(currentStep(unsealed, { ...DEFAULT_PRESENTATION, scene: 'standby' })).toBe('unseal');
    expect(currentStep(unsealed, { ...DEFAULT_PRESENTATION, scene: 'contribution' })).toBe('draw');
    expect(currentStep(unsealed, { ...DEFAULT_PRESENTATION, scene: 'result' })).toBe('publish');
    expect(currentStep(snapshot('closed'), DEFAULT_PRESENTATION)).toBe('done');
  });
});
