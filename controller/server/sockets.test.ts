/**
 * The live protocol keeps time by the wall clock it is given: a simulated one here, so that every time it tells
 * (`clock:get`, a scene's start, when a display connected) is known to the millisecond.
 */
import { afterEach, expect, it } from 'vitest';
import { command, connect, until, type Client } from '../../test/support/client.ts';
import { demoRequests, FIXED_SERVICES, tempDataDir } from '../../test/support/demo-ceremony.ts';
import { openCeremony } from '../ceremony.ts';
import type { DisplayPresence } from '../contract/protocol.ts';
import type { PrintingPress } from '../print/press.ts';
import type { Clock } from '../service.ts';
import { startController, type RunningController } from '../wiring.ts';

class SimulatedClock implements Clock {
  constructor(private at: number) {}

  now(): Date {
    return new Date(this.at);
  }

  advance(ms: number): void {
    this.at += ms;
  }
}

const NO_PRESS: PrintingPress = {
  print: () => Promise.reject(new Error('nothing is printed here')),
  close: () => Promise.resolve(),
};

const running: RunningController[] = [];
const clients: Client[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.socket.close();
  for (const controller of running.splice(0)) await controller.close();
});

it('times scenes, answers clock:get and dates the displays by the wall clock it is given', async () => {
  const start = Date.parse('2024-08-28T01:30:00Z');
  const clock = new SimulatedClock(start);
  const controller = await startController(openCeremony(tempDataDir(), FIXED_SERVICES), 0, {
    devices: { wallClock: clock, press: NO_PRESS },
  });
  running.push(controller);
  const operator = await connect(controller.port, { role: 'console' });
  clients.push(operator);
  const displayLists: (readonly DisplayPresence[])[] = [];
  operator.socket.on('displays:update', (list) => displayLists.push(list));

  expect(await operator.socket.emitWithAck('clock:get')).toBe(start);

  // The operator changes the scene: it starts now.
  clock.advance(1500);
  expect(await operator.socket.emitWithAck('presentation:set', { scene: 'closing' })).toMatchObject({
    ok: true,
    value: { scene: 'closing', sceneStartedAt: start + 1500 },
  });

  // A ceremony event moves the scene on: it starts when the event came.
  clock.advance(60_000);
  const [plan] = await demoRequests('primary');
  expect(await command(operator.socket, plan)).toMatchObject({ ok: true });
  expect(controller.presentations.presentation).toMatchObject({ scene: 'standby', sceneStartedAt: start + 61_500 });
  expect(await operator.socket.emitWithAck('clock:get')).toBe(start + 61_500);

  clock.advance(250);
  const display = await connect(controller.port, { role: 'display' });
  clients.push(display);
  await until(() => displayLists.at(-1)?.length === 1, 'the display in the consoles’ list');
  expect(displayLists.at(-1)![0]!.connectedAt).toBe(new Date(start + 61_750).toISOString());
});
