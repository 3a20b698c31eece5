import { describe, expect, it } from 'vitest';
import { chainBreak, entryHash, GENESIS_HASH, type ChainEntry, type ChainLink } from './audit-chain.ts';

const AT = '2026-08-20T09:00:00.000Z';

/** A correctly hashed and linked chain of `length` entries. */
function chain(length: number): ChainEntry[] {
  const entries: ChainEntry[] = [];
  for (let seq = 1; seq <= length; seq++) {
    const prev = entries.at(-1)?.hash ?? GENESIS_HASH;
    const fields = { seq, at: AT, actor: 'cli', kind: 'command' as const, body: { revision: seq }, prev };
    entries.push({ ...fields, hash: entryHash({ ...fields, prev_hash: prev }) });
  }
  return entries;
}

/** How a verifier sees the entries: every content rehashed as it is now. */
const links = (entries: readonly ChainEntry[]): ChainLink[] =>
  entries.map((entry) => ({
    seq: entry.seq,
    prev: entry.prev,
    hash: entry.hash,
    content: { status: 'readable', hash: entryHash({ ...entry, prev_hash: entry.prev }) },
  }));

/** Recomputes an edited entry's own hash, as a forger would, leaving the next entry's link as it was. */
const rehashed = (entry: ChainEntry): ChainEntry => ({
  ...entry,
  hash: entryHash({ ...entry, prev_hash: entry.prev }),
});

describe('the audit chain walk', () => {
  it('accepts an intact chain, and an empty one', () => {
    expect(chainBreak(links(chain(5)))).toBeNull();
    expect(chainBreak([])).toBeNull();
  });

  const cases: readonly {
    readonly what: string;
    readonly tamper: (entries: ChainEntry[]) => ChainEntry[];
    readonly seq: number;
    readonly en: RegExp;
  }[] = [
    {
      what: 'an altered body',
      tamper: (entries) => entries.map((entry) => (entry.seq === 3 ? { ...entry, body: { revision: 9 } } : entry)),
      seq: 3,
      en: /does not match its hash/,
    },
    {
      what: 'an altered body with its own hash recomputed',
      tamper: (entries) => entries.map((entry) => (entry.seq === 3 ? rehashed({ ...entry, actor: 'forger' }) : entry)),
      seq: 4,
      en: /hash of the previous entry/,
    },
    {
      what: 'a broken link',
      tamper: (entries) =>
        entries.map((entry) => (entry.seq === 2 ? rehashed({ ...entry, prev: 'ab'.repeat(32) }) : entry)),
      seq: 2,
      en: /hash of the previous entry/,
    },
    {
      what: 'a first entry not linked to the genesis',
      tamper: (entries) =>
        entries.map((entry) => (entry.seq === 1 ? rehashed({ ...entry, prev: 'ab'.repeat(32) }) : entry)),
      seq: 1,
      en: /hash of the previous entry/,
    },
    {
      what: 'a removed entry',
      tamper: (entries) => entries.filter((entry) => entry.seq !== 2),
      seq: 3,
      en: /entry 2 is missing/,
    },
    {
      what: 'two removed entries',
      tamper: (entries) => entries.filter((entry) => entry.seq !== 2 && entry.seq !== 3),
      seq: 4,
      en: /entries 2 to 3 are missing/,
    },
    { what: 'a removed first entry', tamper: (entries) => entries.slice(1), seq: 2, en: /entry 1 is missing/ },
    {
      what: 'a repeated entry',
      tamper: (entries) => [...entries.slice(0, 3), entries[2]!, ...entries.slice(3)],
      seq: 3,
      en: /should be number 4/,
    },
    {
      what: 'two entries swapped',
      tamper: (entries) => [entries[0]!, entries[2]!, entries[1]!, ...entries.slice(3)],
      seq: 3,
      en: /entry 2 is missing/,
    },
  ];

  it.each(cases)('names the first broken entry after $what', ({ tamper, seq, en }) => {
    const broken = chainBreak(links(tamper(chain(5))));
    expect(broken?.seq).toBe(seq);
    expect(broken?.en).toMatch(en);
    expect(broken?.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('checks only the links of a redacted entry, which still catch a forged hash', () => {
    const entries = chain(4);
    const redacted = (all: readonly ChainLink[]) =>
      all.map((link): ChainLink => (link.seq === 2 ? { ...link, content: { status: 'redacted' } } : link));
    const altered = entries.map((entry) => (entry.seq === 2 ? { ...entry, body: null } : entry));
    expect(chainBreak(redacted(links(altered)))).toBeNull();
    const forged = entries.map((entry) => (entry.seq === 2 ? { ...entry, hash: 'ab'.repeat(32) } : entry));
    const broken = chainBreak(redacted(links(forged)));
    expect(broken?.seq).toBe(3);
    expect(broken?.en).toMatch(/hash of the previous entry/);
  });

  it('reports content that cannot be read as the reader says why', () => {
    const unreadable = links(chain(3)).map((link): ChainLink =>
      link.seq === 2 ? { ...link, content: { status: 'unreadable', zh: '内容不是 JSON', en: 'not JSON' } } : link,
    );
    expect(chainBreak(unreadable)).toEqual({ seq: 2, zh: '内容不是 JSON', en: 'not JSON' });
  });
});
