/**
 * What the hall displays show, and how: the scene, the school it is about, theme, language and animation length.
 * Part of the live protocol (browser-safe), but not of the ceremony's state: changing the scene decides nothing, so
 * it is not a ceremony command. The controller moves to the natural scene after each ceremony event (a draw shows
 * the draw) and the operator can choose another at any time.
 */
import { z } from 'zod';
import type { CeremonyEvent } from '../../engine/ceremony/state.ts';

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

/** An address phones can open: http(s) only, as typed by the operator or given to `sunshine serve --public-url`. */
export const PublicUrlSchema = z
  .url({
    protocol: /^https?$/,
    error: '应为 http:// 或 https:// 开头的网址 / must be an http:// or https:// address',
  })
  .max(300);

export const PresentationSchema = z.strictObject({
  scene: z.enum(SCENES),
  /** The school of a school scene; null for the others. */
  school: text(100).nullable(),
  theme: z.enum(THEMES),
  language: z.enum(LANGUAGES),
  contributionMode: z.enum(CONTRIBUTION_MODES),
  /** Length of a school's draw animation. */
  drawSeconds: z.number().int().min(5).max(120),
  /**
   * When the scene began, on the controller's clock (ms since 1970). A display that joins late — opened, reloaded,
   * or reconnected after a restart — seeks the scene's animation to the same moment as the others.
   */
  sceneStartedAt: z.number().int().min(0),
  /** The operator skipped the scene's animation: displays show its end state. A new scene starts unskipped. */
  skipped: z.boolean(),
  /**
   * The frame of the rolling digits a parent stopped in this scene, sent by the console at the press, before the
   * draw it starts: every display freezes on that frame's digits at once, which are the contribution the seed takes.
   */
  stoppedFrame: z.number().int().min(0).nullable().default(null),
  /**
   * Where phones reach the result pages (`<publicUrl>/r/<学校>`, `/r/`, `/verify`): the hall's LAN address or a
   * public site. Null: the address the display itself was opened at.
   */
  publicUrl: PublicUrlSchema.nullable(),
  event: EventInfoSchema,
});
export type Presentation = z.infer<typeof PresentationSchema>;

/** What the operator may change in one request; the scene's clock and skip are the controller's, set through `skip`. */
export const PresentationChangeSchema = PresentationSchema.omit({ sceneStartedAt: true, skipped: true })
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
  // The epoch: whatever scene a display derives on its own before the controller speaks, its animation is long over.
  sceneStartedAt: 0,
  skipped: false,
  stoppedFrame: null,
  publicUrl: null,
  event: { title: '义务教育起始年级“阳光分班”现场会', district: '', date: '2026-08-28', supervision: '', notary: '' },
};

/** `now`: the controller's clock (ms since 1970), which starts a scene that changes. */
export function applyChange(presentation: Presentation, change: PresentationChange, now: number): Presentation {
  const { skip, ...rest } = change;
  const next = { ...presentation, ...rest };
  if (!SCHOOL_SCENES.includes(next.scene)) next.school = null;
  if (next.scene !== presentation.scene || next.school !== presentation.school) return startScene(next, now);
  return skip ? { ...next, skipped: true } : next;
}

/** The scene that naturally follows a ceremony event: always started afresh, as the event is new to show. */
export function sceneAfter(presentation: Presentation, event: CeremonyEvent, now: number): Presentation {
  const show = (scene: Scene, school: string | null = null) => startScene({ ...presentation, scene, school }, now);
  switch (event.type) {
    case 'plan:set':
    case 'ceremony:unsealed':
      return show('standby');
    // The seal, and the public value it named once announced: both belong to the seal certificate the hall sees.
    case 'ceremony:sealed':
    case 'ceremony:public-value-entered':
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

/** The scene after a batch of events, as the controller moves it. */
export function presentationAfter(
  presentation: Presentation,
  events: readonly CeremonyEvent[],
  now: number,
): Presentation {
  return events.reduce((shown, event) => sceneAfter(shown, event, now), presentation);
}

function startScene(presentation: Presentation, now: number): Presentation {
  return { ...presentation, sceneStartedAt: Math.max(0, Math.round(now)), skipped: false, stoppedFrame: null };
}
