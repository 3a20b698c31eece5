import { describe, expect, it } from 'vitest';
import {
  applyChange,
  DEFAULT_PRESENTATION,
  PresentationChangeSchema,
  presentationAfter,
  sceneAfter,
  type Presentation,
} from './presentation.ts';

const NOW = 1_790_000_000_000;

describe('presentation', () => {
  it('follows each ceremony event to its natural scene, with the school it concerns, started at that moment', () => {
    const after = (event: Parameters<typeof sceneAfter>[1]) => sceneAfter(DEFAULT_PRESENTATION, event, NOW);
    expect(after({ type: 'ceremony:previewed' }).scene).toBe('preview');
    expect(after({ type: 'school:published', school: '东湖小学' })).toMatchObject({
      scene: 'result',
      school: '东湖小学',
    });
    const drawn = after({ type: 'school:drawn', school: '西山中学', contribution: '1', seedHex: 'ab', reveal: [] });
    expect(drawn).toMatchObject({ scene: 'draw', school: '西山中学', sceneStartedAt: NOW, skipped: false });
    expect(after({ type: 'ceremony:closed', secretHex: '07'.repeat(32) })).toMatchObject({
      scene: 'closing',
      school: null,
    });
  });

  it('starts the draw afresh when it happens, even if the operator had already put its scene up', () => {
    const waiting: Presentation = { ...DEFAULT_PRESENTATION, scene: 'draw', school: '西山中学', skipped: true };
    const events = [
      { type: 'school:drawn', school: '西山中学', contribution: '1', seedHex: 'ab', reveal: [] },
    ] as const;
    expect(presentationAfter(waiting, events, NOW)).toMatchObject({ sceneStartedAt: NOW, skipped: false });
  });

  it('lets the operator change settings without restarting the scene, and skip it until the scene changes', () => {
    const onDraw: Presentation = { ...DEFAULT_PRESENTATION, scene: 'draw', school: '西山中学', sceneStartedAt: 5 };
    const skipped = applyChange(onDraw, { skip: true }, NOW);
    expect(skipped).toMatchObject({ scene: 'draw', school: '西山中学', sceneStartedAt: 5, skipped: true });
    expect(applyChange(skipped, { theme: 'stage', language: 'en' }, NOW)).toMatchObject({
      theme: 'stage',
      sceneStartedAt: 5,
      skipped: true,
    });
    // Choosing the scene it already shows changes nothing; another scene or school starts anew.
    expect(applyChange(skipped, { scene: 'draw', school: '西山中学' }, NOW)).toEqual(skipped);
    expect(applyChange(skipped, { scene: 'draw', school: '东湖小学' }, NOW)).toMatchObject({
      sceneStartedAt: NOW,
      skipped: false,
    });
    expect(applyChange(onDraw, { scene: 'preview' }, NOW)).toMatchObject({
      scene: 'preview',
      school: null,
      sceneStartedAt: NOW,
    });
  });

  it('refuses changes it does not know, the scene clock or skip set by hand, and out-of-range lengths', () => {
    for (const change of [{ sceneStartedAt: 0 }, { skipped: false }, { drawSeconds: 2 }, { scene: 'fireworks' }]) {
      expect(PresentationChangeSchema.safeParse(change).success).toBe(false);
    }
    expect(PresentationChangeSchema.safeParse({ drawSeconds: 30, scene: 'draw', school: '西山中学' }).success).toBe(
      true,
    );
  });

  it.each([
    ['http://192.168.1.20:8080', true],
    ['https://jyj.example.gov.cn/yangguang/', true],
    [null, true],
    ['ftp://192.168.1.20', false],
    ['192.168.1.20:8080', false],
    ['javascript:alert(1)', false],
    [`https://example.org/${'x'.repeat(300)}`, false],
  ])('takes %s as the public address: %s', (publicUrl, valid) => {
    expect(PresentationChangeSchema.safeParse({ publicUrl }).success).toBe(valid);
  });
});
