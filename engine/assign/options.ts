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
  /**
   * Score bands whose counts must be even across classes (each class gets ⌊n/K⌋ or ⌈n/K⌉ of a band); 0 for none.
   * Off by default: exact band counts leave few exchanges to balance means with (`npm run bench` shows the cost);
   * 10 is the usual number when a bureau asks for them.
   */
  readonly bands: number;
  /** Subject students are ranked by for bands and extremes; null for the total (a 总分 column, or the sum). */
  readonly rankBy: string | null;
  /** How many top and how many bottom students are spread evenly (no class above ⌈N/K⌉ of either); 0 for none. */
  readonly extremes: number;
  /** Yes/no groups of the roster (`Roster.flags`) whose counts per class must be even: 随班就读, 留守儿童 … */
  readonly balance: readonly string[];
}

export const DEFAULT_OPTIONS = {
  siblings: 'together',
  names: 'sound',
  bands: 0,
  rankBy: null,
  extremes: 10,
  balance: [],
} as const satisfies Partial<AssignOptions>;
