/**
 * The audit chain's rules, pure so the controller that writes the log and every verifier (CLI or browser) compute the
 * very same bytes and find the very same break: entry hash = SHA-256 of canonical JSON `{seq, at, actor, kind, body,
 * prev}`, entries numbered 1, 2, … without a gap, each holding the hash of the one before.
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
  /** `access`: a summary of refused operator log-ins; only commands are replayed. */
  readonly kind: 'command' | 'refusal' | 'access';
  readonly body: unknown;
  readonly prev: string;
  readonly hash: string;
}

export interface Fault {
  readonly zh: string;
  readonly en: string;
}

/**
 * What an entry's content hashes to now (`entryHash`); or that personal data was removed from it (the bundle's
 * redacted entries), so only its links can be checked; or why the stored content cannot even be read as the value it
 * must be (the entry was altered).
 */
export type LinkContent =
  | { readonly status: 'readable'; readonly hash: string }
  | { readonly status: 'redacted' }
  | ({ readonly status: 'unreadable' } & Fault);

/** An entry as the chain walk checks it, wherever it comes from (the controller's database, a bundle's audit.json). */
export interface ChainLink {
  readonly seq: number;
  readonly prev: string;
  readonly hash: string;
  readonly content: LinkContent;
}

/** The first entry that is missing, out of place, altered or not linked to the one before, and why. */
export interface ChainBreak extends Fault {
  readonly seq: number;
}

/** Walks the chain from entry 1: null when every entry is in its place, intact and linked to the one before. */
export function chainBreak(links: Iterable<ChainLink>): ChainBreak | null {
  let previous = { seq: 0, hash: GENESIS_HASH };
  for (const link of links) {
    const fault = linkFault(link, previous);
    if (fault !== null) return { seq: link.seq, ...fault };
    previous = link;
  }
  return null;
}

function linkFault(link: ChainLink, previous: { seq: number; hash: string }): Fault | null {
  const expected = previous.seq + 1;
  if (link.seq > expected) {
    return link.seq === expected + 1
      ? { zh: `第 ${expected} 条记录缺失`, en: `entry ${expected} is missing` }
      : {
          zh: `第 ${expected} 至 ${link.seq - 1} 条记录缺失`,
          en: `entries ${expected} to ${link.seq - 1} are missing`,
        };
  }
  if (link.seq !== expected) {
    return {
      zh: `序号应为 ${expected}（有记录被插入、重复或调换）`,
      en: `should be number ${expected} (an entry was inserted, repeated or moved)`,
    };
  }
  if (link.prev !== previous.hash) {
    return { zh: '所记前一条记录的哈希与实际不符', en: 'its hash of the previous entry does not match that entry' };
  }
  const { content } = link;
  switch (content.status) {
    case 'redacted':
      return null;
    case 'unreadable':
      return { zh: content.zh, en: content.en };
    case 'readable':
      return content.hash === link.hash
        ? null
        : { zh: '内容与其哈希不符（已被改动）', en: 'its content does not match its hash (it was altered)' };
  }
}
