/**
 * The console's one connection to the controller, as rune state around the shared `LiveClient` (which checks and
 * orders the snapshots, presentations and step times, and follows the link): beside those, this console's session,
 * which displays are connected, what they show and which are admitted, and the audit log's tail; and the operator's
 * commands. Everything shown comes from the controller, sent again on every (re)connection, so a reload or a
 * controller restart loses nothing. The console never keeps the passphrase (nor the setup code): it gives it once,
 * and keeps for this tab the session token the controller grants for it. `main.ts` starts it; importing this module
 * connects nothing.
 */
import { connectLive, LiveClient, type LiveSocket, type LiveStatus } from '../../../controller/contract/live-client.ts';
import type { Presentation, PresentationChange } from '../../../controller/contract/presentation.ts';
import type {
  AdmittedDisplay,
  AuditSummary,
  CeremonyTimes,
  CommandAccepted,
  DisplayPresence,
  Handshake,
  HandshakeRefusal,
  OperatorRequest,
  Result,
  SessionStatus,
  Snapshot,
} from '../../../controller/contract/protocol.ts';
import { isStale, LOCAL_ERRORS, type ConsoleError } from './errors.ts';

export type Connection = LiveStatus;

/** The session the controller granted, kept for this tab only, so a reload reconnects without asking. */
const SESSION_KEY = 'sunshine-console-session';
/** Where consoles before this one kept the passphrase itself: removed on start, should a tab still hold it. */
const RETIRED_PASSPHRASE_KEY = 'sunshine-console-passphrase';
/** This tab held the operator session: after a reload it takes it back rather than staying read-only. */
const OPERATOR_KEY = 'sunshine-console-operator';
/** A roster upload or a large draw can take a while; beyond this the console stops waiting and says so. */
const COMMAND_TIMEOUT_MS = 60_000;
/** Everything else is answered at once by a healthy controller. */
const ANSWER_TIMEOUT_MS = 5_000;

/** What the console gets back: the controller's answer, or why there was none. */
export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ConsoleError };

class LiveConsole {
  connection = $state<Connection>('connecting');
  snapshot = $state.raw<Snapshot | null>(null);
  session = $state.raw<SessionStatus | null>(null);
  /** Null until the controller has said what the displays show. */
  presentation = $state.raw<Presentation | null>(null);
  /** The hall displays connected now; null until the controller has said. */
  displays = $state.raw<readonly DisplayPresence[] | null>(null);
  /** The displays the operator admitted; null until the controller has said. */
  admitted = $state.raw<readonly AdmittedDisplay[] | null>(null);
  /** Why the controller last refused to let this console in (a wrong code, a wait), for its gate to say. */
  refusal = $state.raw<HandshakeRefusal | null>(null);
  /** What the console must give before it is let in; it stays asked while the answer is on its way. */
  gate = $state<'passphrase' | 'setup-code' | null>(null);
  /** The newest audit log entries, oldest first. */
  auditTail = $state.raw<readonly AuditSummary[]>([]);
  /** Null until the controller has sent them. */
  times = $state.raw<CeremonyTimes | null>(null);
  /** A command is on its way: every action waits, so nothing is sent twice. */
  busy = $state(false);
  /** Null until the app starts. */
  private link: { readonly socket: LiveSocket; readonly client: LiveClient } | null = null;

  get canOperate(): boolean {
    return this.connection === 'online' && this.session?.operator === true && !this.busy;
  }

  /** The session this console holds: the operator's downloads carry it too. */
  get sessionToken(): string | null {
    return sessionStorage.getItem(SESSION_KEY);
  }

  /** Connects to the controller, once: `main.ts` calls it as the app starts. */
  start(): void {
    if (this.link !== null) return;
    sessionStorage.removeItem(RETIRED_PASSPHRASE_KEY);
    const socket = connectLive(this.handshake());
    const client = new LiveClient(socket, {
      status: (status) => {
        if (status === 'needs-passphrase' || status === 'needs-setup-code') {
          // The session ended (the seal, its expiry): the next connection must prove itself again.
          sessionStorage.removeItem(SESSION_KEY);
          socket.auth = this.handshake();
        }
        if (status === 'needs-passphrase') this.gate = 'passphrase';
        if (status === 'needs-setup-code') this.gate = 'setup-code';
        if (status === 'online') {
          this.refusal = null;
          this.gate = null;
        }
        this.connection = status;
      },
      refused: (refusal) => (this.refusal = refusal),
      snapshot: (snapshot) => (this.snapshot = snapshot),
      presentation: (presentation) => (this.presentation = presentation),
      times: (times) => (this.times = times),
    });
    this.link = { socket, client };
    this.listen(socket);
    // Closing the socket before the page goes lets the controller free the operator session at once, so the
    // reloaded page gets it back.
    addEventListener('pagehide', () => socket.disconnect());
  }

  /** What only consoles are told. (The snapshot, presentation and step times come through the LiveClient.) */
  private listen(socket: LiveSocket): void {
    socket.on('session:status', (status) => {
      this.session = status;
      if (status.operator) sessionStorage.setItem(OPERATOR_KEY, 'yes');
      // The page before a reload may hold the session a moment longer; once it is free, this tab takes it back.
      else if (!status.operatorPresent && sessionStorage.getItem(OPERATOR_KEY) === 'yes') void this.claim();
    });
    socket.on('displays:update', (displays) => (this.displays = displays));
    socket.on('admissions:update', (admitted) => (this.admitted = admitted));
    socket.on('audit:tail', (entries) => (this.auditTail = entries));
    // Given for a passphrase, a setup code or this machine, and again by sealing: it stands for them from now on.
    socket.on('session:granted', (grant) => {
      sessionStorage.setItem(SESSION_KEY, grant.token);
      socket.auth = this.handshake();
    });
  }

  /** What the console connects with: its session if it holds one, else nothing (the controller says what it needs). */
  private handshake(): Handshake {
    const session = this.sessionToken;
    return session === null ? { role: 'console' } : { role: 'console', session };
  }

  /** After the seal a console proves itself with the passphrase, once: the session it is granted stands for it. */
  login(passphrase: string): void {
    this.connectWith({ role: 'console', passphrase });
  }

  /** Before the seal, on another machine than the controller's: the setup code printed in its terminal. */
  enterSetupCode(setupCode: string): void {
    this.connectWith({ role: 'console', setupCode });
  }

  private connectWith(handshake: Handshake): void {
    const { socket } = this.started;
    socket.auth = handshake;
    this.connection = 'connecting';
    socket.connect();
  }

  /** Admits the display showing this pairing code: it shows the roster in clear from then on. */
  async admitDisplay(pairingCode: string): Promise<ConsoleError | null> {
    const result = await this.ask<AdmittedDisplay>(
      (socket) => socket.emitWithAck('display:admit', pairingCode),
      ANSWER_TIMEOUT_MS,
      LOCAL_ERRORS['no-answer'],
    );
    return result.ok ? null : result.error;
  }

  /** Revokes an admission: its display shows the public view at once. */
  async revokeDisplay(id: string): Promise<ConsoleError | null> {
    const result = await this.ask<null>(
      (socket) => socket.emitWithAck('display:revoke', id),
      ANSWER_TIMEOUT_MS,
      LOCAL_ERRORS['no-answer'],
    );
    return result.ok ? null : result.error;
  }

  async claim(): Promise<ConsoleError | null> {
    const result = await this.ask<SessionStatus>(
      (socket) => socket.emitWithAck('session:claim'),
      ANSWER_TIMEOUT_MS,
      LOCAL_ERRORS['no-answer'],
    );
    if (!result.ok) return result.error;
    this.session = result.value;
    sessionStorage.setItem(OPERATOR_KEY, 'yes');
    return null;
  }

  /** Runs one operator command; a refusal caused by an old picture resyncs. */
  async run(request: OperatorRequest): Promise<Outcome<CommandAccepted>> {
    this.busy = true;
    try {
      const result = await this.ask<CommandAccepted>(
        (socket) => socket.emitWithAck('command:run', request),
        COMMAND_TIMEOUT_MS,
        LOCAL_ERRORS['no-answer'],
      );
      if (!result.ok && isStale(result.error)) await this.resync();
      return result;
    } finally {
      this.busy = false;
    }
  }

  /** Changes what the displays show; the new presentation arrives, like every other, as 'presentation:update'. */
  async present(change: PresentationChange): Promise<ConsoleError | null> {
    const result = await this.ask<Presentation>(
      (socket) => socket.emitWithAck('presentation:set', change),
      ANSWER_TIMEOUT_MS,
      LOCAL_ERRORS['display-no-answer'],
    );
    return result.ok ? null : result.error;
  }

  async resync(): Promise<void> {
    const result = await this.ask<Snapshot>(
      (socket) => socket.emitWithAck('snapshot:get').then((snapshot: Snapshot) => ({ ok: true, value: snapshot })),
      ANSWER_TIMEOUT_MS,
      LOCAL_ERRORS['no-answer'],
    );
    if (result.ok) this.started.client.receiveSnapshot(result.value);
  }

  private async ask<T>(
    send: (socket: ReturnType<LiveSocket['timeout']>) => Promise<Result<T>>,
    timeoutMs: number,
    noAnswer: ConsoleError,
  ): Promise<Outcome<T>> {
    if (this.link === null || this.connection !== 'online') return { ok: false, error: LOCAL_ERRORS.offline };
    try {
      return await send(this.link.socket.timeout(timeoutMs));
    } catch {
      return { ok: false, error: noAnswer };
    }
  }

  /** The controller's clock now (ms since 1970), as far as this console can tell. */
  controllerNow(): number {
    return this.link?.client.controllerNow() ?? Date.now();
  }

  /** Every caller is a control the app shows only once started. */
  private get started(): NonNullable<LiveConsole['link']> {
    if (this.link === null) throw new Error('live.start() must come first');
    return this.link;
  }
}

export const live = new LiveConsole();
