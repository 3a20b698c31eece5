import type { NameSeparation } from '../names.ts';

/** Multiple-birth siblings: kept in one class (the default), or spread over different classes on request. */
export type SiblingPolicy = 'together' | 'apart';

export interface AssignOptions {
  /** Number of classes K ≥ 1. */
  readonly classes: number;
  /** Largest allowed class size (班额上限). */
  readonly cap: number;
  readonly siblings: SiblingPolicy;
  readonly names: NameSeparation;
}

export const DEFAULT_OPTIONS = { siblings: 'together', names: 'sound' } as const satisfies Partial<AssignOptions>;
