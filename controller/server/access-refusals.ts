/**
 * Refused operator log-ins, gathered into one audit entry per burst rather than one per try: a guesser must not be able
 * to flood the audit log, yet the notary must be able to see that someone tried, from where, and how often. The
 * entry's kind is `access` (docs/decisions/013-admission-and-operator-seat.md): no command, so the replay passes it
 * by, and the verification bundle publishes it without its addresses. Pure: the time is given.
 */

/** Why an attempt was refused: a wrong passphrase, a wrong setup code, or not checked during a wait. */
export type AccessRefusalReason = 'wrong-passphrase' | 'wrong-setup-code' | 'too-many-attempts';

/** Where the attempt came in: a console's connection, or an operator download. */
export type AccessChannel = 'socket' | 'http';

export interface RefusedAttempt {
  readonly address: string;
  readonly channel: AccessChannel;
  readonly reason: AccessRefusalReason;
}

export interface AccessRefusalCount extends RefusedAttempt {
  readonly count: number;
}

/** The body of an `access` audit entry. */
export interface AccessSummary {
  readonly type: 'access:refused';
  /** The first and last refusal summed up here (ISO 8601). */
  readonly from: string;
  readonly to: string;
  readonly total: number;
  /** One row per address, channel and reason, in the order first seen; `*` gathers addresses beyond the first 100. */
  readonly attempts: readonly AccessRefusalCount[];
}

const MAX_ROWS = 100;
const OTHERS = '*';

export class AccessRefusals {
  private from: Date | null = null;
  private to: Date | null = null;
  private readonly rows = new Map<string, AccessRefusalCount>();

  /** True when this refusal opened a new burst: the caller sums it up a while later with `take`. */
  add(attempt: RefusedAttempt, at: Date): boolean {
    const opened = this.from === null;
    this.from ??= at;
    this.to = at;
    const keyOf = (address: string) => JSON.stringify([address, attempt.channel, attempt.reason]);
    const known = this.rows.has(keyOf(attempt.address)) || this.rows.size < MAX_ROWS;
    const address = known ? attempt.address : OTHERS;
    const row = this.rows.get(keyOf(address));
    this.rows.set(keyOf(address), { ...attempt, address, count: (row?.count ?? 0) + 1 });
    return opened;
  }

  /** The burst so far, as an audit entry's body, and a fresh start; null when nothing was refused since the last. */
  take(): AccessSummary | null {
    if (this.from === null || this.to === null) return null;
    const attempts = [...this.rows.values()];
    const summary: AccessSummary = {
      type: 'access:refused',
      from: this.from.toISOString(),
      to: this.to.toISOString(),
      total: attempts.reduce((sum, row) => sum + row.count, 0),
      attempts,
    };
    this.from = null;
    this.to = null;
    this.rows.clear();
    return summary;
  }
}
