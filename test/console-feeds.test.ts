/**
 * What the controller tells consoles beside the snapshot, over real sockets: the audit log's tail (the entries and
 * hashes the log holds), which displays are connected and what they show, when each step was done, and its clock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connectLive, type LiveSocket } from '../controller/contract/live-client.ts';
import type { AuditSummary, CeremonyTimes, DisplayPresence, Handshake } from '../controller/contract/protocol.ts';
import { TAIL_LENGTH } from '../controller/server/audit-feed.ts';
import { openCeremony } from '../controller/ceremony.ts';
import { startController, type RunningController } from '../controller/wiring.ts';
import { command, until } from './support/client.ts';
import { demoRequests, FIXED_SERVICES, PASSPHRASE, tempDataDir } from './support/demo-ceremony.ts';

const running: RunningController[] = [];
const sockets: LiveSocket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  for (const controller of running.splice(0)) await controller.close();
});

interface Watcher {
  readonly socket: LiveSocket;
  readonly tail: (readonly AuditSummary[])[];
  readonly displays: (readonly DisplayPresence[])[];
  readonly times: CeremonyTimes[];
}

/** Connects as the apps do and records every feed message, from the first, sent on connecting. */
async function watch(port: number, handshake: Handshake): Promise<Watcher> {
  const socket = connectLive(handshake, `http://127.0.0.1:${port}`);
  sockets.push(socket);
  const watcher: Watcher = { socket, tail: [], displays: [], times: [] };
  socket.on('audit:tail', (entries) => watcher.tail.push(entries));
  socket.on('displays:update', (displays) => watcher.displays.push(displays));
  socket.on('ceremony:times', (times) => watcher.times.push(times));
  await until(() => watcher.times.length > 0, 'the first times');
  return watcher;
}

async function boot(): Promise<RunningController> {
  const controller = await startController(openCeremony(tempDataDir(), FIXED_SERVICES), 0);
  running.push(controller);
  return controller;
}

describe('the consoles’ feeds', () => {
  it('give the audit log’s newest entries with their chain hashes, refusals included, and when steps were done', async () => {
    const controller = await boot();
    const operator = await watch(controller.port, { role: 'console' });
    const display = await watch(controller.port, { role: 'display' });
    await until(() => operator.tail.length === 1 && operator.times.length === 1, 'the first feeds');
    expect(operator.tail[0]).toEqual([]);
    expect(operator.times[0]).toMatchObject({ sealedAt: null, schools: {} });

    const requests = await demoRequests('primary');
    for (const request of requests.slice(0, 5))
      expect(await command(operator.socket, request)).toMatchObject({ ok: true });
    // A refusal is in the log too: the tail shows it, the times do not move.
    expect(await command(operator.socket, { type: 'school:publish', school: '无此校' })).toMatchObject({ ok: false });
    await until(() => operator.tail.at(-1)?.length === 6, 'the refusal in the tail');

    const chain = controller.log.chain();
    const tail = operator.tail.at(-1)!;
    expect(tail.map((entry) => [entry.seq, entry.hash, entry.kind])).toEqual(
      chain.map((entry) => [entry.seq, entry.hash, entry.kind]),
    );
    expect(tail.map((entry) => entry.type)).toEqual([
      'plan:set',
      'ceremony:seal',
      'ceremony:preview',
      'ceremony:unseal',
      'school:import',
      'school:publish',
    ]);
    const imported = requests[4]!;
    const school = 'school' in imported ? imported.school : '';
    expect(tail[4]).toMatchObject({ school, actor: `console:${operator.socket.id}` });
    expect(tail[5]).toMatchObject({ kind: 'refusal', school: '无此校' });

    const at = FIXED_SERVICES.clock.now().toISOString();
    const times = operator.times.at(-1)!;
    expect(times).toEqual({
      sealedAt: at,
      previewedAt: at,
      unsealedAt: at,
      closedAt: null,
      schools: { [school]: { importedAt: at, drawnAt: null, publishedAt: null, teachersDrawnAt: null } },
    });
    // Displays get the times (the seal scene shows the seal's), never the audit tail.
    expect(display.times.at(-1)).toEqual(times);
    expect(display.tail).toEqual([]);

    // The rest of the ceremony, and more refusals than fit: the tail keeps as many of the newest as a console lists.
    for (const request of requests.slice(5))
      expect(await command(operator.socket, request)).toMatchObject({ ok: true });
    for (let again = 0; again < 3; again += 1) await command(operator.socket, { type: 'ceremony:close' });
    const entries = controller.log.chain();
    await until(() => operator.tail.at(-1)!.at(-1)!.seq === entries.length, 'the last refusal');
    const last = operator.tail.at(-1)!;
    expect(entries.length).toBeGreaterThan(TAIL_LENGTH);
    expect(last.map((entry) => entry.hash)).toEqual(entries.slice(-TAIL_LENGTH).map((entry) => entry.hash));
    expect(last.at(-4)).toMatchObject({ kind: 'command', type: 'ceremony:close' });
    expect(operator.times.at(-1)!.closedAt).toBe(at);

    // A console connecting later gets the same tail at once.
    const late = await watch(controller.port, { role: 'console', passphrase: PASSPHRASE });
    await until(() => late.tail.length === 1, 'the late console’s tail');
    expect(late.tail[0]).toEqual(last);
  });

  it('list the connected displays with their screen, browser and scene, and forget those that leave', async () => {
    const controller = await boot();
    const operator = await watch(controller.port, { role: 'console' });
    await until(() => operator.displays.length === 1, 'the first list');
    expect(operator.displays[0]).toEqual([]);

    const display = await watch(controller.port, { role: 'display' });
    await until(() => operator.displays.length === 2, 'the display arriving');
    const [arrived] = operator.displays[1]!;
    expect(operator.displays[1]).toHaveLength(1);
    expect(arrived).toMatchObject({ id: display.socket.id, showing: null });
    expect(Date.now() - Date.parse(arrived!.connectedAt)).toBeLessThan(10_000);

    display.socket.emit('display:showing', { scene: 'standby', school: null, width: 1920, height: 1080 });
    await until(() => operator.displays.length === 3, 'the display’s report');
    const [reported] = operator.displays[2]!;
    expect(reported!.label).toMatch(/^1920×1080 · /);
    expect(reported!.showing).toEqual({ scene: 'standby', school: null });
    // The same report again changes nothing; a malformed one, or one from a console, is ignored.
    display.socket.emit('display:showing', { scene: 'standby', school: null, width: 1920, height: 1080 });
    display.socket.emit('display:showing', { scene: 'fireworks', school: null, width: 1, height: 1 } as never);
    operator.socket.emit('display:showing', { scene: 'draw', school: '甲', width: 1, height: 1 });
    expect(await operator.socket.emitWithAck('snapshot:get')).toBeDefined();
    expect(operator.displays).toHaveLength(3);

    display.socket.close();
    await until(() => operator.displays.length === 4, 'the display leaving');
    expect(operator.displays[3]).toEqual([]);
  });

  it('tell any client the controller’s clock', async () => {
    const controller = await boot();
    const display = await watch(controller.port, { role: 'display' });
    const before = Date.now();
    const controllerNow = await display.socket.emitWithAck('clock:get');
    expect(controllerNow).toBeGreaterThanOrEqual(before);
    expect(controllerNow).toBeLessThanOrEqual(Date.now());
  });
});
