/**
 * The display's device token: random, made once and kept in the browser's localStorage, sent with every connection,
 * so that the operator's admission of this display (by its pairing code) holds across reloads. Where the browser
 * keeps nothing (a private window), a token for this page alone: the display pairs again after a reload.
 */

const KEY = 'sunshine-display-device';
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/** `storage`: the browser's localStorage, or null where it cannot be used; `random`: fills bytes with randomness. */
export function deviceToken(
  storage: Pick<Storage, 'getItem' | 'setItem'> | null,
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array,
): string {
  const kept = storage?.getItem(KEY) ?? null;
  if (kept !== null && TOKEN.test(kept)) return kept;
  const bytes = random(new Uint8Array(24));
  // base64url, as the handshake takes: 24 bytes make 32 characters without padding.
  const token = btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_');
  storage?.setItem(KEY, token);
  return token;
}

/** localStorage, or null when the browser refuses it (some private modes throw on access). */
export function browserStorage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}
