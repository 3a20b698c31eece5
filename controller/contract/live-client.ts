/**
 * The browser side of the live protocol: a typed socket.io connection that keeps reconnecting, and how far the
 * controller's clock is from this one.
 */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, Handshake, ServerToClientEvents } from './protocol.ts';

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

/** Asks the controller for its clock a few times: the offset to add to `Date.now()`, or null without an answer. */
export async function measureClockOffset(socket: LiveSocket): Promise<number | null> {
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
