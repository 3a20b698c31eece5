/**
 * What the hall displays show, and how: the scene, the school it is about, theme, language and animation length.
 * Part of the live protocol (browser-safe), but not of the ceremony's state: changing the scene decides nothing, so
 * it is not a ceremony command. The controller moves to the natural scene after each ceremony event (a draw shows
 * the draw) and the operator can choose another at any time.
 */
import { z } from 'zod';
import type { CeremonyEvent } from '../engine/ceremony/state.ts';

export const SCENES = [
  'standby',
  'seal',
  'preview',
  'roster',
  'contribution',
  'draw',
  'result',
  'teachers',
  'closing',
] as const;
export type Scene = (typeof SCENES)[number];

/** Scenes about one school: they need `school`. */
export const SCHOOL_SCENES: readonly Scene[] = ['roster', 'contribution', 'draw', 'result', 'teachers'];

export const THEMES = ['hall', 'stage'] as const;
export type Theme = (typeof THEMES)[number];

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** How the parent representatives' public input is taken: digits they stop on screen, or dice typed in. */
export const CONTRIBUTION_MODES = ['digits', 'dice'] as const;
export type ContributionMode = (typeof CONTRIBUTION_MODES)[number];

const text = (max: number) => z.string().max(max);

/** The event as the frame of every scene shows it. */
export const EventInfoSchema = z.strictObject({
  /** e.g. 信州区2024年义务教育起始年级“阳光分班”现场会 */
  title: text(120),
  district: text(60),
  /** ISO date of the ceremony, shown as 2024年8月28日. */
  date: z.iso.date(),
  /** Supervision phone and e-mail, shown in the footer. */
  supervision: text(120),
  notary: text(60),
});
export type EventInfo = z.infer<typeof EventInfoSchema>;

export const PresentationSchema = z.strictObject({
  scene: z.enum(SCENES),
  /** The school of a school scene; null for the others. */
  school: text(100).nullable(),
  theme: z.enum(THEMES),
  language: z.enum(LANGUAGES),
  contributionMode: z.enum(CONTRIBUTION_MODES),
  /** Length of a school's draw animation. */
  drawSeconds: z.number().int().min(5).max(120),
  /** Grows by one each time the operator skips: displays jump to the end of the running animation. */
  skips: z.number().int().min(0),
  event: EventInfoSchema,
});
export type Presentation = z.infer<typeof PresentationSchema>;

/** What the operator may change in one request; `skips` only grows, through `skip: true`. */
export const PresentationChangeSchema = PresentationSchema.omit({ skips: true })
  .partial()
  .extend({ skip: z.literal(true).optional() })
  .strict();
export type PresentationChange = z.infer<typeof PresentationChangeSchema>;

export const DEFAULT_PRESENTATION: Presentation = {
  scene: 'standby',
  school: null,
  theme: 'hall',
  language: 'zh',
  contributionMode: 'digits',
  drawSeconds: 20,
  skips: 0,
  event: { title: '义务教育起始年级“阳光分班”现场会', district: '', date: '2026-08-28', supervision: '', notary: '' },
};

export function applyChange(presentation: Presentation, change: PresentationChange): Presentation {
  const { skip, ...rest } = change;
  const next = { ...presentation, ...rest, skips: presentation.skips + (skip ? 1 : 0) };
  return SCHOOL_SCENES.includes(next.scene) ? next : { ...next, school: null };
}

/** The scene that naturally follows a ceremony event. */
export function sceneAfter(presentation: Presentation, event: CeremonyEvent): Presentation {
  const show = (scene: Scene, school: string | null = null): Presentation => ({ ...presentation, scene, school });
  switch (event.type) {
    case 'plan:set':
    case 'ceremony:unsealed':
      return show('standby');
    case 'ceremony:sealed':
      return show('seal');
    case 'ceremony:previewed':
      return show('preview');
    case 'school:imported':
      return show('roster', event.school);
    case 'school:drawn':
      return show('draw', event.school);
    case 'school:published':
      return show('result', event.school);
    case 'school:teachers-drawn':
      return show('teachers', event.school);
    case 'ceremony:closed':
      return show('closing');
  }
}
