/**
 * The controller's lookup map: every lookup key (publication/lookup.ts) kept only as its HMAC-SHA-256 under a random
 * key made when the pages start, never in clear. A copy of the map (a heap dump, a log, a cache someone adds later)
 * then gives no name with ID number to read, nor any to test guesses against without that key. The lookup is
 * answered by hashing the query's key the same way.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { LookupMatch } from '../publication/lookup.ts';

/** The secret of one controller run; lookups are answered by the run that hashed them, so it need not be kept. */
export type LookupHashKey = Buffer;

export function newLookupHashKey(): LookupHashKey {
  return randomBytes(32);
}

export class HashedLookup {
  private readonly entries: ReadonlyMap<string, readonly LookupMatch[]>;

  /** `index`: a school's lookup index in clear (lookupIndex), kept here only hashed. */
  constructor(
    index: ReadonlyMap<string, readonly LookupMatch[]>,
    private readonly hashKey: LookupHashKey,
  ) {
    this.entries = new Map([...index].map(([lookupKey, matches]) => [this.hash(lookupKey), matches]));
  }

  /** The students under a lookup key: none when it is not one of the school's. */
  find(lookupKey: string): readonly LookupMatch[] {
    return this.entries.get(this.hash(lookupKey)) ?? [];
  }

  private hash(lookupKey: string): string {
    return createHmac('sha256', this.hashKey).update(lookupKey).digest('base64url');
  }
}
