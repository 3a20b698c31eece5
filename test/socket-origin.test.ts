/**
 * A page from another site cannot open the controller's live connection in a visitor's browser (cross-site WebSocket
 * hijacking): a handshake whose Origin is not the controller's own address is refused. Clients that send no Origin —
 * the CLI, tests, anything that is not a browser — connect as before, and still need the passphrase after the seal.
 */
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCeremony } from '../controller/ceremony.ts';
import { startController, type RunningController } from '../controller/wiring.ts';
import { FIXED_SERVICES, tempDataDir } from './support/demo-ceremony.ts';

let controller: RunningController;
beforeAll(async () => {
  controller = await startController(openCeremony(tempDataDir(), FIXED_SERVICES), 0);
});
afterAll(() => controller?.close());

type Transport = 'websocket' | 'polling';

/** Whether a display's handshake, sent with these headers over this transport, is let in. */
function connects(transport: Transport, headers: Record<string, string>): Promise<boolean> {
  const socket = io(`http://127.0.0.1:${controller.port}`, {
    auth: { role: 'display' },
    transports: [transport],
    extraHeaders: headers,
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve) => {
    socket.once('ceremony:snapshot', () => {
      socket.close();
      resolve(true);
    });
    socket.once('connect_error', () => {
      socket.close();
      resolve(false);
    });
  });
}

describe.each<Transport>(['websocket', 'polling'])('a socket.io handshake over %s', (transport) => {
  it('from another site is refused', async () => {
    expect(await connects(transport, { Origin: 'http://evil.example' })).toBe(false);
    // The same host on another port is another origin.
    expect(await connects(transport, { Origin: `http://127.0.0.1:${controller.port + 1}` })).toBe(false);
    expect(await connects(transport, { Origin: 'null' })).toBe(false);
  });

  it("from the controller's own pages is accepted, as is one with no Origin at all", async () => {
    expect(await connects(transport, { Origin: `http://127.0.0.1:${controller.port}` })).toBe(true);
    expect(await connects(transport, {})).toBe(true);
  });
});
