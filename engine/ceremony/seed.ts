/**
 * Where each draw's randomness comes from. A school's seed is HMAC-SHA256 keyed by the secret generated at the seal,
 * over a domain label and every public input of that draw, so no input can be swapped without changing the seed and
 * no two purposes share one. The seal publishes only the commitment SHA-256(secret); the close reveals the secret
 * (docs/verification.md).
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Seed } from '../random.ts';

export type SeedPurpose = 'students' | 'teachers';

/** Domain labels: changing what goes into a seed must change its label, so old draws stay reproducible. */
const DOMAIN: Readonly<Record<SeedPurpose, string>> = {
  students: 'sunshine-class-draw/seed/students/v1',
  teachers: 'sunshine-class-draw/seed/teachers/v1',
};

/**
 * The labels of seeds that also take an external public value (two more fields): a ceremony without one keeps the
 * labels and bytes above, so its seeds are the same as before public values existed.
 */
const DOMAIN_WITH_PUBLIC_VALUE: Readonly<Record<SeedPurpose, string>> = {
  students: 'sunshine-class-draw/seed/students+public-value/v1',
  teachers: 'sunshine-class-draw/seed/teachers+public-value/v1',
};

/** The external public value named at the seal (`public-value.ts`), once announced and entered. */
export interface AnnouncedValue {
  readonly source: string;
  readonly value: string;
}

export interface SeedInputs {
  /** The 256-bit secret generated at the seal, as 64 hex digits. */
  readonly secretHex: string;
  readonly planHash: string;
  readonly school: string;
  readonly rosterHash: string;
  /** The parent representatives' public input (digits or dice, see `contribution.ts`), exactly as typed. */
  readonly contribution: string;
  /** Null when the seal named none. */
  readonly publicValue: AnnouncedValue | null;
}

export function deriveSeed(purpose: SeedPurpose, inputs: SeedInputs): Seed {
  const { planHash, school, rosterHash, contribution, publicValue } = inputs;
  const fields =
    publicValue === null
      ? [DOMAIN[purpose], planHash, school, rosterHash, contribution]
      : [
          DOMAIN_WITH_PUBLIC_VALUE[purpose],
          planHash,
          school,
          rosterHash,
          contribution,
          publicValue.source,
          publicValue.value,
        ];
  return hmac(sha256, hexToBytes(inputs.secretHex), lengthPrefixed(fields));
}

/** The commitment printed on the seal certificate. */
export function commitment(secretHex: string): string {
  return bytesToHex(sha256(hexToBytes(secretHex)));
}

/** Each field as a 4-byte big-endian length and its UTF-8 bytes, so ("ab","c") and ("a","bc") differ. */
function lengthPrefixed(fields: readonly string[]): Uint8Array {
  const parts = fields.map((field) => utf8ToBytes(field));
  const out = new Uint8Array(parts.reduce((sum, part) => sum + 4 + part.length, 0));
  const view = new DataView(out.buffer);
  let offset = 0;
  for (const part of parts) {
    view.setUint32(offset, part.length);
    out.set(part, offset + 4);
    offset += 4 + part.length;
  }
  return out;
}
