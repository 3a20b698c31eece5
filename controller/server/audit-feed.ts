/**
 * What clients are told of the audit log: its newest entries (the consoles' tail, which the notary compares entry by
 * entry with the printed chain) and when each step of the ceremony was done (`storage/ceremony-times.ts`). Follows
 * the log as it grows; never writes to it.
 */
import type { ChainEntry } from '../../engine/ceremony/audit-chain.ts';
import type { AuditSummary, CeremonyTimes } from '../contract/protocol.ts';
import type { AuditLog } from '../storage/audit-log.ts';
import { NO_TIMES, timesAfter, type EntryBody } from '../storage/ceremony-times.ts';

/** Entries in the consoles' tail: a screenful, the rest is in the printed chain and the bundle. */
export const TAIL_LENGTH = 20;

export class AuditFeed {
  private lastSeq = 0;
  private summaries: readonly AuditSummary[] = [];
  private doneAt: CeremonyTimes = NO_TIMES;

  constructor(private readonly log: Pick<AuditLog, 'chain'>) {
    this.refresh();
  }

  /** The newest entries, oldest first. */
  get tail(): readonly AuditSummary[] {
    return this.summaries;
  }

  get times(): CeremonyTimes {
    return this.doneAt;
  }

  /** Reads the entries appended since the last call; false when there were none. */
  refresh(): boolean {
    const entries = this.log.chain(this.lastSeq + 1);
    if (entries.length === 0) return false;
    this.lastSeq = entries.at(-1)!.seq;
    this.summaries = [...this.summaries, ...entries.slice(-TAIL_LENGTH).map(summaryOf)].slice(-TAIL_LENGTH);
    this.doneAt = entries.reduce(timesAfter, this.doneAt);
    return true;
  }
}

function summaryOf(entry: ChainEntry): AuditSummary {
  const body = (entry.body ?? {}) as EntryBody & { readonly type?: unknown; readonly school?: unknown };
  // A command names its type and school in its command, a refusal in its request, an access summary in its body.
  const { type, school } = { command: body.command, refusal: body.request, access: body }[entry.kind] ?? {};
  return {
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    kind: entry.kind,
    type: typeof type === 'string' ? type : null,
    school: typeof school === 'string' ? school : null,
    hash: entry.hash,
  };
}
