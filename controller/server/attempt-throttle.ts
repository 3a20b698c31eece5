/**
 * How often a failed operator log-in (wrong passphrase or setup code) may be tried again: per address and over all
 * addresses, a few failures are free, then each one doubles the wait before the next attempt is even checked — the
 * right passphrase too, so guessing cannot outrun it. Pure: the time is given to every call.
 */

export interface ThrottleRules {
  /** Failures allowed before the first wait. */
  readonly freeFailures: number;
  /** The wait after the last free failure; each further failure doubles it … */
  readonly firstWaitMs: number;
  /** … up to this. */
  readonly maxWaitMs: number;
  /** Failures are forgotten after this long without another. */
  readonly forgetAfterMs: number;
}

/** Per address: 3 failures, then 1 s, 2 s, 4 s … up to a minute. */
export const PER_ADDRESS: ThrottleRules = {
  freeFailures: 3,
  firstWaitMs: 1000,
  maxWaitMs: 60_000,
  forgetAfterMs: 15 * 60_000,
};

/**
 * Over all addresses, for a guesser with many (a LAN hands them out freely): 10 failures, then 1 s, 2 s … up to 30 s.
 * Gentler than per address, because it also holds back the real operator while someone guesses.
 */
export const OVERALL: ThrottleRules = {
  freeFailures: 10,
  firstWaitMs: 1000,
  maxWaitMs: 30_000,
  forgetAfterMs: 15 * 60_000,
};

/** Addresses remembered at most; beyond, the one that failed longest ago is forgotten first. */
const MAX_ADDRESSES = 10_000;

interface Failures {
  readonly count: number;
  readonly lastAt: number;
}

export class AttemptThrottle {
  private readonly byAddress = new Map<string, Failures>();
  private overall: Failures = { count: 0, lastAt: 0 };

  constructor(
    private readonly perAddress: ThrottleRules = PER_ADDRESS,
    private readonly total: ThrottleRules = OVERALL,
  ) {}

  /** How long `address` must still wait before an attempt is checked: 0 when it may try now. */
  waitMs(address: string, now: number): number {
    return Math.max(
      waitAfter(this.byAddress.get(address), this.perAddress, now),
      waitAfter(this.overall, this.total, now),
    );
  }

  failed(address: string, now: number): void {
    const known = this.byAddress.get(address);
    this.byAddress.delete(address);
    this.byAddress.set(address, { count: current(known, this.perAddress, now) + 1, lastAt: now });
    if (this.byAddress.size > MAX_ADDRESSES) this.byAddress.delete(this.byAddress.keys().next().value!);
    this.overall = { count: current(this.overall, this.total, now) + 1, lastAt: now };
  }

  /** The right passphrase or code from `address`: its failures are forgiven; the overall count stays. */
  succeeded(address: string): void {
    this.byAddress.delete(address);
  }
}

/** The failures still counted at `now`. */
function current(failures: Failures | undefined, rules: ThrottleRules, now: number): number {
  if (failures === undefined || now - failures.lastAt >= rules.forgetAfterMs) return 0;
  return failures.count;
}

function waitAfter(failures: Failures | undefined, rules: ThrottleRules, now: number): number {
  const count = current(failures, rules, now);
  if (failures === undefined || count < rules.freeFailures) return 0;
  const wait = Math.min(rules.firstWaitMs * 2 ** (count - rules.freeFailures), rules.maxWaitMs);
  return Math.max(0, failures.lastAt + wait - now);
}
