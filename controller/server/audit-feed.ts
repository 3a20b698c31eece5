/**
 * What clients are told of the audit log: its newest entries (the consoles' tail, which the notary compares entry by
 * entry with the printed chain) and when each step of the ceremony was done. Follows the log as it grows; never
 * writes to it.
 */
import type { ChainEntry } from '../../engine/ceremony/audit-chain.ts';
import type { AuditSummary, CeremonyTimes, SchoolTimes } from '../contract/protocol.ts';
import type { AuditLog } from '../storage/audit-log.ts';

/** Entries in the consoles' tail: a screenful, the rest is in the printed chain and the bundle. */
export const TAIL_LENGTH = 20;

export const NO_TIMES: CeremonyTimes = {
  sealedAt: null,
  previewedAt: null,
  unsealedAt: null,
  closedAt: null,
  schools: {},
};

const SCHOOL_NOT_DONE: SchoolTimes = { importedAt: null, drawnAt: null, publishedAt: null, teachersDrawnAt: null };

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

/** The body of a command entry is `{ revision, command }`, of a refusal `{ request, refusal }`. */
interface EntryBody {
  readonly command?: { readonly type?: unknown; readonly school?: unknown };
  readonly request?: { readonly type?: unknown; readonly school?: unknown };
}

function summaryOf(entry: ChainEntry): AuditSummary {
  const body = (entry.body ?? {}) as EntryBody;
  const { type, school } = (entry.kind === 'command' ? body.command : body.request) ?? {};
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

/**
 * When each step was done, read from the whole log: what the feed tells displays and consoles, and what the printed
 * seal certificate and final report show.
 */
export function ceremonyTimes(log: Pick<AuditLog, 'chain'>): CeremonyTimes {
  return log.chain().reduce(timesAfter, NO_TIMES);
}

/** The times after one more entry: a refusal changes nothing, an accepted command marks its step done. */
export function timesAfter(times: CeremonyTimes, entry: ChainEntry): CeremonyTimes {
  if (entry.kind !== 'command') return times;
  const { type, school } = (entry.body as EntryBody).command ?? {};
  const at = entry.at;
  const schoolDone = (field: keyof SchoolTimes): CeremonyTimes => {
    if (typeof school !== 'string') return times;
    const before = times.schools[school] ?? SCHOOL_NOT_DONE;
    return { ...times, schools: { ...times.schools, [school]: { ...before, [field]: at } } };
  };
  switch (type) {
    case 'ceremony:seal':
      return { ...times, sealedAt: at };
    case 'ceremony:preview':
      return { ...times, previewedAt: at };
    case 'ceremony:unseal':
      return { ...times, unsealedAt: at };
    case 'ceremony:close':
      return { ...times, closedAt: at };
    case 'school:import':
      return schoolDone('importedAt');
    case 'school:draw':
      return schoolDone('drawnAt');
    case 'school:publish':
      return schoolDone('publishedAt');
    case 'school:teachers':
      return schoolDone('teachersDrawnAt');
    default:
      // The plan, and any command that is no step of its own.
      return times;
  }
}
