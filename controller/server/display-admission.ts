/**
 * Which displays may see the roster in clear: until the operator admits one, a display gets the public snapshot and
 * shows a pairing code; the operator types that code on the console to admit it, and may revoke it again. An
 * admission is bound to the display's device token (kept in its browser), so it survives a reload, and is kept by
 * `access-store.ts`, so it survives a controller restart. A display on the controller machine itself is admitted by
 * being there (`sockets.ts`). docs/decisions/013-admission-and-operator-seat.md.
 */
import { randomInt } from 'node:crypto';
import { tokenHash, type AdmittedRecord, type JsonListFile } from '../access-store.ts';

/** Waiting devices remembered at most: each reload of an unknown page adds one until it leaves. */
const MAX_WAITING = 1000;

/** An admission's id in the consoles' list: the first 12 hex digits of its token's hash. */
export const admissionId = (record: AdmittedRecord): string => record.tokenHash.slice(0, 12);

export class DisplayAdmissions {
  private records: AdmittedRecord[];
  /** Device token → the pairing code it shows, while it waits. */
  private readonly waiting = new Map<string, string>();

  constructor(private readonly store: Pick<JsonListFile<AdmittedRecord>, 'load' | 'save'>) {
    this.records = store.load();
  }

  get admitted(): readonly AdmittedRecord[] {
    return this.records;
  }

  isAdmitted(device: string): boolean {
    const hash = tokenHash(device);
    return this.records.some((record) => record.tokenHash === hash);
  }

  /** The code a waiting device shows: the same one while it waits, so a reload shows what the operator read. */
  pairingCode(device: string): string {
    const known = this.waiting.get(device);
    if (known !== undefined) return known;
    const taken = new Set(this.waiting.values());
    let code: string;
    do code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    while (taken.has(code));
    this.waiting.set(device, code);
    if (this.waiting.size > MAX_WAITING) this.waiting.delete(this.waiting.keys().next().value!);
    return code;
  }

  /** The waiting device that shows `code`, or null when none does. */
  showing(code: string): string | null {
    return [...this.waiting].find(([, shown]) => shown === code)?.[0] ?? null;
  }

  admit(device: string, label: string, at: Date): AdmittedRecord {
    this.waiting.delete(device);
    const record: AdmittedRecord = { tokenHash: tokenHash(device), label, admittedAt: at.toISOString() };
    this.records = [...this.records, record];
    this.store.save(this.records);
    return record;
  }

  /** Ends the admission named `id`; the revoked record, or null when there is none such. */
  revoke(id: string): AdmittedRecord | null {
    const record = this.records.find((candidate) => admissionId(candidate) === id);
    if (record === undefined) return null;
    this.records = this.records.filter((candidate) => candidate !== record);
    this.store.save(this.records);
    return record;
  }

  /** Whether `device` is the one this record admits. */
  matches(record: AdmittedRecord, device: string): boolean {
    return record.tokenHash === tokenHash(device);
  }

  /** The device no longer waits (it left, and no other page of it is connected). */
  forget(device: string): void {
    this.waiting.delete(device);
  }
}
