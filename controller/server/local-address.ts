/**
 * Whether a connection comes from the controller machine itself, where the kiosk opens the display and the operator
 * may sit: such a display is admitted and such a console may take the seat before the seal without the setup code.
 * Narrow on purpose: from the addresses `localhost` resolves to, or from the very address it reached (this machine
 * connecting to its own LAN address: no other machine can complete a TCP connection from an address that is ours),
 * and only without a proxy's forwarding headers — a reverse proxy on this machine would make every phone in the hall
 * look local (docs/decisions/013-admission-and-operator-seat.md).
 */
import type { IncomingHttpHeaders } from 'node:http';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'] as const;

/** `remote`: the address the connection comes from; `local`: the address of this machine it reached. */
export function isLocalConnection(
  remote: string | undefined,
  local: string | undefined,
  headers: IncomingHttpHeaders,
): boolean {
  if (remote === undefined || FORWARDING_HEADERS.some((header) => headers[header] !== undefined)) return false;
  return LOOPBACK.has(remote) || plainAddress(remote) === plainAddress(local);
}

/** `::ffff:192.168.1.20` → `192.168.1.20`: one address, one throttle and one line in the audit summary. */
export function plainAddress(address: string | undefined): string {
  if (address === undefined) return 'unknown';
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}
