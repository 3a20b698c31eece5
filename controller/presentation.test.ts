import { describe, expect, it } from 'vitest';
import {
  applyChange,
  DEFAULT_PRESENTATION,
  PresentationChangeSchema,
  sceneAfter,
  type Presentation,
} from './presentation.ts';

describe('presentation', () => {
  it('follows each ceremony event to its natural scene, with the school it concerns', () => {
    const after = (event: Parameters<typeof sceneAfter>[1]) => sceneAfter(DEFAULT_PRESENTATION, event);
    expect(after({ type: 'ceremony:previewed' }).scene).toBe('preview');
    expect(after({ type: 'school:published', school: '东湖小学' })).toMatchObject({
      scene: 'result',
      school: '东湖小学',
    });
    const drawn = after({ type: 'school:drawn', school: '西山中学', contribution: '1', seedHex: 'ab', reveal: [] });
    expect(drawn).toMatchObject({ scene: 'draw', school: '西山中学', theme: 'hall', language: 'zh' });
    expect(after({ type: 'ceremony:closed', secretHex: '07'.repeat(32) })).toMatchObject({
      scene: 'closing',
      school: null,
    });
  });

  it('lets the operator change settings, counts skips up only, and drops the school of a scene without one', () => {
    const onDraw: Presentation = { ...DEFAULT_PRESENTATION, scene: 'draw', school: '西山中学', skips: 2 };
    expect(applyChange(onDraw, { skip: true })).toMatchObject({ scene: 'draw', school: '西山中学', skips: 3 });
    expect(applyChange(onDraw, { theme: 'stage', language: 'en' })).toMatchObject({ theme: 'stage', skips: 2 });
    expect(applyChange(onDraw, { scene: 'preview' })).toMatchObject({ scene: 'preview', school: null });
  });

  it('refuses changes it does not know, a skip count set by hand, and out-of-range animation lengths', () => {
    expect(PresentationChangeSchema.safeParse({ skips: 0 }).success).toBe(false);
    expect(PresentationChangeSchema.safeParse({ drawSeconds: 2 }).success).toBe(false);
    expect(PresentationChangeSchema.safeParse({ scene: 'fireworks' }).success).toBe(false);
    expect(PresentationChangeSchema.safeParse({ drawSeconds: 30, scene: 'draw', school: '西山中学' }).success).toBe(
      true,
    );
  });
});
