import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { hexToBytes } from '@noble/hashes/utils.js';
import type { CeremonyCommand } from '../engine/ceremony/state.ts';
import { randomStream, shuffleInPlace, type RandomStream } from '../engine/random.ts';
import type { OperatorRequest, Snapshot } from '../controller/contract/protocol.ts';
import { toSnapshot } from '../controller/snapshot.ts';
import { DATABASE_FILE } from '../controller/storage/database.ts';
import { openCeremony } from '../controller/ceremony.ts';
import { command, connect, type Client } from './support/client.ts';
import { startServer, stopServers } from './support/server-process.ts';
import { FIXED_SERVICES, PASSPHRASE, demoRequests, tempDataDir } from './support/demo-ceremony.ts';

const KILLS = 5;
/** Kill points are drawn from this seed; set CRASH_SEED to replay a failing run. */
const seedHex = process.env['CRASH_SEED'] ?? randomBytes(32).toString('hex');

afterEach(stopServers);

/** `count` distinct indexes below `bound`, in increasing order. */
function sample(count: number, bound: number, random: RandomStream): number[] {
  const indexes = shuffleInPlace(
    Array.from({ length: bound }, (_, index) => index),
    random,
  );
  return indexes.slice(0, count).sort((a, b) => a - b);
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

/** The reply, or null if the connection dies first. */
function commandUnlessKilled(client: Client, request: OperatorRequest) {
  const died = new Promise<null>((resolve) => client.socket.once('disconnect', () => resolve(null)));
  return Promise.race([command(client.socket, request), died]);
}

describe('kill -9 at random moments during a ceremony driven over sockets', () => {
  it(`loses nothing and doubles nothing (CRASH_SEED=${seedHex})`, async () => {
    const random = randomStream(hexToBytes(seedHex), 'crash-test');
    const requests = await demoRequests('primary');
    const dataDir = tempDataDir();
    // A kill during each of four random commands, and one while the controller starts up replaying its log.
    const [first, second, ...rest] = sample(KILLS - 1, requests.length, random);
    const killPlan: (number | 'startup')[] = [first!, second!, 'startup', ...rest];
    const killedAt: string[] = [];
    let next = 0;
    let final: Snapshot | null = null;
    for (let run = 0; final === null; run++) {
      const { child, port } = startServer(dataDir);
      const kill = (where: string) => {
        if (child.killed || child.exitCode !== null) return;
        child.kill('SIGKILL');
        killedAt.push(where);
      };
      const killing = run < killPlan.length;
      const killPoint = killPlan[run];
      if (killPoint === 'startup') setTimeout(() => kill('starting up'), random.below(400));
      const listening = await port;
      const client =
        listening === null
          ? null
          : await connect(listening, { role: 'console', passphrase: PASSPHRASE }).catch(() => null);
      if (client !== null) {
        // Resume from what the controller says is done: the reply to a command may have been lost with the process.
        const done = client.snapshot.revision;
        expect(done === next || done === next + 1, `revision ${done} after ${next} acknowledged`).toBe(true);
        next = done;
        const killIndex = typeof killPoint === 'number' ? Math.max(killPoint, next) : -1;
        while (next < requests.length) {
          const request = requests[next]!;
          const where = `${request.type} #${next + 1}`;
          if (next === killIndex) setTimeout(() => kill(where), random.below(25));
          const reply = await commandUnlessKilled(client, request);
          if (reply === null) break;
          expect(reply, `${request.type}: ${JSON.stringify(reply)}`).toMatchObject({
            ok: true,
            value: { revision: next + 1 },
          });
          next++;
        }
        if (next === requests.length && !killing) final = await client.socket.emitWithAck('snapshot:get');
        client.socket.close();
      }
      if (killing) {
        kill('after the last command');
        await exited(child);
      } else {
        child.kill('SIGTERM');
      }
    }
    expect(killedAt, `killed at: ${killedAt.join('; ')}`).toHaveLength(KILLS);
    expect(killedAt).toContain('starting up');
    expect(final.revision).toBe(requests.length);

    // The accepted commands are exactly the ceremony's, each once; one result per school and kind.
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    const commands = (
      db.prepare("SELECT body FROM audit WHERE kind = 'command' ORDER BY seq").all() as { body: string }[]
    ).map((row) => (JSON.parse(row.body) as { command: CeremonyCommand }).command);
    const results = db.prepare('SELECT count(*) AS n FROM results').get() as { n: number };
    db.close();
    // A plan file is logged as the plan it holds.
    const step = (item: { type: string; school?: string }) =>
      `${item.type === 'plan:import' ? 'plan:set' : item.type} ${item.school ?? ''}`;
    expect(commands.map(step)).toEqual(requests.map((request) => step(request)));
    expect(results.n).toBe(6);

    // Same as an uninterrupted run of the same requests with the same secret and build hash.
    const seal = commands.find((found) => found.type === 'ceremony:seal')!;
    if (seal.type !== 'ceremony:seal') throw new Error('no seal');
    const uninterrupted = openCeremony(tempDataDir(), {
      ...FIXED_SERVICES,
      entropy: () => hexToBytes(seal.secretHex),
      buildHash: () => Promise.resolve(seal.buildHash),
    });
    for (const request of requests) await uninterrupted.service.submit(request, 'test');
    expect(final).toEqual(toSnapshot(uninterrupted.service.state, 'hall'));
    uninterrupted.log.close();
  }, 180_000); // Six server starts, each replaying the log: slow on a busy machine.
});
