/**
 * What a printed document needs beyond the ceremony state: the event's title, date and notary (set by the operator
 * for the displays) and the times the audit log recorded for the seal and the close.
 */
import type { CeremonyCommand } from '../../engine/ceremony/state.ts';
import type { EventInfo } from '../presentation.ts';
import type { AuditLog } from '../storage/audit-log.ts';
import type { Ceremony } from '../wiring.ts';

export interface CommandTimes {
  /** ISO time the seal was logged; null before it. */
  readonly sealedAt: string | null;
  /** ISO time the close was logged; null before it. */
  readonly closedAt: string | null;
}

export interface DocumentContext extends CommandTimes {
  readonly event: EventInfo;
}

export function commandTimes(log: Pick<AuditLog, 'commands'>): CommandTimes {
  let sealedAt: string | null = null;
  let closedAt: string | null = null;
  for (const entry of log.commands()) {
    const type = (entry.body as { command?: Pick<CeremonyCommand, 'type'> } | null)?.command?.type;
    if (type === 'ceremony:seal') sealedAt = entry.at;
    if (type === 'ceremony:close') closedAt = entry.at;
  }
  return { sealedAt, closedAt };
}

/** The context of an opened ceremony: its presentation file and its audit log. */
export function ceremonyContext(ceremony: Ceremony): DocumentContext {
  return { event: ceremony.presentations.presentation.event, ...commandTimes(ceremony.log) };
}
