/** The browser side of the live protocol: a typed socket.io connection that keeps reconnecting to the controller. */
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
