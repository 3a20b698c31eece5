/** What the roster reader is told about a file's columns, and how the sealed rules decide it for a ceremony. */

import type { SealedRules } from '../../../engine/ceremony/state.ts';

export interface RosterReadOptions {
  /** Worksheet of an .xlsx to read; when absent, the first visible sheet, or the one other sheet holding a roster. */
  readonly sheet?: string;
  /** Header names of the score columns; by default every other column holding only numbers. */
  readonly scores?: readonly string[];
  /** Header names of yes/no columns to read as groups spread evenly over the classes (随班就读, 留守儿童 …). */
  readonly flags?: readonly string[];
}

/**
 * How every roster of a ceremony is read under its sealed rules (null before the seal): the balance columns they
 * name must be in the file and hold yes or no. The controller's import and the console's pre-check both read with
 * these, so the pre-check finds every error the import would refuse.
 */
export function rosterReadOptions(rules: SealedRules | null): RosterReadOptions {
  return { flags: rules?.balance ?? [] };
}
