/** The one wiring module: builds the storage, the service, the HTTP app and the sockets; the CLI only starts them. */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { buildHash } from './build-hash.ts';
import { PresentationStore } from './presentation-store.ts';
import { MAX_FILE_BYTES } from './contract/protocol.ts';
import { createApp } from './server/http.ts';
import { operatorDownloads } from './server/operator-http.ts';
import { resultPages } from './server/results.ts';
import { sameOriginHandshake } from './server/same-origin.ts';
import { attachSockets, type ControllerServer } from './server/sockets.ts';
import { CeremonyService, type ServiceOptions } from './service.ts';
import { AuditLog } from './storage/audit-log.ts';

const SYSTEM_SERVICES: ServiceOptions = {
  clock: { now: () => new Date() },
  entropy: (bytes) => new Uint8Array(randomBytes(bytes)),
  buildHash: () => buildHash(),
};

export interface Ceremony {
  readonly service: CeremonyService;
  readonly log: AuditLog;
  readonly presentations: PresentationStore;
}

/** Opens the data directory and rebuilds the ceremony from its log; throws IntegrityError if the log is broken. */
export function openCeremony(dataDir: string, services: ServiceOptions = SYSTEM_SERVICES): Ceremony {
  const log = AuditLog.open(dataDir);
  try {
    return { service: CeremonyService.open(log, services), log, presentations: new PresentationStore(dataDir) };
  } catch (error) {
    log.close();
    throw error;
  }
}

export interface RunningController extends Ceremony {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Starts the controller on `port` (0 picks a free one) over an opened ceremony, on the interface whose address is
 * `host`, or on every interface when it is null.
 */
export async function startController(
  ceremony: Ceremony,
  port: number,
  host: string | null = null,
): Promise<RunningController> {
  // The operator's downloads need the log (seal and close times) and the presentation (event, public address).
  const downloads = operatorDownloads(ceremony);
  const app = createApp(ceremony.service, { routers: [downloads.router] });
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
  attachSockets(io, ceremony.service, ceremony.presentations, ceremony.log);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: host ?? undefined }, resolve);
  });
  return {
    ...ceremony,
    port: (server.address() as AddressInfo).port,
    close: async () => {
      await io.close();
      await downloads.close();
      ceremony.log.close();
    },
  };
}
