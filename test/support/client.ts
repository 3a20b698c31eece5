/** socket.io clients for tests, typed by the one protocol module. */
import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  CommandAccepted,
  DisplayAdmission,
  Handshake,
  OperatorRequest,
  ProtocolError,
  Result,
  ServerToClientEvents,
  SessionGrant,
  SessionStatus,
  Snapshot,
  Update,
} from '../../controller/contract/protocol.ts';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface Client {
  readonly socket: ClientSocket;
  readonly status: SessionStatus;
  /** The snapshot received on connecting. */
  readonly snapshot: Snapshot;
  /** Every update received since, in order. */
  readonly updates: Update[];
  /** Every session status received, the first included. */
  readonly statuses: SessionStatus[];
  /** Every whole snapshot received (on connecting, and when a display's admission changes), the first included. */
  readonly snapshots: Snapshot[];
  /** Every admission a display was told of. */
  readonly admissions: DisplayAdmission[];
  /** Every session a console was granted. */
  readonly grants: SessionGrant[];
}

/**
 * A connection to the controller on this machine. `from`: the local address to connect from; anything but 127.0.0.1
 * (say 127.0.0.2) stands for another machine on the LAN, as the controller takes only 127.0.0.1 and ::1 for itself.
 */
const open = (port: number, auth: unknown, from?: string): ClientSocket =>
  io(`http://127.0.0.1:${port}`, {
    auth: auth as Handshake,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(from === undefined ? {} : { localAddress: from }),
  });

/** Connects and waits for the session status and the first snapshot. */
export function connect(port: number, auth: unknown, from?: string): Promise<Client> {
  const socket = open(port, auth, from);
  const updates: Update[] = [];
  const statuses: SessionStatus[] = [];
  const snapshots: Snapshot[] = [];
  const admissions: DisplayAdmission[] = [];
  const grants: SessionGrant[] = [];
  socket.on('ceremony:update', (update) => updates.push(update));
  socket.on('session:status', (status) => statuses.push(status));
  socket.on('ceremony:snapshot', (snapshot) => snapshots.push(snapshot));
  socket.on('display:admission', (admission) => admissions.push(admission));
  socket.on('session:granted', (grant) => grants.push(grant));
  return new Promise((resolve, reject) => {
    socket.once('ceremony:snapshot', (snapshot) =>
      resolve({ socket, status: statuses[0]!, snapshot, updates, statuses, snapshots, admissions, grants }),
    );
    socket.once('connect_error', reject);
  });
}

/** Connects expecting the handshake to be refused; resolves with the refusal. */
export function connectRefused(port: number, auth: unknown, from?: string): Promise<ProtocolError> {
  const socket = open(port, auth, from);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected')));
    socket.once('connect_error', (error) => {
      socket.close();
      resolve((error as Error & { data: ProtocolError }).data);
    });
  });
}

export function command(socket: ClientSocket, request: unknown): Promise<Result<CommandAccepted>> {
  return socket.emitWithAck('command:run', request as OperatorRequest);
}

/** Resolves once `condition` holds, polling; fails after ten seconds. */
export async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const untilRevision = (client: Client, revision: number) =>
  until(() => client.updates.at(-1)?.revision === revision, `update ${revision}`);
