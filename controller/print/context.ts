/**
 * What a printed document needs beyond the ceremony state: the event's title, date and notary (set by the operator
 * for the displays) and the times the audit log recorded for the seal and the close.
 */
import type { EventInfo } from '../contract/presentation.ts';
import type { CeremonyTimes } from '../contract/protocol.ts';
import type { Ceremony } from '../ceremony.ts';
import { ceremonyTimes } from '../storage/ceremony-times.ts';

export interface DocumentContext extends Pick<CeremonyTimes, 'sealedAt' | 'closedAt'> {
  readonly event: EventInfo;
}

/** `times`: when each step was done, as the audit log says (the displays and consoles are told the same). */
export function documentContext(event: EventInfo, times: CeremonyTimes): DocumentContext {
  return { event, sealedAt: times.sealedAt, closedAt: times.closedAt };
}

/** The context of an opened ceremony: its presentation file and its audit log. */
export function ceremonyContext(ceremony: Ceremony): DocumentContext {
  return documentContext(ceremony.presentations.presentation.event, ceremonyTimes(ceremony.log));
}
