import { describe, expect, it } from 'vitest';
import type { ChainEntry } from '../../engine/ceremony/audit-chain.ts';
import { ceremonyTimes } from '../storage/ceremony-times.ts';
import { AuditFeed, TAIL_LENGTH } from './audit-feed.ts';
import { chainEntry as entry } from '../../test/support/chain-entry.ts';

describe('AuditFeed', () => {
  it('follows the log as it grows, keeping the newest entries', () => {
    const log: ChainEntry[] = [];
    const feed = new AuditFeed({ chain: (fromSeq = 1) => log.filter((found) => found.seq >= fromSeq) });
    expect(feed.refresh()).toBe(false);
    for (let seq = 1; seq <= TAIL_LENGTH + 5; seq += 1) {
      log.push(entry(seq, 'refusal', { request: { type: 'school:draw', school: '甲' } }));
    }
    expect(feed.refresh()).toBe(true);
    expect(feed.tail.map((summary) => summary.seq)).toEqual(log.slice(-TAIL_LENGTH).map((found) => found.seq));
    expect(feed.tail[0]).toMatchObject({ kind: 'refusal', type: 'school:draw', school: '甲', actor: 'test' });
    log.push(entry(TAIL_LENGTH + 6, 'refusal', {}));
    expect(feed.refresh()).toBe(true);
    expect(feed.tail.at(-1)).toMatchObject({ seq: TAIL_LENGTH + 6, type: null, school: null });
    expect(feed.tail).toHaveLength(TAIL_LENGTH);
  });

  it('lists a summary of refused log-ins by its type, with no school', () => {
    const log = [entry(1, 'access', { type: 'access:refused', total: 4, attempts: [] })];
    const feed = new AuditFeed({ chain: () => log });
    expect(feed.tail).toEqual([expect.objectContaining({ kind: 'access', type: 'access:refused', school: null })]);
  });

  it('gathers, entry by entry, the times read from the whole log', () => {
    const log: ChainEntry[] = [
      entry(1, 'command', { revision: 1, command: { type: 'ceremony:seal' } }),
      entry(2, 'command', { revision: 2, command: { type: 'school:import', school: '甲' } }),
    ];
    const chain = (fromSeq = 1) => log.filter((found) => found.seq >= fromSeq);
    const feed = new AuditFeed({ chain });
    log.push(entry(3, 'refusal', { request: { type: 'ceremony:close' }, refusal: {} }));
    log.push(entry(4, 'command', { revision: 3, command: { type: 'ceremony:close' } }));
    expect(feed.refresh()).toBe(true);
    expect(feed.times).toEqual(ceremonyTimes({ chain }));
    expect(feed.times.closedAt).toBe(log[3]!.at);
  });
});
