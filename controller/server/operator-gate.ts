/**
 * The operator's credentials, one gate for the sockets and the HTTP downloads: the one-time setup code printed at
 * start (the seat before the seal), the passphrase (after it), both throttled per address and overall, checked one at
 * a time off the event loop; the session tokens issued for them (kept, as hashes, in the data directory, so that a
 * console stays in charge across a controller restart); and the refused attempts, summed up in the audit log once
 * per burst. docs/decisions/013-admission-and-operator-seat.md.
 */
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { tokenHash, type SessionRecord } from '../access-store.ts';
import type { Ceremony } from '../ceremony.ts';
import type { ProtocolError, SessionGrant } from '../contract/protocol.ts';
import { checkPassphrase } from '../passphrase.ts';
import type { Clock } from '../service.ts';
import { AccessRefusals, type AccessChannel, type RefusedAttempt } from './access-refusals.ts';
import { AttemptThrottle } from './attempt-throttle.ts';
import type { SessionKind } from './operator-seat.ts';

/** Who is trying: the address throttled and named in the audit summary, and where it came in. */
export interface Caller {
  readonly address: string;
  readonly channel: AccessChannel;
}

/** What a passphrase or code proved; `throttled`: it was not even checked, the caller must wait first. */
export type Checked =
  { readonly outcome: 'right' | 'wrong' } | { readonly outcome: 'throttled'; readonly error: ProtocolError };

export interface GateOptions {
  /** How long after the first refusal of a burst its summary is written. */
  readonly summaryAfterMs: number;
  /** How long a session lasts: a ceremony day. */
  readonly sessionMs: number;
}

const DEFAULTS: GateOptions = { summaryAfterMs: 60_000, sessionMs: 12 * 3600_000 };

/** Checks waiting for their turn at most; beyond, an attempt is refused unchecked, as during a wait. */
const MAX_WAITING_CHECKS = 16;
/** Sessions kept at most; beyond, the oldest ends. Each needs a proof, so only a flood of right ones fills this. */
const MAX_SESSIONS = 1000;

export class OperatorGate {
  /** Printed by `sunshine serve` in its own terminal, shown nowhere else: `1234 5678`, typed without the space. */
  readonly setupCode = String(randomInt(0, 100_000_000)).padStart(8, '0');
  private readonly throttle = new AttemptThrottle();
  private readonly refusals = new AccessRefusals();
  /** By the hash of their token. */
  private readonly sessions: Map<string, SessionRecord>;
  /** Each address's latest attempt: the next waits for it, so parallel guesses meet the throttle one by one. */
  private readonly latest = new Map<string, Promise<unknown>>();
  /** One scrypt at a time over all callers: a burst costs the thread pool one core, and memory for one. */
  private checking: Promise<unknown> = Promise.resolve();
  private waitingChecks = 0;
  private summaryTimer: NodeJS.Timeout | null = null;
  private readonly logListeners: (() => void)[] = [];

  constructor(
    private readonly ceremony: Pick<Ceremony, 'service' | 'log' | 'access'>,
    private readonly clock: Clock,
    private readonly options: GateOptions = DEFAULTS,
  ) {
    const live = ceremony.access.sessions.load().filter((session) => Date.parse(session.expiresAt) > this.now());
    this.sessions = new Map(live.map((session) => [session.tokenHash, session]));
  }

  /** Against the seal's passphrase; `wrong` when there is none yet. */
  checkPassphrase(given: string, caller: Caller): Promise<Checked> {
    return this.attempt(caller, 'wrong-passphrase', async () => {
      const key = this.ceremony.service.state.seal?.operatorKey;
      return key !== undefined && (await this.oneAtATime(() => checkPassphrase(given, key)));
    });
  }

  /** Against the setup code, which holds only until the seal. Spaces are ignored, as printed. */
  checkSetupCode(given: string, caller: Caller): Promise<Checked> {
    return this.attempt(caller, 'wrong-setup-code', () => {
      const typed = Buffer.from(given.replace(/\s/g, ''));
      const code = Buffer.from(this.setupCode);
      const sealed = this.ceremony.service.state.seal !== null;
      return Promise.resolve(!sealed && typed.length === code.length && timingSafeEqual(typed, code));
    });
  }

  issue(kind: SessionKind): SessionGrant {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.now() + this.options.sessionMs).toISOString();
    for (const [hash, session] of this.sessions)
      if (Date.parse(session.expiresAt) <= this.now()) this.sessions.delete(hash);
    this.sessions.set(tokenHash(token), { tokenHash: tokenHash(token), kind, expiresAt });
    if (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    this.saveSessions();
    return { token, expiresAt };
  }

  /** What a session token proves, or null for one unknown, expired or ended. */
  session(token: string | undefined): SessionKind | null {
    const session = token === undefined ? undefined : this.sessions.get(tokenHash(token));
    if (session === undefined || Date.parse(session.expiresAt) <= this.now()) return null;
    return session.kind;
  }

  /** From the seal on the passphrase guards the ceremony: sessions won with the setup code end. */
  sealed(): void {
    for (const [hash, session] of this.sessions) if (session.kind === 'setup') this.sessions.delete(hash);
    this.saveSessions();
  }

  /** Called after the gate wrote an audit entry, so the consoles' tail can follow. */
  onLogged(listener: () => void): void {
    this.logListeners.push(listener);
  }

  /** Writes the summary of refusals not yet written: the controller is stopping. */
  close(): void {
    this.writeSummary();
  }

  private async attempt(
    caller: Caller,
    wrong: RefusedAttempt['reason'],
    check: () => Promise<boolean>,
  ): Promise<Checked> {
    const { address } = caller;
    const run = (this.latest.get(address) ?? Promise.resolve()).then(async (): Promise<Checked> => {
      const waitMs = this.throttle.waitMs(address, this.now());
      if (waitMs > 0 || this.waitingChecks >= MAX_WAITING_CHECKS) {
        this.refused({ ...caller, reason: 'too-many-attempts' });
        return { outcome: 'throttled', error: tooManyAttempts(Math.max(waitMs, 1000)) };
      }
      if (await check()) {
        this.throttle.succeeded(address);
        return { outcome: 'right' };
      }
      this.throttle.failed(address, this.now());
      this.refused({ ...caller, reason: wrong });
      return { outcome: 'wrong' };
    });
    const settled = run.catch(() => undefined);
    this.latest.set(address, settled);
    void settled.then(() => this.latest.get(address) === settled && this.latest.delete(address));
    return run;
  }

  private async oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    this.waitingChecks += 1;
    const turn = this.checking.then(() => {
      this.waitingChecks -= 1;
      return work();
    });
    this.checking = turn.catch(() => undefined);
    return turn;
  }

  private refused(attempt: RefusedAttempt): void {
    if (!this.refusals.add(attempt, this.clock.now())) return;
    this.summaryTimer = setTimeout(() => this.writeSummary(), this.options.summaryAfterMs);
    this.summaryTimer.unref();
  }

  private writeSummary(): void {
    if (this.summaryTimer !== null) clearTimeout(this.summaryTimer);
    this.summaryTimer = null;
    const summary = this.refusals.take();
    if (summary === null) return;
    this.ceremony.log.append({ at: summary.to, actor: 'controller', kind: 'access', body: summary });
    for (const listener of this.logListeners) listener();
  }

  private saveSessions(): void {
    this.ceremony.access.sessions.save([...this.sessions.values()]);
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}

function tooManyAttempts(waitMs: number): ProtocolError {
  const seconds = Math.ceil(waitMs / 1000);
  return {
    code: 'too-many-attempts',
    zh: `尝试次数过多，请 ${seconds} 秒后再试（期间即使口令正确也不受理）`,
    en: `too many attempts: try again in ${seconds} s (until then even the right one is not accepted)`,
    details: [],
  };
}
