import { migration001 } from './001-initial.ts';
import { migration002 } from './002-access-entries.ts';

export interface Migration {
  /** Becomes `PRAGMA user_version` once applied; one more than the previous migration's. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every schema step in order. A released migration is never edited: a change is a new numbered file. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002];
