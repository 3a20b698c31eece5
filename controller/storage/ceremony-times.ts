/**
 * When each step of the ceremony was done, as the audit log recorded it: what the displays and consoles are told
 * (`server/audit-feed.ts`) and what the printed seal certificate and final report show (`print/context.ts`).
 */
import type { ChainEntry } from '../../engine/ceremony/audit-chain.ts';
import type { CeremonyTimes, SchoolTimes } from '../contract/protocol.ts';
import type { AuditLog } from './audit-log.ts';

export const NO_TIMES: CeremonyTimes = {
  sealedAt: null,
  previewedAt: null,
  unsealedAt: null,
  closedAt: null,
  schools: {},
};

const SCHOOL_NOT_DONE: SchoolTimes = { importedAt: null, drawnAt: null, publishedAt: null, teachersDrawnAt: null };

/** The body of a command entry is `{ revision, command }`, of a refusal `{ request, refusal }`. */
export interface EntryBody {
  readonly command?: { readonly type?: unknown; readonly school?: unknown };
  readonly request?: { readonly type?: unknown; readonly school?: unknown };
}

/** Read from the whole log. */
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
