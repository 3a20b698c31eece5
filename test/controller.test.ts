import { afterEach, describe, expect, it } from 'vitest';
import type { OperatorRequest, Snapshot } from '../controller/contract/protocol.ts';
import { openCeremony } from '../controller/ceremony.ts';
import { startController, type RunningController } from '../controller/wiring.ts';
import { ceremonySecrets, lookupSecretLeaks } from './support/lookup-secrets.ts';
import { command, connect, connectRefused, until, untilRevision, type Client } from './support/client.ts';
import {
  FIXED_SERVICES,
  PASSPHRASE,
  demoRequests,
  drawnSchools,
  tempDataDir,
  type DemoStage,
} from './support/demo-ceremony.ts';

const running: RunningController[] = [];
const clients: Client[] = [];

async function boot(): Promise<RunningController> {
  const controller = await startController(openCeremony(tempDataDir(), FIXED_SERVICES), 0);
  running.push(controller);
  return controller;
}

async function client(port: number, auth: unknown): Promise<Client> {
  const connected = await connect(port, auth);
  clients.push(connected);
  return connected;
}

afterEach(async () => {
  for (const connected of clients.splice(0)) connected.socket.close();
  for (const controller of running.splice(0)) await controller.close();
});

/** Before the seal the plan may be replaced; every other step, once done, must be refused when repeated. */
const repeatable = (request: OperatorRequest) => request.type === 'plan:import' || request.type === 'plan:set';

describe.each<DemoStage>(['primary', 'junior'])('a whole %s ceremony over socket.io', (stage) => {
  it('runs every step from the console, refuses each step repeated, and keeps the display in step', async () => {
    const controller = await boot();
    const operator = await client(controller.port, { role: 'console' });
    const display = await client(controller.port, { role: 'display' });
    const audience = await client(controller.port, { role: 'public' });
    expect(operator.status).toEqual({ role: 'console', operator: true, operatorPresent: true, passphraseSet: false });
    expect(display.snapshot).toMatchObject({ revision: 0, phase: 'planning', schools: [] });

    const requests = await demoRequests(stage);
    for (const [index, request] of requests.entries()) {
      const reply = await command(operator.socket, request);
      expect(reply, request.type).toMatchObject({ ok: true, value: { revision: index + 1 } });
      if (!repeatable(request)) {
        expect(await command(operator.socket, request), `${request.type} again`).toMatchObject({ ok: false });
      }
    }
    await untilRevision(display, requests.length);
    await untilRevision(audience, requests.length);

    // The display got every revision once, in order, and ends on the closed ceremony.
    expect(display.updates.map((update) => update.revision)).toEqual(requests.map((_, index) => index + 1));
    const final = display.updates.at(-1)!.snapshot;
    expect(final.phase).toBe('closed');
    expect(final.seal?.commitment).toMatch(/^[0-9a-f]{64}$/);
    for (const school of final.schools.filter((found) => found.status !== 'skipped')) {
      expect(school.status).toBe('teachers-drawn');
      expect(school.draw!.reveal).toHaveLength(school.roster!.students.length);
    }
    // Draw events carry the reveal order for the animation.
    const drawn = display.updates.flatMap((update) => update.events).filter((event) => event.type === 'school:drawn');
    expect(drawn).toHaveLength((await drawnSchools(stage)).length);

    // No piece of any ID number or student number anywhere a display, a console or the public sees, masked or not:
    // the hall is filmed, and these numbers are the parent lookup's keys. Public names are masked.
    const secrets = ceremonySecrets(controller.service.state);
    expect(secrets.filter((secret) => secret.idCard !== null).length).toBeGreaterThan(500);
    for (const client of [display, operator, audience]) {
      const seen = JSON.stringify([client.snapshot, client.updates]);
      expect(lookupSecretLeaks(seen, secrets), client.status.role).toEqual([]);
    }
    const publicNames = audience.updates.at(-1)!.snapshot.schools[0]!.roster!.students.map((student) => student.name);
    const displayNames = final.schools[0]!.roster!.students.map((student) => student.name);
    expect(publicNames.every((name, index) => name !== displayNames[index] && name.includes('*'))).toBe(true);
    // Siblings travel together on the display; the public does not learn who is whose sibling.
    const siblings = (snapshot: Snapshot) =>
      snapshot.schools.flatMap((found) => found.roster?.students ?? []).filter((student) => student.siblingGroup);
    expect(siblings(final).length).toBeGreaterThan(0);
    expect(siblings(audience.updates.at(-1)!.snapshot)).toEqual([]);

    // The HTTP side agrees.
    const base = `http://127.0.0.1:${controller.port}`;
    expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ status: 'ok', phase: 'closed' });
    const school = final.schools[0]!;
    const page = await (await fetch(`${base}/r/${encodeURIComponent(school.name)}`)).text();
    expect(page).toContain(`${school.classes} 班`);
    expect(page).not.toContain(displayNames[0]);
    expect(page).toContain(publicNames[0]);
  });
});

describe('roles and sessions', () => {
  it('lets only the one operator console run commands', async () => {
    const controller = await boot();
    const operator = await client(controller.port, { role: 'console' });
    const second = await client(controller.port, { role: 'console' });
    const display = await client(controller.port, { role: 'display' });
    const audience = await client(controller.port, { role: 'public' });
    expect(second.status.operator).toBe(false);
    const [planImport] = await demoRequests('primary');

    for (const other of [second, display, audience]) {
      expect(await command(other.socket, planImport)).toMatchObject({ ok: false, error: { code: 'not-operator' } });
    }
    expect(await second.socket.emitWithAck('session:claim')).toMatchObject({
      ok: false,
      error: { code: 'operator-busy' },
    });
    expect(await display.socket.emitWithAck('session:claim')).toMatchObject({
      ok: false,
      error: { code: 'not-operator' },
    });
    expect(controller.service.state.revision).toBe(0);

    // When the operator leaves, another console may take over.
    operator.socket.close();
    await until(() => second.statuses.at(-1)?.operatorPresent === false, 'the operator to leave');
    expect(await second.socket.emitWithAck('session:claim')).toMatchObject({ ok: true, value: { operator: true } });
    expect(await command(second.socket, planImport)).toMatchObject({ ok: true, value: { revision: 1 } });
  });

  it('asks consoles for the passphrase once sealed, and refuses a wrong one or a bad handshake', async () => {
    const controller = await boot();
    const operator = await client(controller.port, { role: 'console' });
    const early = await client(controller.port, { role: 'console' });
    const [planImport, seal, preview] = await demoRequests('primary');
    await command(operator.socket, planImport);
    expect(await command(operator.socket, { type: 'ceremony:seal', passphrase: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'weak-passphrase' },
    });
    expect(await command(operator.socket, seal)).toMatchObject({ ok: true });
    expect(await command(operator.socket, preview)).toMatchObject({ ok: true });

    expect(await connectRefused(controller.port, { role: 'console' })).toMatchObject({ code: 'wrong-passphrase' });
    expect(await connectRefused(controller.port, { role: 'console', passphrase: 'guess' })).toMatchObject({
      code: 'wrong-passphrase',
      zh: '操作口令错误',
    });
    expect(await connectRefused(controller.port, { role: 'admin' })).toMatchObject({ code: 'invalid-request' });
    // A console that connected before the seal never gave the passphrase: it cannot take over afterwards.
    operator.socket.close();
    await until(() => early.statuses.at(-1)?.operatorPresent === false, 'the operator to leave');
    expect(await early.socket.emitWithAck('session:claim')).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    const late = await client(controller.port, { role: 'console', passphrase: PASSPHRASE });
    expect(late.status).toEqual({ role: 'console', operator: true, operatorPresent: true, passphraseSet: true });
    // Displays need no passphrase.
    expect((await client(controller.port, { role: 'display' })).snapshot.phase).toBe('previewed');
  });

  it('answers a malformed payload with a clear error and changes nothing', async () => {
    const controller = await boot();
    const operator = await client(controller.port, { role: 'console' });
    const reply = await command(operator.socket, { type: 'school:draw', school: ['东市街小学'], contribution: 7 });
    if (reply.ok) throw new Error('accepted');
    expect(reply.error.code).toBe('invalid-request');
    expect(reply.error.zh).toContain('请求格式无效');
    expect(reply.error.details.map((detail) => detail.column)).toEqual(['school', 'contribution']);
    expect(controller.service.state.revision).toBe(0);
  });

  it('gives a reconnecting display the current snapshot', async () => {
    const controller = await boot();
    const operator = await client(controller.port, { role: 'console' });
    const requests = await demoRequests('primary');
    for (const request of requests.slice(0, 4)) await command(operator.socket, request);
    const display = await client(controller.port, { role: 'display' });
    expect(display.snapshot).toMatchObject({ revision: 4, phase: 'unsealed' });
    expect(await display.socket.emitWithAck('snapshot:get')).toEqual(display.snapshot);
  });

  it('answers 404 for the results of an unknown school', async () => {
    const controller = await boot();
    const response = await fetch(`http://127.0.0.1:${controller.port}/r/${encodeURIComponent('不存在的学校')}`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('没有学校“不存在的学校”');
  });
});
