/**
 * A full disk under the real controller (`sunshine serve`): its data directory on a small tmpfs, filled to the last
 * page in the middle of the ceremony. Each command is then answered with a clear message in both languages (no stack
 * trace, anywhere), nothing is stored and the state stays where it was; changing the display's scene does not stop
 * the process. Space is then given back a page at a time (so one attempt commits with the disk full again right
 * after), then all of it, and the ceremony goes on to its close: the audit log verifies and holds each command once,
 * the very ceremony an uninterrupted run makes.
 *
 * Mounting needs root, which the tests have here and in CI; elsewhere the test says why it cannot run.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OperatorRequest } from '../controller/contract/protocol.ts';
import { command, connect } from './support/client.ts';
import { PASSPHRASE, demoRequests } from './support/demo-ceremony.ts';
import { killHard, startServer, stopServers } from './support/server-process.ts';
import { auditVerify, comparableEntries, readStored, ReferenceCeremony } from './support/stored-ceremony.ts';

const DISK = '8m';
const PAGE = 4096;
const PUBLIC_VALUE = { source: '2026年8月19日 中国福利彩票“3D”第2026219期开奖号码', value: '509' };

const mountPoint = mkdtempSync(join(tmpdir(), 'sunshine-small-disk-'));
let cannotMount: string | null = null;

beforeAll(() => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${DISK}`, 'tmpfs', mountPoint], { stdio: 'pipe' });
  } catch (error) {
    const said = String((error as { stderr?: unknown }).stderr ?? error);
    // Only a refusal to mount at all lets the test off; any other failure is one.
    if (!/permission denied|must be superuser|not permitted|EPERM|only root/i.test(said)) throw error;
    cannotMount = `mount -t tmpfs is not permitted here (${said.trim()})`;
  }
});

afterAll(() => {
  stopServers();
  if (cannotMount === null) execFileSync('umount', ['--lazy', mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

/** Writes `file` until the disk has not one page left; returns its size. */
function fillDisk(file: string): number {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * PAGE, 0x5a);
  let written = 0;
  try {
    for (const size of [chunk.length, PAGE]) {
      for (;;) {
        try {
          written += writeSync(fd, chunk, 0, size);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return written;
}

const STACK_TRACE = /^\s+at |SqliteError|SQLITE_/m;

it('tells the operator, keeps the data whole, and goes on once space is freed', async (context) => {
  if (cannotMount !== null) {
    console.warn(`fault-disk-full skipped: ${cannotMount}`);
    context.skip(cannotMount);
  }
  const requests = await demoRequests('primary', PUBLIC_VALUE);
  const firstDraw = requests.findIndex((request) => request.type === 'school:draw');
  const dataDir = join(mountPoint, 'data');
  mkdirSync(dataDir);
  const server = startServer(dataDir);
  const port = await server.port;
  expect(port, server.errors()).not.toBeNull();
  const operator = await connect(port!, { role: 'console', passphrase: PASSPHRASE });
  const run = async (request: OperatorRequest) => {
    const reply = await command(operator.socket, request);
    expect(reply, `${request.type}: ${JSON.stringify(reply)}`).toMatchObject({ ok: true });
  };
  for (const request of requests.slice(0, firstDraw)) await run(request);
  const revision = () => operator.socket.emitWithAck('snapshot:get').then((snapshot) => snapshot.revision);

  const filler = join(mountPoint, 'filler');
  const filled = fillDisk(filler);
  const draw = requests[firstDraw]!;
  const full = await command(operator.socket, draw);
  expect(full).toMatchObject({ ok: false, error: { code: 'internal-error' } });
  if (full.ok) throw new Error('accepted on a full disk');
  expect(full.error.zh).toMatch(/磁盘已满.*未作任何更改.*释放/);
  expect(full.error.en).toMatch(/disk .* is full.*nothing was changed.*[Ff]ree space/);
  expect(`${full.error.zh}\n${full.error.en}`).not.toMatch(STACK_TRACE);
  expect(await revision()).toBe(firstDraw);
  // A request the ceremony refuses cannot be logged either, and says so rather than fail.
  const publish = { type: 'school:publish', school: (draw as { school: string }).school };
  expect(await command(operator.socket, publish)).toMatchObject({ ok: false, error: { zh: full.error.zh } });
  // The display's scene changes in memory (the hall goes on); the file keeps the last one saved.
  expect(await operator.socket.emitWithAck('presentation:set', { theme: 'stage' })).toMatchObject({ ok: true });

  // A page at a time: the attempt that first fits commits with the disk full again behind it.
  let attempts = 1;
  for (let size = filled; ; attempts++) {
    expect(size, 'freed the whole filler and the draw still does not fit').toBeGreaterThan(0);
    size = Math.max(0, size - PAGE);
    truncateSync(filler, size);
    const reply = await command(operator.socket, draw);
    if (reply.ok) {
      expect(reply.value.revision).toBe(firstDraw + 1);
      break;
    }
    expect(reply.error.zh, `attempt ${attempts + 1}`).toBe(full.error.zh);
    expect(await revision()).toBe(firstDraw);
  }
  expect(attempts, 'the draw needs more than one page').toBeGreaterThan(1);
  expect(server.child.exitCode).toBeNull();
  rmSync(filler);
  for (const request of requests.slice(firstDraw + 1)) await run(request);
  const final = await operator.socket.emitWithAck('snapshot:get');
  operator.socket.close();
  await killHard(server.child);

  expect(server.errors()).not.toMatch(STACK_TRACE);
  // Twice: the scene set on the full disk, and the one the draw moved to, committed with no page left behind it.
  const unsaved = server.errors().match(/未能保存大屏显示设置.*\n.*cannot save the display setting/g) ?? [];
  expect(unsaved.length, server.errors()).toBeGreaterThanOrEqual(2);
  const verify = auditVerify(dataDir);
  expect(verify.status, verify.printed).toBe(0);
  const { chain } = readStored(dataDir);
  const reference = new ReferenceCeremony(requests);
  const expected = await reference.at(requests.length, chain);
  expect(await comparableEntries(chain)).toEqual(await comparableEntries(expected.log.chain()));
  expect(final).toEqual(reference.snapshot());
  reference.close();
  console.log(
    `fault-disk-full: ${DISK} tmpfs filled with ${Math.round(filled / 1024)} KiB; the draw was refused ` +
      `${attempts} times, then committed with ${attempts} page(s) freed`,
  );
}, 120_000);
