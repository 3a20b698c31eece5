/**
 * Message sizes per connection. socket.io's `maxHttpBufferSize` is one limit for every connection, and it must hold the
 * operator's roster uploads; so every packet is measured as it arrives, and one larger than `MAX_MESSAGE_BYTES` from
 * any connection but the operator's drops that connection before the message is decoded or handled.
 * (The transport still reads up to the global limit first: docs/decisions/013-admission-and-operator-seat.md.)
 */
import type { Server, Socket } from 'socket.io';
import { MAX_MESSAGE_BYTES } from '../contract/protocol.ts';

type EngineConnection = Socket['conn'];

/** `maySendLarge(id)`: whether the socket.io connection `id` (the operator's) may send up to the global limit. */
export function limitMessages(io: Server, maySendLarge: (id: string) => boolean): void {
  io.engine.on('connection', (connection: EngineConnection) => {
    connection.on('packet', (packet: { type: string; data?: unknown }) => {
      if (packet.type !== 'message' || packetBytes(packet.data) <= MAX_MESSAGE_BYTES) return;
      const socket = [...io.sockets.sockets.values()].find((candidate) => candidate.conn === connection);
      if (socket !== undefined && maySendLarge(socket.id)) return;
      // Disconnecting the socket detaches the decoder at once, so this packet is never handled; a connection
      // still in its handshake has no socket yet and is closed.
      if (socket === undefined) connection.close();
      else socket.disconnect(true);
    });
  });
}

function packetBytes(data: unknown): number {
  if (typeof data === 'string') return Buffer.byteLength(data);
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}
