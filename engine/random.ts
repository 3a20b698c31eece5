import { chacha20 } from '@noble/ciphers/chacha.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

/** A 256-bit seed: the only source of randomness the engine accepts. */
export type Seed = Uint8Array;

export const SEED_BYTES = 32;

/**
 * A deterministic cryptographically strong stream of random integers: the ChaCha20 keystream under a key derived
 * from the seed and a purpose label, so independent uses of one seed never share bits.
 */
export interface RandomStream {
  /** A uniform 32-bit unsigned integer. */
  uint32(): number;
  /** A uniform integer in [0, bound), by rejection sampling: no modulo bias. */
  below(bound: number): number;
}

const BLOCKS_PER_REFILL = 256;
const REFILL_BYTES = 64 * BLOCKS_PER_REFILL;
const NONCE = new Uint8Array(12);
const ZEROS = new Uint8Array(REFILL_BYTES);
const TWO_POW_32 = 0x1_0000_0000;

export function parseSeedHex(hex: string): Seed | null {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return null;
  const seed = new Uint8Array(SEED_BYTES);
  for (let i = 0; i < SEED_BYTES; i++) seed[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return seed;
}

export function seedToHex(seed: Seed): string {
  return Array.from(seed, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function randomStream(seed: Seed, purpose: string): RandomStream {
  if (seed.length !== SEED_BYTES) throw new RangeError(`seed must be ${SEED_BYTES} bytes, got ${seed.length}`);
  const key = hmac(sha256, seed, utf8ToBytes(`sunshine-class-draw/${purpose}`));
  const buffer = new Uint8Array(REFILL_BYTES);
  const words = new Uint32Array(buffer.buffer);
  let blockCounter = 0;
  let next = words.length;

  function uint32(): number {
    if (next === words.length) {
      chacha20(key, NONCE, ZEROS, buffer, blockCounter);
      blockCounter += BLOCKS_PER_REFILL;
      next = 0;
    }
    // Uint32Array reads bytes in platform order; every platform JS runs on is little-endian, and the golden test
    // would catch one that is not.
    return words[next++]!;
  }

  function below(bound: number): number {
    if (!Number.isInteger(bound) || bound < 1 || bound > TWO_POW_32) throw new RangeError(`bad bound ${bound}`);
    const limit = TWO_POW_32 - (TWO_POW_32 % bound);
    for (;;) {
      const value = uint32();
      if (value < limit) return value % bound;
    }
  }

  return { uint32, below };
}

/** Fisher–Yates shuffle in place, driven by the stream. */
export function shuffleInPlace<T>(items: T[], random: RandomStream): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    const item = items[i]!;
    items[i] = items[j]!;
    items[j] = item;
  }
  return items;
}
