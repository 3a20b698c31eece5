import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clockOffset, LiveClient, type LiveHandlers, type LiveLink, type LiveStatus } from './live-client.ts';
import { DEFAULT_PRESENTATION, type Presentation } from './presentation.ts';
import type { CeremonyTimes, HandshakeRefusal, Snapshot, Update } from './protocol.ts';
import type { CeremonyEvent } from '../../engine/ceremony/state.ts';

describe('clockOffset', () => {
  it('reads the controller’s answer halfway through the fastest round trip', () => {
    const controllerAhead = 3_600_000;
    const samples = [
      // A slow round trip: its answer could have been read anywhere in 400 ms.
      { sent: 1000, received: 1400, controllerNow: 1050 + controllerAhead },
      { sent: 2000, received: 2010, controllerNow: 2005 + controllerAhead },
      { sent: 3000, received: 3100, controllerNow: 3090 + controllerAhead },
    ];
    expect(clockOffset(samples)).toBe(controllerAhead);
    expect(clockOffset([{ sent: 10, received: 30, controllerNow: 5 }])).toBe(-15);
  });
});

/** How the fake controller answers one `clock:get`: after `rttMs`, reading its clock `readAtMs` into the trip. */
interface ClockAnswer {
  readonly rttMs: number;
  readonly readAtMs: number;
}

/** A socket with no network: the test plays the controller, sending events and answering `clock:get`. */
class FakeSocket {
  readonly reconnections: number[] = [];
  /** The answers to the next `clock:get`s, in order; none left means no answer (a timeout). */
  clockAnswers: ClockAnswer[] = [];
  controllerAheadMs = 0;
  private readonly listeners = new Map<string, ((...args: unknown[]) => void)[]>();

  on(event: string, listener: (...args: unknown[]) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  connect(): this {
    this.reconnections.push(Date.now());
    return this;
  }

  timeout(_ms: number) {
    return {
      emitWithAck: (event: string): Promise<unknown> => {
        expect(event).toBe('clock:get');
        const answer = this.clockAnswers.shift();
        if (answer === undefined) return Promise.reject(new Error('operation has timed out'));
        vi.advanceTimersByTime(answer.readAtMs);
        const controllerNow = Date.now() + this.controllerAheadMs;
        vi.advanceTimersByTime(answer.rttMs - answer.readAtMs);
        return Promise.resolve(controllerNow);
      },
    };
  }

  /** The controller (or socket.io itself) sends `event`. */
  receive(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

type Passed =
  | { readonly snapshot: Snapshot; readonly events: readonly CeremonyEvent[] | null }
  | { readonly presentation: Presentation }
  | { readonly times: CeremonyTimes }
  | { readonly status: LiveStatus }
  | { readonly refused: HandshakeRefusal['code'] };

/** A client on a fake socket, and everything it passed on to its app, in order. */
function clientOnFakeSocket() {
  const socket = new FakeSocket();
  const passed: Passed[] = [];
  let clockMeasured = () => {};
  const measured = () => new Promise<void>((resolve) => (clockMeasured = resolve));
  const handlers: LiveHandlers = {
    snapshot: (snapshot, events) => passed.push({ snapshot, events }),
    presentation: (presentation) => passed.push({ presentation }),
    times: (times) => passed.push({ times }),
    status: (status) => passed.push({ status }),
    refused: (refusal) => passed.push({ refused: refusal.code }),
    clockMeasured: () => clockMeasured(),
  };
  // The fake has the members LiveClient uses, without socket.io's typed overloads.
  const client = new LiveClient(socket as unknown as LiveLink, handlers);
  return { socket, client, passed, measured };
}

const SCHOOL: Snapshot['schools'][number] = {
  name: '东湖小学',
  stage: 'primary',
  classes: 2,
  cap: 45,
  capOverrideReason: null,
  declared: { students: 2, boys: 1, girls: 1, multiples: 0 },
  status: 'imported',
  roster: {
    fileName: '东湖小学.xlsx',
    rosterHash: 'ab'.repeat(32),
    mismatches: [],
    acceptedReason: null,
    students: [
      { id: '1', name: '张三', gender: 'M', sourceSchool: null, siblingGroup: null },
      { id: '2', name: '李四', gender: 'F', sourceSchool: null, siblingGroup: null },
    ],
  },
  draw: null,
  teachers: null,
};

function snapshotAt(revision: number): Snapshot {
  return { revision, phase: 'unsealed', seal: null, schools: [SCHOOL] };
}

const PUBLISHED: CeremonyEvent = { type: 'school:published', school: SCHOOL.name };

function updateTo(revision: number): Update {
  return { revision, events: [PUBLISHED], snapshot: snapshotAt(revision) };
}

const TIMES: CeremonyTimes = {
  sealedAt: '2026-08-28T01:00:00.000Z',
  previewedAt: null,
  unsealedAt: null,
  closedAt: null,
  schools: { 东湖小学: { importedAt: null, drawnAt: null, publishedAt: null, teachersDrawnAt: null } },
};

describe('LiveClient', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-08-28T01:00:00Z'));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('passes on newer updates and ignores stale ones; a whole snapshot is taken even with a lower revision', () => {
    const { socket, passed } = clientOnFakeSocket();
    socket.receive('ceremony:snapshot', snapshotAt(5));
    socket.receive('ceremony:update', updateTo(6));
    socket.receive('ceremony:update', updateTo(6));
    socket.receive('ceremony:update', updateTo(4));
    // A restarted controller on a fresh data directory: its snapshot is the truth, and its updates follow it.
    socket.receive('ceremony:snapshot', snapshotAt(1));
    socket.receive('ceremony:update', updateTo(2));
    expect(passed).toEqual([
      { snapshot: snapshotAt(5), events: null },
      { snapshot: snapshotAt(6), events: [PUBLISHED] },
      { snapshot: snapshotAt(1), events: null },
      { snapshot: snapshotAt(2), events: [PUBLISHED] },
    ]);
  });

  it('takes the first update when no snapshot came before it', () => {
    const { socket, passed } = clientOnFakeSocket();
    socket.receive('ceremony:update', updateTo(3));
    expect(passed).toEqual([{ snapshot: snapshotAt(3), events: [PUBLISHED] }]);
  });

  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['not an object', 'snapshot'],
    ['no schools', { revision: 1, phase: 'planning', seal: null }],
    ['an unknown phase', { ...snapshotAt(1), phase: 'drawing' }],
    ['a negative revision', snapshotAt(-1)],
    ['a school in an unknown status', { ...snapshotAt(1), schools: [{ ...SCHOOL, status: 'done' }] }],
    [
      'a student without a gender',
      {
        ...snapshotAt(1),
        schools: [
          { ...SCHOOL, roster: { ...SCHOOL.roster, students: [{ id: '1', name: '王五', sourceSchool: null }] } },
        ],
      },
    ],
  ])('refuses a snapshot with %s, and keeps the one it has', (_, snapshot) => {
    const { socket, client, passed } = clientOnFakeSocket();
    socket.receive('ceremony:snapshot', snapshotAt(5));
    socket.receive('ceremony:snapshot', snapshot);
    client.receiveSnapshot(snapshot);
    socket.receive('ceremony:update', { revision: 6, events: [PUBLISHED], snapshot });
    expect(passed).toEqual([{ snapshot: snapshotAt(5), events: null }]);
    // A refused update does not count as seen: the next good one still gets through.
    socket.receive('ceremony:update', updateTo(6));
    expect(passed.at(-1)).toEqual({ snapshot: snapshotAt(6), events: [PUBLISHED] });
  });

  it.each<[string, unknown]>([
    ['events that are not a list', { ...updateTo(6), events: PUBLISHED }],
    ['an unknown event', { ...updateTo(6), events: [{ type: 'school:burned', school: SCHOOL.name }] }],
    ['no revision', { events: [PUBLISHED], snapshot: snapshotAt(6) }],
  ])('refuses an update with %s', (_, update) => {
    const { socket, passed } = clientOnFakeSocket();
    socket.receive('ceremony:update', update);
    expect(passed).toEqual([]);
  });

  it('passes on presentations and step times that pass their schemas, and nothing else', () => {
    const { socket, passed } = clientOnFakeSocket();
    socket.receive('presentation:update', DEFAULT_PRESENTATION);
    socket.receive('presentation:update', { ...DEFAULT_PRESENTATION, scene: 'fireworks' });
    socket.receive('presentation:update', { ...DEFAULT_PRESENTATION, drawSeconds: 1 });
    socket.receive('ceremony:times', TIMES);
    socket.receive('ceremony:times', { ...TIMES, schools: null });
    socket.receive('ceremony:times', { ...TIMES, sealedAt: 17 });
    expect(passed).toEqual([{ presentation: DEFAULT_PRESENTATION }, { times: TIMES }]);
  });

  it('follows the link: online, offline, and refused at the gate of the passphrase or the setup code', () => {
    const { socket, passed } = clientOnFakeSocket();
    const refused = (refusal: HandshakeRefusal | undefined) => Object.assign(new Error('refused'), { data: refusal });
    socket.receive('connect');
    socket.receive('disconnect', 'transport close');
    socket.receive('connect_error', refused(undefined));
    socket.receive('connect_error', refused({ code: 'wrong-passphrase', zh: '口令错误', en: 'wrong', details: [] }));
    socket.receive('connect_error', refused({ code: 'invalid-request', zh: '握手无效', en: 'invalid', details: [] }));
    socket.receive('connect_error', refused({ code: 'setup-code-required', zh: '须设置码', en: 'code', details: [] }));
    socket.receive('connect_error', refused({ code: 'too-many-attempts', zh: '请稍候', en: 'wait', details: [] }));
    socket.receive('connect_error', refused({ code: 'wrong-setup-code', zh: '设置码错误', en: 'wrong', details: [] }));
    expect(passed).toEqual([
      { status: 'online' },
      { status: 'offline' },
      { status: 'offline' },
      { refused: 'wrong-passphrase' },
      { status: 'needs-passphrase' },
      { refused: 'invalid-request' },
      { status: 'offline' },
      { refused: 'setup-code-required' },
      { status: 'needs-setup-code' },
      // Told to wait, the console stays at its gate.
      { refused: 'too-many-attempts' },
      { refused: 'wrong-setup-code' },
      { status: 'needs-setup-code' },
    ]);
  });

  it('connects again after a disconnect the server chose, which socket.io does not retry', () => {
    const { socket } = clientOnFakeSocket();
    socket.receive('disconnect', 'transport close');
    expect(socket.reconnections).toHaveLength(0);
    socket.receive('disconnect', 'io server disconnect');
    expect(socket.reconnections).toHaveLength(1);
  });

  it('measures the controller’s clock on every connection, from the fastest of its round trips', async () => {
    const { socket, client, measured } = clientOnFakeSocket();
    socket.controllerAheadMs = 3_600_000;
    // The slow trips were answered early or late in the trip: only the fast one is read near the truth.
    socket.clockAnswers = [
      { rttMs: 400, readAtMs: 20 },
      { rttMs: 10, readAtMs: 5 },
      { rttMs: 300, readAtMs: 290 },
    ];
    expect(client.controllerNow()).toBe(Date.now());
    let done = measured();
    socket.receive('connect');
    await done;
    expect(client.controllerNow() - Date.now()).toBe(3_600_000);

    // After a restart the controller may run on another machine, with another clock.
    socket.controllerAheadMs = -5_000;
    socket.clockAnswers = [{ rttMs: 40, readAtMs: 20 }];
    done = measured();
    socket.receive('connect');
    await done;
    expect(client.controllerNow() - Date.now()).toBe(-5_000);
  });

  it('keeps the offset it has when the controller does not answer, and still says the clock was measured', async () => {
    const { socket, client, measured } = clientOnFakeSocket();
    socket.controllerAheadMs = 60_000;
    socket.clockAnswers = [{ rttMs: 20, readAtMs: 10 }];
    let done = measured();
    socket.receive('connect');
    await done;
    expect(client.controllerNow() - Date.now()).toBe(60_000);
    done = measured();
    socket.receive('connect');
    await done;
    expect(client.controllerNow() - Date.now()).toBe(60_000);
  });
});
