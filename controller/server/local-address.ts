/**
 * Whether a connection comes from the controller machine itself, where the kiosk opens the display and the operator
 * may sit: such a display is admitted and such a console may take the seat before the seal without the setup code.
 * Narrow on purpose: only the addresses `localhost` resolves to, and only without a proxy's forwarding headers — a
 * reverse proxy on this machine would make every phone in the hall look local (docs/decisions/013-…).
 */
import type { IncomingHttpHeaders } from 'node:http';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'] as const;

export function isLocalConnection(address: string | undefined, headers: IncomingHttpHeaders): boolean {
  return (
    address !== undefined &&
    LOOPBACK.has(address) &&
    FORWARDING_HEADERS.every((header) => headers[header] === undefined)
  );
}

/** `::ffff:192.168.1.20` → `192.168.1.20`: one address, one throttle and one line in the audit summary. */
export function plainAddress(address: string | undefined): string {
  if (address === undefined) return 'unknown';
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}
