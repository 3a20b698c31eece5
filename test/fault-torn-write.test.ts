/**
 * Torn writes. A power cut in the middle of a write leaves the file holding the new bytes up to some point and the
 * old ones after it. The ceremony's writes (a small district's, every step of it, the public value too: its replays
 * are quick) are the WAL's (each command appends frames, synced at the commit) and the main database file's (the checkpoint when the controller closes, or when the WAL grows large). For every command
 * of a whole ceremony, and for the checkpoints, the files are cut at offsets drawn from FAULT_SEED inside the bytes
 * that write changed, together with the shared-memory index as it was (stale, as after a crash). Each copy is opened
 * by the controller's own open path and must be exactly the state before the write or, once the write is complete,
 * after it; and `sunshine audit verify` passes on it.
 *
 * Damage no crash makes (a destroyed header, a page of noise) must be refused with a clear message in both
 * languages, never a stack trace, or, where it hit unused space, leave exactly the stored ceremony.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hexToBytes } from '@noble/hashes/utils.js';
import { afterAll, expect, it } from 'vitest';
import { randomStream, type RandomStream } from '../engine/random.ts';
import type { Snapshot } from '../controller/contract/protocol.ts';
import { openOrExplain } from '../controller/cli/open.ts';
import { toSnapshot } from '../controller/snapshot.ts';
import type { StoredResult } from '../controller/storage/audit-log.ts';
import { DATABASE_FILE } from '../controller/storage/database.ts';
import { openCeremony, type Ceremony } from '../controller/ceremony.ts';
import { FIXED_SERVICES, districtRequests, tempDataDir } from './support/demo-ceremony.ts';
import { writeSmallDistrict } from './support/small-district.ts';
import { auditVerify } from './support/stored-ceremony.ts';

const seedHex = process.env['FAULT_SEED'] ?? '746f726e2077726974657320617420726570726f64756369626c65206f666673';
const CUTS_PER_WRITE = 3;
const PAGE_BYTES = 4096;
const PUBLIC_VALUE = { source: '2026年8月19日 中国福利彩票“3D”第2026219期开奖号码', value: '509' };
const NAMES = { db: DATABASE_FILE, wal: `${DATABASE_FILE}-wal`, shm: `${DATABASE_FILE}-shm` } as const;

type Files = Readonly<Record<keyof typeof NAMES, Buffer | null>>;

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function readFiles(dir: string): Files {
  const read = (name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name)) : null);
  return { db: read(NAMES.db), wal: read(NAMES.wal), shm: read(NAMES.shm) };
}

function writeFiles(files: Files): string {
  const dir = mkdtempSync(join(tmpdir(), 'sunshine-torn-'));
  scratch.push(dir);
  for (const key of ['db', 'wal', 'shm'] as const) {
    const content = files[key];
    if (content !== null) writeFileSync(join(dir, NAMES[key]), content);
  }
  return dir;
}

/** Where `after` first differs from `before`: the write began there. */
function firstDifference(before: Buffer | null, after: Buffer): number {
  const old = before ?? Buffer.alloc(0);
  const shorter = Math.min(old.length, after.length);
  for (let offset = 0; offset < shorter; offset++) if (old[offset] !== after[offset]) return offset;
  return shorter;
}

/** The file as a write of `after` over `before` left it when cut `at` bytes in. */
function torn(before: Buffer | null, after: Buffer, at: number): Buffer {
  const old = before ?? Buffer.alloc(0);
  return Buffer.concat([after.subarray(0, at), old.subarray(Math.min(at, old.length))]);
}

/** Offsets inside the bytes the write changed, its end (the write complete) included. */
function cuts(before: Buffer | null, after: Buffer, random: RandomStream): number[] {
  const start = firstDifference(before, after);
  const span = after.length - start;
  return Array.from({ length: CUTS_PER_WRITE }, () => start + random.below(span + 1));
}

interface Expected {
  readonly snapshot: Snapshot;
  readonly hashes: readonly string[];
  readonly results: readonly StoredResult[];
}

const expectedOf = (ceremony: Ceremony): Expected => ({
  snapshot: toSnapshot(ceremony.service.state, 'hall'),
  hashes: ceremony.log.chain().map((entry) => entry.hash),
  results: ceremony.log.results(),
});

/** What the controller says when it will not open the data: both languages, no stack trace. */
function expectClearRefusal(printed: string, what: string): void {
  expect(printed, what).toMatch(/[\u4e00-\u9fff]/);
  expect(printed, what).toMatch(/[a-z]{3,} [a-z]{3,}/);
  expect(printed, what).not.toMatch(/^\s+at /m);
  expect(printed, what).not.toMatch(/SqliteError|Error:/);
}

/**
 * Opens the copy as `sunshine serve` would. Null when refused (having checked the refusal is clear); else the state
 * it opened at, which must be one of `allowed` (revisions), whole and verifying.
 */
function openCopy(dir: string, allowed: readonly number[], expected: readonly Expected[], what: string): number | null {
  let printed = '';
  const collect = (text: string) => void (printed += `${text}\n`);
  const ceremony = openOrExplain(dir, { out: collect, err: collect });
  if (ceremony === null) {
    expectClearRefusal(printed, what);
    return null;
  }
  const revision = ceremony.service.state.revision;
  const opened = expectedOf(ceremony);
  ceremony.log.close();
  expect(allowed, `${what}: opened at revision ${revision}`).toContain(revision);
  expect(opened, what).toEqual(expected[revision]);
  const verify = auditVerify(dir);
  expect(verify.status, `${what}: ${verify.printed}`).toBe(0);
  return revision;
}

it(`opens every torn write of a ceremony as the state before or after it (FAULT_SEED=${seedHex})`, async () => {
  const random = randomStream(hexToBytes(seedHex), 'fault-torn-write');
  const requests = await districtRequests(writeSmallDistrict().rosters, PUBLIC_VALUE);
  const dataDir = tempDataDir();
  scratch.push(dataDir);
  let ceremony = openCeremony(dataDir, FIXED_SERVICES);
  const expected: Expected[] = [expectedOf(ceremony)];
  let opened = 0;

  /** A checkpoint torn part-way: the database file cut, the WAL it copies from still whole. */
  const closeTorn = (what: string) => {
    const before = readFiles(dataDir);
    ceremony.log.close();
    const after = readFiles(dataDir);
    expect(after.wal, 'closing checkpoints the WAL into the database and removes it').toBeNull();
    const revision = expected.length - 1;
    for (const at of cuts(before.db, after.db!, random)) {
      openCopy(writeFiles({ ...before, db: torn(before.db, after.db!, at) }), [revision], expected, `${what} at ${at}`);
      opened++;
    }
  };

  // Closed once mid-way, so that one command also writes a new WAL from its header on.
  const reopenAfter = 1 + random.below(requests.length - 2);
  for (const [index, request] of requests.entries()) {
    const before = readFiles(dataDir);
    expect((await ceremony.service.submit(request, 'test')).ok, request.type).toBe(true);
    expected.push(expectedOf(ceremony));
    const after = readFiles(dataDir);
    for (const at of cuts(before.wal, after.wal!, random)) {
      const complete = at === after.wal!.length;
      const what = `${request.type} #${index + 1}, WAL cut at ${at} of ${after.wal!.length}`;
      const copy = writeFiles({ db: after.db, wal: torn(before.wal, after.wal!, at), shm: after.shm });
      expect(openCopy(copy, complete ? [index + 1] : [index], expected, what), what).not.toBeNull();
      opened++;
    }
    if (index + 1 === reopenAfter) {
      closeTorn(`checkpoint after ${request.type} #${index + 1}`);
      ceremony = openCeremony(dataDir, FIXED_SERVICES);
    }
  }
  closeTorn('checkpoint at the end');

  // Damage beyond any crash, on the checkpointed database.
  const final = readFiles(dataDir);
  const last = expected.length - 1;
  const header = Buffer.from(final.db!);
  header.fill(0, 0, 100);
  expect(openCopy(writeFiles({ ...final, db: header }), [], expected, 'header destroyed')).toBeNull();
  // Every page in turn: filled with noise, or one byte at a random place flipped.
  const pages = final.db!.length / PAGE_BYTES;
  const outcomes = { refused: 0, opened: 0 };
  for (let page = 0; page < pages; page++) {
    const noisy = Buffer.from(final.db!);
    noisy.set(randomBytesFrom(random, PAGE_BYTES), page * PAGE_BYTES);
    const flipped = Buffer.from(final.db!);
    const at = page * PAGE_BYTES + random.below(PAGE_BYTES);
    flipped[at] = flipped[at]! ^ (1 + random.below(255));
    for (const [db, what] of [
      [noisy, `page ${page + 1} of ${pages} overwritten with noise`],
      [flipped, `byte ${at} flipped`],
    ] as const) {
      const outcome = openCopy(writeFiles({ ...final, db }), [last], expected, what);
      outcomes[outcome === null ? 'refused' : 'opened']++;
    }
  }
  expect(opened).toBe(requests.length * CUTS_PER_WRITE + 2 * CUTS_PER_WRITE);
  console.log(
    `fault-torn-write: ${opened} torn copies opened as before or after their write; of ${2 * pages} damaged ` +
      `copies ${outcomes.refused} refused, ${outcomes.opened} opened whole (the damage fell on unused bytes)`,
  );
}, 120_000);

function randomBytesFrom(random: RandomStream, count: number): Uint8Array {
  return Uint8Array.from({ length: count }, () => random.below(256));
}
