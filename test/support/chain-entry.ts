/** An audit log entry for unit tests of what is read from the log: its time is one second per `seq`. */
import type { ChainEntry } from '../../engine/ceremony/audit-chain.ts';

export const chainEntry = (seq: number, kind: ChainEntry['kind'], body: unknown): ChainEntry => ({
  seq,
  at: `2026-08-28T01:00:${String(seq).padStart(2, '0')}Z`,
  actor: 'test',
  kind,
  body,
  prev: '0'.repeat(64),
  hash: String(seq).padStart(64, 'a'),
});
