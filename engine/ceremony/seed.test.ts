import { createHmac } from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { commitment, deriveSeed, type AnnouncedValue, type SeedInputs } from './seed.ts';

const inputs: SeedInputs = {
  secretHex: '00'.repeat(31) + '01',
  planHash: 'aa'.repeat(32),
  school: '信州区第一小学',
  rosterHash: 'bb'.repeat(32),
  contribution: '314159',
  publicValue: null,
};

const announced: AnnouncedValue = { source: '中国福利彩票“3D”第2026318期开奖号码', value: '3 7 5' };

/** HMAC-SHA256 over the documented framing, written again with Node's own crypto: 4-byte big-endian length, UTF-8. */
function outsideSeed(fields: readonly string[]): string {
  const field = (text: string) => {
    const bytes = Buffer.from(text, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    return Buffer.concat([length, bytes]);
  };
  const key = Buffer.from(inputs.secretHex, 'hex');
  return createHmac('sha256', key)
    .update(Buffer.concat(fields.map(field)))
    .digest('hex');
}

describe('school seeds', () => {
  const { planHash, school, rosterHash, contribution } = inputs;

  it('are HMAC-SHA256(secret, length-prefixed label and inputs), as an outside verifier computes them', () => {
    const expected = outsideSeed(['sunshine-class-draw/seed/students/v1', planHash, school, rosterHash, contribution]);
    expect(bytesToHex(deriveSeed('students', inputs))).toBe(expected);
  });

  it('take a public value as two more fields under their own label', () => {
    const withValue = { ...inputs, publicValue: announced };
    const fields = [planHash, school, rosterHash, contribution, announced.source, announced.value];
    expect(bytesToHex(deriveSeed('students', withValue))).toBe(
      outsideSeed(['sunshine-class-draw/seed/students+public-value/v1', ...fields]),
    );
    expect(bytesToHex(deriveSeed('teachers', withValue))).toBe(
      outsideSeed(['sunshine-class-draw/seed/teachers+public-value/v1', ...fields]),
    );
  });

  const textFields = ['secretHex', 'planHash', 'school', 'rosterHash', 'contribution'] as const;
  it.each(textFields)('change whenever %s changes', (field) => {
    const changed = { ...inputs, [field]: field === 'school' ? '信州区第二小学' : inputs[field].replace(/.$/, '2') };
    expect(bytesToHex(deriveSeed('students', changed))).not.toBe(bytesToHex(deriveSeed('students', inputs)));
  });

  it.each<[string, AnnouncedValue]>([
    ['added', announced],
    ['changed', { ...announced, value: '3 7 6' }],
    ['named otherwise', { ...announced, source: '中国福利彩票“3D”第2026319期开奖号码' }],
    // The boundary between source and value is in the bytes too.
    ['moved across fields', { source: `${announced.source}3`, value: ' 7 5' }],
  ])('change when the public value is %s', (_, publicValue) => {
    const seeds = [null, announced, publicValue].map((value) =>
      bytesToHex(deriveSeed('students', { ...inputs, publicValue: value })),
    );
    expect(new Set(seeds).size).toBe(publicValue === announced ? 2 : 3);
  });

  it('differ between the student draw and the teacher draw', () => {
    expect(bytesToHex(deriveSeed('teachers', inputs))).not.toBe(bytesToHex(deriveSeed('students', inputs)));
  });

  it('keep fields apart: moving a character from one field to the next gives another seed', () => {
    const a = deriveSeed('students', { ...inputs, school: 'AB', contribution: '1' });
    const b = deriveSeed('students', { ...inputs, school: 'A', contribution: 'B1' });
    expect(bytesToHex(a)).not.toBe(bytesToHex(b));
  });

  it('commit to the secret with SHA-256', () => {
    expect(commitment(inputs.secretHex)).toBe(bytesToHex(sha256(hexToBytes(inputs.secretHex))));
  });
});
