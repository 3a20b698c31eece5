/**
 * The one wiring module: builds the HTTP app, the sockets and the printing press around an opened ceremony
 * (`ceremony.ts`); the CLI only starts them.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { WALL_CLOCK, type Ceremony } from './ceremony.ts';
import { MAX_FILE_BYTES } from './contract/protocol.ts';
import { findChromium } from './print/chromium.ts';
import { chromiumPress, type PrintingPress } from './print/press.ts';
import { bundleDownload } from './server/bundle-http.ts';
import { createApp } from './server/http.ts';
import { OperatorGate } from './server/operator-gate.ts';
import { operatorDownloads } from './server/operator-http.ts';
import { resultPages } from './server/results.ts';
import { sameOriginHandshake } from './server/same-origin.ts';
import { attachSockets, type ControllerServer } from './server/sockets.ts';
import type { Clock } from './service.ts';

/** What the controller takes from the machine, so that tests can give their own. */
export interface ControllerDevices {
  /** Times the scenes, and is the clock displays measure their offset from (docs/decisions/003-scene-wall-clock.md). */
  readonly wallClock: Clock;
  /** Renders the operator's PDF and PNG downloads; closed with the controller. */
  readonly press: PrintingPress;
}

/** The machine's own clock, and one Chromium found on it, started at the first download. */
function systemDevices(): ControllerDevices {
  return { wallClock: WALL_CLOCK, press: chromiumPress(() => findChromium(process.env)) };
}

export interface RunningController extends Ceremony {
  readonly port: number;
  /** The one-time code a console on another machine needs before the seal: `sunshine serve` prints it. */
  readonly setupCode: string;
  close(): Promise<void>;
}

/** Where to listen and what to take from the machine; every field has the production default. */
export interface StartOptions {
  /** The interface's address, or null for every interface. */
  readonly host?: string | null;
  readonly devices?: ControllerDevices;
}

/** Starts the controller on `port` (0 picks a free one) over an opened ceremony. */
export async function startController(
  ceremony: Ceremony,
  port: number,
  { host = null, devices = systemDevices() }: StartOptions = {},
): Promise<RunningController> {
  // One gate for the operator's credentials, on the sockets and the downloads alike.
  const gate = new OperatorGate(ceremony, devices.wallClock);
  // The operator's downloads need the log (seal and close times) and the presentation (event, public address).
  const downloads = operatorDownloads(ceremony, devices.press, gate);
  const app = createApp(ceremony.service, { routers: [downloads.router, bundleDownload(ceremony)] });
  // The result pages a crowd of phones asks for go out from memory before Express sees them (server/results.ts).
  const pages = resultPages(ceremony.service);
  const server = createServer((request, response) => {
    if (!pages.answer(request, response)) app(request, response);
  });
  const io: ControllerServer = new Server(server, {
    serveClient: false,
    // Room for a roster file and the rest of the message around it.
    maxHttpBufferSize: MAX_FILE_BYTES + 1024 * 1024,
    allowRequest: sameOriginHandshake,
  });
  attachSockets(io, ceremony, devices.wallClock, gate);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: host ?? undefined }, resolve);
  });
  return {
    ...ceremony,
    port: (server.address() as AddressInfo).port,
    setupCode: gate.setupCode,
    close: async () => {
      await io.close();
      await downloads.close();
      gate.close();
      ceremony.log.close();
    },
  };
}
