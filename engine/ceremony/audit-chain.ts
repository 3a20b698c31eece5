/**
 * The audit chain's hashing rule, pure so the controller that writes the log and every verifier (CLI or browser)
 * compute the very same bytes: entry hash = SHA-256 of canonical JSON `{seq, at, actor, kind, body, prev}`.
 */
import { canonicalJson, sha256Hex } from './canonical.ts';

/** The previous hash of entry 1. */
export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly kind: string;
  readonly body: unknown;
  readonly prev_hash: string;
}

/** What the hash covers: every column of the stored entry but the hash itself, the body as the JSON value it holds. */
export function entryHash(row: HashedFields): string {
  const { seq, at, actor, kind, body, prev_hash: prev } = row;
  return sha256Hex(canonicalJson({ seq, at, actor, kind, body, prev }));
}

/** One entry as the verification bundle publishes it: the hashed fields, its previous hash and its own. */
export interface ChainEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly kind: 'command' | 'refusal';
  readonly body: unknown;
  readonly prev: string;
  readonly hash: string;
}
