/**
 * The static site's lookup data: the controller's lookup index (lookup.ts) with no name or number in clear. Each
 * lookup key (school, name and full ID number or 学籍号) goes through PBKDF2 with a per-export random salt; the first
 * 8 bytes of the result index the entry, the last 16 are the AES-GCM key that encrypts its answer (full name and
 * class). The page derives once per query; a wrong name or code finds no index, or fails to decrypt, and reads as
 * "not found". Web Crypto only, on both sides, so the export and the page cannot disagree; browsers offer it on HTTPS
 * (and localhost) pages only.
 *
 * Residual risk, stated plainly (docs/publication.md §5): a static file cannot limit guesses. Whoever knows a child's
 * name, school and so the birth year and region of the ID number has some 10^5 ID numbers to try offline, a few
 * seconds on a GPU at this cost; success confirms the class and gives the ID number. The cost per try is what stops
 * guessing names and numbers together for a whole school.
 */
import type { LookupMatch } from './lookup.ts';

export const SEALED_LOOKUP_FORMAT = 'sunshine-class-draw/sealed-lookup/v2';

/**
 * One derivation per query costs the page a fraction of a second (50–110 ms in Chromium on a 2-core server; a cheap
 * phone is a few times slower), and the exporter one or two per student; every offline guess pays this many
 * HMAC-SHA-256s. The arithmetic behind the figure is in docs/publication.md §5.
 */
export const DEFAULT_KDF_ITERATIONS = 300_000;

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

/** The matches the given lookup key (lookupKey) unlocks: none when it is not a key of the file. */
export async function openSealedLookup(sealed: SealedLookup, lookupKey: string): Promise<LookupMatch[]> {
  const { index, key } = await derive(lookupKey, fromBase64(sealed.kdf.salt), sealed.kdf.iterations);
  const found: LookupMatch[] = [];
  for (const ciphertext of sealed.entries[index] ?? []) {
    const plain = await crypto.subtle
      .decrypt({ name: 'AES-GCM', iv: NONCE }, key, fromBase64(ciphertext))
      .catch(() => null);
    // Another key's entry under the same 8-byte index does not decrypt: not a match.
    if (plain !== null) found.push(...(JSON.parse(new TextDecoder().decode(plain)) as LookupMatch[]));
  }
  return found;
}

/** Whether parsed JSON has the shape of a sealed lookup file (read by the page, which cannot trust the network). */
export function isSealedLookup(value: unknown): value is SealedLookup {
  const file = value as Partial<SealedLookup> | null;
  return (
    typeof file === 'object' &&
    file !== null &&
    file.format === SEALED_LOOKUP_FORMAT &&
    Number.isSafeInteger(file.kdf?.iterations) &&
    (file.kdf?.iterations ?? 0) > 0 &&
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
