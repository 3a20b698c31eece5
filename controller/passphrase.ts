/**
 * The operator passphrase, kept only as a salted scrypt hash: `scrypt$N$r$p$salt$hash` (hex). Checking one runs scrypt
 * on libuv's thread pool, never on the event loop: a burst of guesses must not stall the displays or the result pages
 * (the guesses themselves are throttled by `server/operator-gate.ts`).
 */
import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const KEY_BYTES = 32;

// Defined in the protocol, so the console enforces the same length before sending.
export { MIN_PASSPHRASE_LENGTH } from './contract/protocol.ts';

/** Once per ceremony, at the seal: synchronous is fine there. */
export function hashPassphrase(passphrase: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(passphrase.normalize('NFC'), salt, KEY_BYTES, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('hex'), key.toString('hex')].join('$');
}

export async function checkPassphrase(passphrase: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || key === undefined) return false;
  const expected = Buffer.from(key, 'hex');
  const options = { N: Number(n), r: Number(r), p: Number(p) };
  const actual = await scryptAsync(passphrase.normalize('NFC'), Buffer.from(salt, 'hex'), expected.length, options);
  return timingSafeEqual(actual, expected);
}

function scryptAsync(secret: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, length, options, (error, key) => (error === null ? resolve(key) : reject(error)));
  });
}
