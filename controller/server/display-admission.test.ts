import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accessStores } from '../access-store.ts';
import { admissionId, DisplayAdmissions } from './display-admission.ts';

const DEVICE = 'device-token-0123456789abcdef';
const OTHER = 'device-token-fedcba9876543210';
const AT = new Date('2026-08-28T01:00:00Z');
const tempDir = () => mkdtempSync(join(tmpdir(), 'sunshine-admissions-'));

describe('DisplayAdmissions', () => {
  it('gives each waiting device its own six-digit code, the same one while it waits', () => {
    const admissions = new DisplayAdmissions(accessStores(tempDir()).admissions);
    const code = admissions.pairingCode(DEVICE);
    expect(code).toMatch(/^\d{6}$/);
    expect(admissions.pairingCode(DEVICE)).toBe(code);
    expect(admissions.pairingCode(OTHER)).not.toBe(code);
    expect(admissions.showing(code)).toBe(DEVICE);
    admissions.forget(DEVICE);
    expect(admissions.showing(code)).toBeNull();
  });

  it('admits the device showing the code, keeps it across a restart, and revokes it', () => {
    const dir = tempDir();
    const admissions = new DisplayAdmissions(accessStores(dir).admissions);
    const code = admissions.pairingCode(DEVICE);
    const record = admissions.admit(admissions.showing(code)!, '1920×1080 · Chrome 120', AT);
    expect(record).toMatchObject({ label: '1920×1080 · Chrome 120', admittedAt: AT.toISOString() });
    expect(JSON.stringify(record)).not.toContain(DEVICE);
    expect(admissions.isAdmitted(DEVICE)).toBe(true);
    expect(admissions.isAdmitted(OTHER)).toBe(false);
    expect(admissions.showing(code)).toBeNull();

    const restarted = new DisplayAdmissions(accessStores(dir).admissions);
    expect(restarted.isAdmitted(DEVICE)).toBe(true);
    expect(restarted.revoke('000000000000')).toBeNull();
    expect(restarted.revoke(admissionId(record))).toEqual(record);
    expect(restarted.isAdmitted(DEVICE)).toBe(false);
    expect(new DisplayAdmissions(accessStores(dir).admissions).admitted).toEqual([]);
  });

  it('admits none from a file it cannot read, rather than guess', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'admitted-displays.json'), '{"items": [{"tokenHash": "not a hash"}]}');
    expect(accessStores(dir).admissions.load()).toEqual([]);
    writeFileSync(join(dir, 'admitted-displays.json'), '{"items": [');
    expect(accessStores(dir).admissions.load()).toEqual([]);
  });
});
