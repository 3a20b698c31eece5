/**
 * The browser side of the live protocol, shared by the display and the console: a typed socket.io connection that
 * keeps reconnecting, and `LiveClient`, which checks what arrives on it against the protocol's schemas, keeps the
 * newest snapshot (by revision), measures how far the controller's clock is from this one and follows the link's
 * status. Framework-free: each app wraps it in its own rune state.
 */
import { io, type Socket } from 'socket.io-client';
import { PresentationSchema, type Presentation } from './presentation.ts';
import type {
  CeremonyTimes,
  ClientToServerEvents,
  Handshake,
  HandshakeRefusal,
  ServerToClientEvents,
  Snapshot,
} from './protocol.ts';
import { CeremonyTimesSchema, SnapshotSchema, UpdateSchema } from './snapshot-schema.ts';
import type { CeremonyEvent } from '../../engine/ceremony/state.ts';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Connects to the controller that served the page (or `url`). Reconnection is quick and endless: after a controller
 * restart a display must be back on the right scene within two seconds.
 */
export function connectLive(handshake: Handshake, url?: string): LiveSocket {
  const options = {
    auth: handshake,
    transports: ['websocket'],
    reconnectionDelay: 250,
    reconnectionDelayMax: 1000,
  };
  return url === undefined ? io(options) : io(url, options);
}

/** One round trip of `clock:get`: this machine's clock (ms) when asking and when answered, and the answer. */
export interface ClockSample {
  readonly sent: number;
  readonly received: number;
  readonly controllerNow: number;
}

/** How far the controller's clock is ahead of this one (ms): from the fastest round trip, read halfway through. */
export function clockOffset(samples: readonly ClockSample[]): number {
  const fastest = samples.reduce((best, sample) =>
    sample.received - sample.sent < best.received - best.sent ? sample : best,
  );
  return fastest.controllerNow - (fastest.sent + fastest.received) / 2;
}

const CLOCK_ROUNDS = 3;
const CLOCK_TIMEOUT_MS = 2000;

/** What `LiveClient` uses of its socket: a `LiveSocket` has it, and so has a test's fake. */
export type LiveLink = Pick<LiveSocket, 'on' | 'connect' | 'timeout'>;

/** Asks the controller for its clock a few times: the offset to add to `Date.now()`, or null without an answer. */
export async function measureClockOffset(socket: LiveLink): Promise<number | null> {
  const samples: ClockSample[] = [];
  try {
    for (let round = 0; round < CLOCK_ROUNDS; round += 1) {
      const sent = Date.now();
      const controllerNow: unknown = await socket.timeout(CLOCK_TIMEOUT_MS).emitWithAck('clock:get');
      if (typeof controllerNow !== 'number') break;
      samples.push({ sent, received: Date.now(), controllerNow });
    }
  } catch {
    // No answer (the link dropped): what was measured so far still counts.
  }
  return samples.length === 0 ? null : clockOffset(samples);
}

/**
 * `needs-passphrase`: the controller refused this console without the passphrase (after the seal);
 * `needs-setup-code`: without the one-time setup code (before the seal, on another machine than the controller's).
 */
export type LiveStatus = 'connecting' | 'online' | 'offline' | 'needs-passphrase' | 'needs-setup-code';

/** The gate a refused handshake leads to; a refusal to wait (`too-many-attempts`) keeps the gate it came from. */
const STATUS_OF_REFUSAL: Partial<Record<HandshakeRefusal['code'], LiveStatus | null>> = {
  'wrong-passphrase': 'needs-passphrase',
  'setup-code-required': 'needs-setup-code',
  'wrong-setup-code': 'needs-setup-code',
  'too-many-attempts': null,
};

/** What a `LiveClient` passes on to its app: only what passed the schemas, never a snapshot older than the last. */
export interface LiveHandlers {
  /**
   * The snapshot to render. `events`: what led to it, after a command; null for a snapshot sent whole (on every
   * (re)connection, or asked for), which is taken even if its revision is lower (a controller on a fresh data
   * directory).
   */
  readonly snapshot: (snapshot: Snapshot, events: readonly CeremonyEvent[] | null) => void;
  readonly presentation: (presentation: Presentation) => void;
  readonly times: (times: CeremonyTimes) => void;
  readonly status: (status: LiveStatus) => void;
  /** Why the controller refused the handshake, in its own words (a console shows them at its gate). */
  readonly refused?: (refusal: HandshakeRefusal) => void;
  /** After each measurement of the controller's clock (on every connection), answered or not. */
  readonly clockMeasured?: () => void;
}

export class LiveClient {
  /** The revision of the snapshot passed on last; null before the first. */
  private revision: number | null = null;
  /** Add to `Date.now()` for the controller's clock (ms). */
  private clockOffset = 0;
  private readonly socket: LiveLink;
  private readonly handlers: LiveHandlers;

  constructor(socket: LiveLink, handlers: LiveHandlers) {
    this.socket = socket;
    this.handlers = handlers;
    socket.on('connect', () => {
      handlers.status('online');
      void this.syncClock();
    });
    socket.on('disconnect', (reason) => {
      handlers.status('offline');
      // A disconnect the server chose is not retried by socket.io; a controller restart must still bring us back.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (error) => {
      const refusal = (error as Error & { data?: HandshakeRefusal }).data;
      if (refusal !== undefined) handlers.refused?.(refusal);
      const status = refusal === undefined ? 'offline' : STATUS_OF_REFUSAL[refusal.code];
      if (status !== null) handlers.status(status ?? 'offline');
    });
    socket.on('ceremony:snapshot', (snapshot) => this.receiveSnapshot(snapshot));
    socket.on('ceremony:update', (update) => this.receiveUpdate(update));
    socket.on('presentation:update', (presentation) => {
      const parsed = PresentationSchema.safeParse(presentation);
      if (parsed.success) handlers.presentation(parsed.data);
    });
    socket.on('ceremony:times', (times) => {
      const parsed = CeremonyTimesSchema.safeParse(times);
      if (parsed.success) handlers.times(parsed.data);
    });
  }

  /** The controller's clock now (ms since 1970), as far as this machine can tell. */
  controllerNow(): number {
    return Date.now() + this.clockOffset;
  }

  /** A whole snapshot, as sent on connecting or answered to `snapshot:get`; ignored unless it passes the schema. */
  receiveSnapshot(received: unknown): void {
    const parsed = SnapshotSchema.safeParse(received);
    if (!parsed.success) return;
    this.revision = parsed.data.revision;
    this.handlers.snapshot(parsed.data, null);
  }

  /** Updates can be overtaken (a reconnection's snapshot is newer): one not beyond the last revision is old news. */
  private receiveUpdate(received: unknown): void {
    const parsed = UpdateSchema.safeParse(received);
    if (!parsed.success) return;
    if (this.revision !== null && parsed.data.revision <= this.revision) return;
    this.revision = parsed.data.revision;
    this.handlers.snapshot(parsed.data.snapshot, parsed.data.events);
  }

  /** Measured again on every connection: after a restart the controller may run on another machine. */
  private async syncClock(): Promise<void> {
    const offset = await measureClockOffset(this.socket);
    if (offset !== null) this.clockOffset = offset;
    this.handlers.clockMeasured?.();
  }
}
