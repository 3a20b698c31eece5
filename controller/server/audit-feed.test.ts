import { describe, expect, it } from 'vitest';
import type { ChainEntry } from '../../engine/ceremony/audit-chain.ts';
import { DEFAULT_PRESENTATION } from '../contract/presentation.ts';
import { documentContext } from '../print/context.ts';
import { AuditFeed, ceremonyTimes, NO_TIMES, TAIL_LENGTH, timesAfter } from './audit-feed.ts';

const entry = (seq: number, kind: ChainEntry['kind'], body: unknown): ChainEntry => ({
  seq,
  at: `2026-08-28T01:00:${String(seq).padStart(2, '0')}Z`,
  actor: 'test',
  kind,
  body,
  prev: '0'.repeat(64),
  hash: String(seq).padStart(64, 'a'),
});

describe('timesAfter', () => {
  it('marks each accepted step with its entry’s time, and nothing for refusals or the plan', () => {
    const entries = [
      entry(1, 'command', { revision: 1, command: { type: 'plan:set' } }),
      entry(2, 'command', { revision: 2, command: { type: 'ceremony:seal' } }),
      entry(3, 'refusal', { request: { type: 'school:draw', school: '甲' }, refusal: {} }),
      entry(4, 'command', { revision: 3, command: { type: 'school:import', school: '甲' } }),
      entry(5, 'command', { revision: 4, command: { type: 'school:draw', school: '甲' } }),
    ];
    expect(entries.reduce(timesAfter, NO_TIMES)).toEqual({
      ...NO_TIMES,
      sealedAt: entries[1]!.at,
      schools: {
        甲: { importedAt: entries[3]!.at, drawnAt: entries[4]!.at, publishedAt: null, teachersDrawnAt: null },
      },
    });
  });
});

describe('ceremonyTimes', () => {
  it('reads from the whole log what the feed gathers entry by entry, and gives the printed documents theirs', () => {
    const log = [
      entry(1, 'command', { revision: 1, command: { type: 'ceremony:seal' } }),
      entry(2, 'command', { revision: 2, command: { type: 'school:import', school: '甲' } }),
      entry(3, 'refusal', { request: { type: 'ceremony:close' }, refusal: {} }),
      entry(4, 'command', { revision: 3, command: { type: 'ceremony:close' } }),
    ];
    const chain = (fromSeq = 1) => log.filter((found) => found.seq >= fromSeq);
    const fromLog = ceremonyTimes({ chain });
    expect(fromLog).toEqual(new AuditFeed({ chain }).times);
    expect(documentContext(DEFAULT_PRESENTATION.event, fromLog)).toEqual({
      event: DEFAULT_PRESENTATION.event,
      sealedAt: log[0]!.at,
      closedAt: log[3]!.at,
    });
  });
});

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
});
