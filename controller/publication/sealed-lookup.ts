/**
 * The static site's lookup data: the controller's lookup index (lookup.ts) with no name or number in clear. Each
 * lookup key goes through PBKDF2 with a per-export random salt; the first 8 bytes of the result index the entry, the
 * last 16 are the AES-GCM key that encrypts its answer (full name and class). The page derives once per query; a
 * wrong name or code finds no index, or fails to decrypt, and reads as "not found".
 *
 * Residual risk, stated plainly (docs/publication.md): whoever knows a child's name can try the 10^4 possible last 4
 * characters offline, at PBKDF2's cost per try, and learn the class, which the masked list mostly shows already.
 * Recovering unknown full names means guessing the hidden characters too, some 10^7 tries per name: costly, not
 * impossible. Web Crypto only, on both sides, so the export and the page cannot disagree; browsers offer it on HTTPS
 * (and localhost) pages only.
 */
import type { LookupMatch } from './lookup.ts';

export const SEALED_LOOKUP_FORMAT = 'sunshine-class-draw/sealed-lookup/v1';

/**
 * One derivation costs the page well under a second on a cheap phone, and an exporter 2 per student; it multiplies
 * the work of every offline guess by this many SHA-256 HMACs.
 */
export const DEFAULT_KDF_ITERATIONS = 20_000;

export interface SealedLookup {
  readonly format: typeof SEALED_LOOKUP_FORMAT;
  readonly kdf: { readonly name: 'PBKDF2-SHA-256'; readonly iterations: number; readonly salt: string };
  /** Entry index (16 hex digits) → the AES-GCM ciphertexts (base64, tag appended) of the matches as JSON. */
  readonly entries: Readonly<Record<string, readonly string[]>>;
}

// Every derived key encrypts exactly one message (students sharing a key share one answer), so a fixed nonce is safe.
const NONCE = new Uint8Array(12);
const encoder = new TextEncoder();

interface Derived {
  readonly index: string;
  readonly key: CryptoKey;
}

async function derive(lookupKey: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Derived> {
  const secret = await crypto.subtle.importKey('raw', encoder.encode(lookupKey), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(
    await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, secret, 256),
  );
  const key = await crypto.subtle.importKey('raw', bits.slice(16), 'AES-GCM', false, ['encrypt', 'decrypt']);
  return { index: toHex(bits.subarray(0, 8)), key };
}

/** Seals a school's lookup index (lookupIndex) for the static site. */
export async function sealLookup(
  index: ReadonlyMap<string, readonly LookupMatch[]>,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number = DEFAULT_KDF_ITERATIONS,
): Promise<SealedLookup> {
  const sealed = await Promise.all(
    [...index].map(async ([lookupKey, matches]) => {
      const { index: entry, key } = await derive(lookupKey, salt, iterations);
      const plain = encoder.encode(JSON.stringify(matches));
      return [entry, toBase64(new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: NONCE }, key, plain)))];
    }),
  );
  const entries: Record<string, string[]> = {};
  // Sorted, so the file's order says nothing about the roster's.
  for (const [entry, ciphertext] of sealed.sort(([a], [b]) => (a! < b! ? -1 : 1))) {
    (entries[entry!] ??= []).push(ciphertext!);
  }
  return { format: SEALED_LOOKUP_FORMAT, kdf: { name: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt) }, entries };
}

/** The matches the given lookup keys (queryLookupKeys) unlock, in key order. */
export async function openSealedLookup(sealed: SealedLookup, lookupKeys: readonly string[]): Promise<LookupMatch[][]> {
  const salt = fromBase64(sealed.kdf.salt);
  return Promise.all(
    lookupKeys.map(async (lookupKey) => {
      const { index, key } = await derive(lookupKey, salt, sealed.kdf.iterations);
      const found: LookupMatch[] = [];
      for (const ciphertext of sealed.entries[index] ?? []) {
        const plain = await crypto.subtle
          .decrypt({ name: 'AES-GCM', iv: NONCE }, key, fromBase64(ciphertext))
          .catch(() => null);
        // Another key's entry under the same 8-byte index does not decrypt: not a match.
        if (plain !== null) found.push(...(JSON.parse(new TextDecoder().decode(plain)) as LookupMatch[]));
      }
      return found;
    }),
  );
}

/** Whether parsed JSON has the shape of a sealed lookup file (read by the page, which cannot trust the network). */
export function isSealedLookup(value: unknown): value is SealedLookup {
  const file = value as Partial<SealedLookup> | null;
  return (
    typeof file === 'object' &&
    file !== null &&
    file.format === SEALED_LOOKUP_FORMAT &&
    Number.isInteger(file.kdf?.iterations) &&
    typeof file.kdf?.salt === 'string' &&
    typeof file.entries === 'object' &&
    file.entries !== null
  );
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}
