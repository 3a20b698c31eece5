import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serveCommand } from '../controller/cli/serve.ts';
import type { Presentation } from '../controller/contract/presentation.ts';
import { openCeremony } from '../controller/ceremony.ts';
import { startController, type RunningController } from '../controller/wiring.ts';
import { connectLive, type LiveSocket } from '../controller/contract/live-client.ts';
import type { Handshake } from '../controller/contract/protocol.ts';
import { command } from './support/client.ts';
import { FIXED_SERVICES, demoRequests, tempDataDir } from './support/demo-ceremony.ts';
import { startServer, stopServers } from './support/server-process.ts';

const running: RunningController[] = [];
const sockets: LiveSocket[] = [];

async function boot(dataDir: string): Promise<RunningController> {
  const controller = await startController(openCeremony(dataDir, FIXED_SERVICES), 0);
  running.push(controller);
  return controller;
}

/** Connects as the apps do, and records every presentation the client is sent, the first one on connecting. */
async function watch(port: number, handshake: Handshake): Promise<{ socket: LiveSocket; shown: Presentation[] }> {
  const shown: Presentation[] = [];
  const socket = connectLive(handshake, `http://127.0.0.1:${port}`);
  sockets.push(socket);
  socket.on('presentation:update', (presentation) => shown.push(presentation));
  await until(() => shown.length > 0);
  return { socket, shown };
}

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  for (const controller of running.splice(0)) await controller.close();
  stopServers();
});

describe('what the displays show', () => {
  it('is changed by the operator only, reaches every display, and survives a restart', async () => {
    const dataDir = tempDataDir();
    const controller = await boot(dataDir);
    const operator = await watch(controller.port, { role: 'console' });
    const display = await watch(controller.port, { role: 'display' });
    expect(display.shown[0]).toMatchObject({ scene: 'standby', theme: 'hall', language: 'zh', skipped: false });

    const refused = await display.socket.emitWithAck('presentation:set', { theme: 'stage' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-operator' } });
    const invalid = await operator.socket.emitWithAck('presentation:set', { drawSeconds: 1 });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const unknown = await operator.socket.emitWithAck('presentation:set', { scene: 'draw', school: '无此校' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-school' } });

    const changed = await operator.socket.emitWithAck('presentation:set', { theme: 'stage', language: 'en' });
    expect(changed).toMatchObject({ ok: true, value: { theme: 'stage', language: 'en' } });
    await until(() => display.shown.length === 2);
    expect(display.shown[1]).toMatchObject({ theme: 'stage', language: 'en', scene: 'standby' });

    for (const socket of sockets.splice(0)) socket.close();
    await running.splice(0)[0]!.close();
    const restarted = await boot(dataDir);
    const rejoined = await watch(restarted.port, { role: 'display' });
    expect(rejoined.shown[0]).toMatchObject({ theme: 'stage', language: 'en' });
  });

  it('moves to the scene of each ceremony step, for the school concerned', async () => {
    const controller = await boot(tempDataDir());
    const operator = await watch(controller.port, { role: 'console' });
    const display = await watch(controller.port, { role: 'display' });
    const requests = await demoRequests('junior');
    const scenes: string[] = [];
    for (const request of requests) {
      expect(await command(operator.socket, request)).toMatchObject({ ok: true });
      await until(() => display.shown.length === scenes.length + 2);
      const latest = display.shown.at(-1)!;
      scenes.push(latest.school === null ? latest.scene : `${latest.scene}:${latest.school}`);
    }
    const firstSchool = requests.find((request) => request.type === 'school:draw')!;
    const school = 'school' in firstSchool ? firstSchool.school : '';
    expect(scenes).toContain(`draw:${school}`);
    expect(scenes).toContain(`result:${school}`);
    expect(scenes.slice(0, 3)).toEqual(['standby', 'seal', 'preview']);
    expect(scenes.at(-1)).toBe('closing');
  });

  it('points phones at the address `sunshine serve --public-url` gives, and refuses one that is no web address', async () => {
    const dataDir = tempDataDir();
    const io = { out: () => undefined, err: () => undefined };
    await expect(serveCommand(['--data', dataDir, '--public-url', 'ftp://192.168.1.20'], io)).rejects.toThrow(
      /--public-url 应为 http:\/\/ 或 https:\/\/ 开头的网址/,
    );
    expect(existsSync(join(dataDir, 'presentation.json'))).toBe(false);

    const publicUrl = 'http://192.168.1.20:8080';
    const server = startServer(dataDir, '--public-url', publicUrl);
    const display = await watch((await server.port)!, { role: 'display' });
    expect(display.shown[0]).toMatchObject({ scene: 'standby', publicUrl });
  });
});
