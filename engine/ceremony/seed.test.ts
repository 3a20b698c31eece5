import { createHmac } from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { commitment, deriveSeed, type SeedInputs } from './seed.ts';

const inputs: SeedInputs = {
  secretHex: '00'.repeat(31) + '01',
  planHash: 'aa'.repeat(32),
  school: '信州区第一小学',
  rosterHash: 'bb'.repeat(32),
  contribution: '314159',
};

describe('school seeds', () => {
  it('are HMAC-SHA256(secret, length-prefixed label and inputs), as an outside verifier computes them', () => {
    const field = (text: string) => {
      const bytes = Buffer.from(text, 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32BE(bytes.length);
      return Buffer.concat([length, bytes]);
    };
    const { secretHex, planHash, school, rosterHash, contribution } = inputs;
    const message = Buffer.concat(
      ['sunshine-class-draw/seed/students/v1', planHash, school, rosterHash, contribution].map(field),
    );
    const expected = createHmac('sha256', Buffer.from(secretHex, 'hex')).update(message).digest('hex');
    expect(bytesToHex(deriveSeed('students', inputs))).toBe(expected);
  });

  it.each(Object.keys(inputs) as (keyof SeedInputs)[])('change whenever %s changes', (field) => {
    const changed = { ...inputs, [field]: field === 'school' ? '信州区第二小学' : inputs[field].replace(/.$/, '2') };
    expect(bytesToHex(deriveSeed('students', changed))).not.toBe(bytesToHex(deriveSeed('students', inputs)));
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
