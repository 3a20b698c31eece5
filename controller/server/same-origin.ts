/**
 * The live connection carries the ceremony's controls, and browsers do not hold a WebSocket to the same-origin rule:
 * a page of any other site, opened on a machine of the hall's network, could open one (cross-site WebSocket
 * hijacking). A browser names the page's origin in every handshake; one that is not the address the browser reached
 * this server at (its Host) is refused. A client that sends no Origin — the CLI, the tests, anything but a browser —
 * is let through as before: the passphrase is what guards the operator's role.
 */
import type { IncomingMessage } from 'node:http';

/** socket.io's `allowRequest`: lets a handshake through when it has no Origin or this server's own. */
export function sameOriginHandshake(
  request: IncomingMessage,
  decide: (error: string | null | undefined, allowed: boolean) => void,
): void {
  const { origin, host } = request.headers;
  decide(null, origin === undefined || isOwnOrigin(origin, host));
}

/** Whether `origin` (an Origin header) is this server as reached at `host` (the Host header). */
export function isOwnOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined) return false;
  try {
    const page = new URL(origin);
    // Through URL both ways, so that case and a written default port do not matter.
    return (page.protocol === 'http:' || page.protocol === 'https:') && page.host === new URL(`http://${host}`).host;
  } catch {
    return false;
  }
}
