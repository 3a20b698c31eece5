/** The ceremony's whole state, its commands and events: plain JSON data, so it replays, stores and travels as is. */
import type { AssignOptions, BalanceReport, Relaxation } from '../assign/index.ts';
import type { Roster } from '../roster.ts';
import type { DeclaredFigures, Plan } from './plan.ts';

/** The ceremony as a whole, in the official order. Per-school progress is in `SchoolRecord.status`. */
export type Phase = 'planning' | 'sealed' | 'previewed' | 'unsealed' | 'closed';
export const PHASES: readonly Phase[] = ['planning', 'sealed', 'previewed', 'unsealed', 'closed'];

/** A school with one class needs no draw: it is listed and skipped. The others go through the rest in order. */
export type SchoolStatus = 'skipped' | 'waiting' | 'imported' | 'drawn' | 'published' | 'teachers-drawn';
export const SCHOOL_STATUSES: readonly SchoolStatus[] = [
  'skipped',
  'waiting',
  'imported',
  'drawn',
  'published',
  'teachers-drawn',
];

export interface Mismatch {
  readonly figure: keyof DeclaredFigures;
  readonly declared: number;
  readonly actual: number;
}

export interface ImportRecord {
  readonly fileName: string;
  /** In canonical order (sorted by id): every index in the draw refers to this order. */
  readonly roster: Roster;
  readonly rosterHash: string;
  readonly mismatches: readonly Mismatch[];
  /** The operator's reason for accepting the mismatches; null when there were none. */
  readonly acceptedReason: string | null;
}

export interface Reveal {
  /** Index into the canonical roster. */
  readonly student: number;
  readonly classNumber: number;
}

export interface DrawRecord {
  readonly contribution: string;
  readonly seedHex: string;
  /** Class number 1..K of each student, in canonical roster order. */
  readonly classOf: readonly number[];
  /** The order the display reveals students in: drawn from the seed, so the display chooses nothing. */
  readonly reveal: readonly Reveal[];
  readonly relaxations: readonly Relaxation[];
  readonly report: BalanceReport;
}

/** The teacher teams: drawn by the system from a parent's input, or recorded from the physical envelope lottery. */
export type TeacherDraw =
  | { readonly kind: 'lottery'; readonly contribution: string }
  | { readonly kind: 'envelopes'; readonly teamOfClass: readonly number[] };

export interface TeacherRecord {
  readonly draw: TeacherDraw;
  /** Team number for class 1, 2, … K. */
  readonly teamOfClass: readonly number[];
}

export interface SchoolRecord {
  readonly name: string;
  readonly status: SchoolStatus;
  readonly imported: ImportRecord | null;
  readonly draw: DrawRecord | null;
  readonly teachers: TeacherRecord | null;
}

/**
 * An externally announced public value (`public-value.ts`): its source is named at the seal, its value entered once
 * announced. Both trimmed and in NFC.
 */
export interface PublicValue {
  readonly source: string;
  /** Null until entered; then fixed. */
  readonly value: string | null;
}

/** The assignment rules frozen at the seal (siblings, names, bands …); classes and cap come from each school's plan. */
export type SealedRules = Omit<AssignOptions, 'classes' | 'cap'>;

export interface SealRecord {
  /** The draw secret. Never leaves the controller before the close, which reveals it (`ceremony:closed`). */
  readonly secretHex: string;
  readonly commitment: string;
  readonly planHash: string;
  readonly rules: SealedRules;
  /** SHA-256 over the shipped software files at the time of sealing. */
  readonly buildHash: string;
  /** The operator passphrase's salted hash, opaque here: the controller checks passphrases against it. */
  readonly operatorKey: string;
  /** Null when the seal named no external public value; otherwise every seed waits for it. */
  readonly publicValue: PublicValue | null;
}

export interface CeremonyState {
  /** Accepted commands so far; only grows. */
  readonly revision: number;
  readonly phase: Phase;
  readonly plan: Plan | null;
  readonly seal: SealRecord | null;
  readonly schools: readonly SchoolRecord[];
}

export const INITIAL_STATE: CeremonyState = { revision: 0, phase: 'planning', plan: null, seal: null, schools: [] };

export type CeremonyCommand =
  | { readonly type: 'plan:set'; readonly plan: Plan }
  | {
      readonly type: 'ceremony:seal';
      readonly secretHex: string;
      readonly rules: SealedRules;
      readonly buildHash: string;
      readonly operatorKey: string;
      /**
       * The external public value's source, as typed; absent when none is named. Optional rather than null so that a
       * seal without one is logged exactly as before this field existed, and such logs and bundles still replay.
       */
      readonly publicValueSource?: string;
    }
  /** Allowed from the seal until the first draw (a draw needs the value, so after it the value is already in). */
  | { readonly type: 'ceremony:enter-public-value'; readonly value: string }
  | { readonly type: 'ceremony:preview' }
  | { readonly type: 'ceremony:unseal' }
  | {
      readonly type: 'school:import';
      readonly school: string;
      readonly fileName: string;
      readonly roster: Roster;
      /** Required, non-empty, when the roster disagrees with the declared figures; otherwise null. */
      readonly acceptMismatchReason: string | null;
    }
  | { readonly type: 'school:draw'; readonly school: string; readonly contribution: string }
  | { readonly type: 'school:publish'; readonly school: string }
  | { readonly type: 'school:teachers'; readonly school: string; readonly draw: TeacherDraw }
  | { readonly type: 'ceremony:close' };

/** What happened, for displays and the log: public by construction (no secret, no ID numbers). */
export type CeremonyEvent =
  | { readonly type: 'plan:set'; readonly schools: number; readonly planHash: string }
  | {
      readonly type: 'ceremony:sealed';
      readonly commitment: string;
      readonly planHash: string;
      readonly buildHash: string;
      readonly publicValueSource: string | null;
    }
  | { readonly type: 'ceremony:public-value-entered'; readonly source: string; readonly value: string }
  | { readonly type: 'ceremony:previewed' }
  | { readonly type: 'ceremony:unsealed' }
  | {
      readonly type: 'school:imported';
      readonly school: string;
      readonly students: number;
      readonly rosterHash: string;
      readonly mismatches: readonly Mismatch[];
      readonly acceptedReason: string | null;
    }
  | {
      readonly type: 'school:drawn';
      readonly school: string;
      readonly contribution: string;
      readonly seedHex: string;
      readonly reveal: readonly Reveal[];
    }
  | { readonly type: 'school:published'; readonly school: string }
  | { readonly type: 'school:teachers-drawn'; readonly school: string; readonly teamOfClass: readonly number[] }
  /** Carries the seal's secret, revealed at the close so anyone can check it against the commitment. */
  | { readonly type: 'ceremony:closed'; readonly secretHex: string };

export type RefusalCode =
  | 'wrong-phase'
  | 'plan-invalid'
  | 'no-plan'
  | 'bad-seal'
  | 'bad-public-value'
  | 'public-value-not-named'
  | 'public-value-already-entered'
  | 'public-value-missing'
  | 'unknown-school'
  | 'school-skipped'
  | 'not-imported'
  | 'already-imported'
  | 'import-mismatch'
  | 'over-capacity'
  | 'bad-contribution'
  | 'draw-failed'
  | 'not-drawn'
  | 'already-drawn'
  | 'not-published'
  | 'already-published'
  | 'already-teachers'
  | 'bad-teams'
  | 'schools-unfinished';

/** Where a problem is, as precisely as known: file, spreadsheet row, column header. */
export interface RefusalDetail {
  readonly file: string | null;
  readonly row: number | null;
  readonly column: string | null;
  readonly zh: string;
  readonly en: string;
}

export interface Refusal<Code extends string = RefusalCode> {
  readonly code: Code;
  readonly zh: string;
  readonly en: string;
  readonly details: readonly RefusalDetail[];
}

export type TransitionResult =
  | { readonly ok: true; readonly state: CeremonyState; readonly events: readonly CeremonyEvent[] }
  | { readonly ok: false; readonly refusal: Refusal };
