import { describe, expect, it } from 'vitest';
import { demoRequests, FIXED_SERVICES, PASSPHRASE, tempDataDir } from '../../test/support/demo-ceremony.ts';
import { openCeremony, type Ceremony } from '../ceremony.ts';
import type { Clock } from '../service.ts';
import { OperatorGate, type Caller } from './operator-gate.ts';

class SimulatedClock implements Clock {
  constructor(private at = Date.parse('2026-08-28T01:00:00Z')) {}

  now(): Date {
    return new Date(this.at);
  }

  advance(ms: number): void {
    this.at += ms;
  }
}

const LAN: Caller = { address: '192.168.1.23', channel: 'socket' };

/** A ceremony planned and sealed with PASSPHRASE (or only planned), over a fresh data directory. */
async function ceremony(sealed = true, dataDir = tempDataDir()): Promise<Ceremony> {
  const opened = openCeremony(dataDir, FIXED_SERVICES);
  for (const request of (await demoRequests('primary')).slice(0, sealed ? 2 : 1)) {
    await opened.service.submit(request, 'test');
  }
  return opened;
}

const outcomes = async (checks: Promise<{ outcome: string }>[]) => (await Promise.all(checks)).map((c) => c.outcome);

describe('OperatorGate', () => {
  it('takes the setup code only before the seal, spaces allowed', async () => {
    const planned = await ceremony(false);
    const gate = new OperatorGate(planned, new SimulatedClock());
    expect(gate.setupCode).toMatch(/^\d{8}$/);
    const spaced = `${gate.setupCode.slice(0, 4)} ${gate.setupCode.slice(4)}`;
    expect(await gate.checkSetupCode(spaced, LAN)).toEqual({ outcome: 'right' });
    expect(await gate.checkSetupCode('00000000x', LAN)).toEqual({ outcome: 'wrong' });
    expect(await gate.checkPassphrase(PASSPHRASE, LAN)).toEqual({ outcome: 'wrong' });
    planned.log.close();

    const sealed = await ceremony();
    const after = new OperatorGate(sealed, new SimulatedClock());
    expect(await after.checkSetupCode(after.setupCode, LAN)).toEqual({ outcome: 'wrong' });
    expect(await after.checkPassphrase(PASSPHRASE, LAN)).toEqual({ outcome: 'right' });
    sealed.log.close();
  });

  it('makes an address wait after 3 failures, longer after each, refusing even the right passphrase meanwhile', async () => {
    const sealed = await ceremony();
    const clock = new SimulatedClock();
    const gate = new OperatorGate(sealed, clock);
    expect(await outcomes([1, 2, 3].map(() => gate.checkPassphrase('guess 1234', LAN)))).toEqual([
      'wrong',
      'wrong',
      'wrong',
    ]);
    expect(await gate.checkPassphrase(PASSPHRASE, LAN)).toMatchObject({
      outcome: 'throttled',
      error: { code: 'too-many-attempts', zh: expect.stringContaining('1 秒') as string },
    });
    // Another address is not held back by these few.
    expect(await gate.checkPassphrase(PASSPHRASE, { ...LAN, address: '192.168.1.40' })).toEqual({ outcome: 'right' });
    clock.advance(1000);
    expect(await gate.checkPassphrase('guess 1234', LAN)).toEqual({ outcome: 'wrong' });
    expect(await gate.checkPassphrase(PASSPHRASE, { ...LAN, channel: 'http' })).toMatchObject({
      outcome: 'throttled',
      error: { en: expect.stringContaining('2 s') as string },
    });
    clock.advance(2000);
    expect(await gate.checkPassphrase(PASSPHRASE, LAN)).toEqual({ outcome: 'right' });
    sealed.log.close();
  });

  it('meets parallel guesses from one address one by one: only the free ones are checked', async () => {
    const sealed = await ceremony();
    const gate = new OperatorGate(sealed, new SimulatedClock());
    const results = await outcomes(Array.from({ length: 10 }, () => gate.checkPassphrase('guess 1234', LAN)));
    expect(results).toEqual([...Array<string>(3).fill('wrong'), ...Array<string>(7).fill('throttled')]);
    sealed.log.close();
  });

  it('sums the refusals of a burst up in one access entry of the audit log, written when the controller stops', async () => {
    const dataDir = tempDataDir();
    const sealed = await ceremony(true, dataDir);
    const gate = new OperatorGate(sealed, new SimulatedClock());
    const entries = sealed.log.entryCount();
    await outcomes(Array.from({ length: 5 }, () => gate.checkPassphrase('guess 1234', LAN)));
    await gate.checkSetupCode('12345678', { address: '192.168.1.40', channel: 'socket' });
    expect(sealed.log.entryCount()).toBe(entries);
    gate.close();
    expect(sealed.log.chain(entries + 1)).toEqual([
      expect.objectContaining({
        actor: 'controller',
        kind: 'access',
        body: {
          type: 'access:refused',
          from: '2026-08-28T01:00:00.000Z',
          to: '2026-08-28T01:00:00.000Z',
          total: 6,
          attempts: [
            { address: LAN.address, channel: 'socket', reason: 'wrong-passphrase', count: 3 },
            { address: LAN.address, channel: 'socket', reason: 'too-many-attempts', count: 2 },
            { address: '192.168.1.40', channel: 'socket', reason: 'wrong-setup-code', count: 1 },
          ],
        },
      }),
    ]);
    gate.close();
    expect(sealed.log.entryCount()).toBe(entries + 1);
    expect(sealed.log.verify()).toBeNull();
    sealed.log.close();
    // The replay passes the summary by: the state is rebuilt as before.
    const reopened = openCeremony(dataDir, FIXED_SERVICES);
    expect(reopened.service.state).toEqual(sealed.service.state);
    reopened.log.close();
  });

  it('writes a burst’s summary a while after its first refusal, and tells who listens', async () => {
    const planned = await ceremony(false);
    const gate = new OperatorGate(planned, new SimulatedClock(), { summaryAfterMs: 20, sessionMs: 60_000 });
    let told = 0;
    gate.onLogged(() => (told += 1));
    await gate.checkSetupCode('12345678', LAN);
    expect(told).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(told).toBe(1);
    expect(planned.log.chain().at(-1)).toMatchObject({ kind: 'access', body: { total: 1 } });
    planned.log.close();
  });

  it('keeps sessions across a restart until they expire, and ends those won with the setup code at the seal', async () => {
    const dataDir = tempDataDir();
    const planned = await ceremony(false, dataDir);
    const clock = new SimulatedClock();
    const gate = new OperatorGate(planned, clock, { summaryAfterMs: 60_000, sessionMs: 60_000 });
    const setup = gate.issue('setup');
    const passphrase = gate.issue('passphrase');
    expect(JSON.stringify(planned.access.sessions.load())).not.toContain(setup.token);
    expect(gate.session(setup.token)).toBe('setup');
    expect(gate.session('not a token')).toBeNull();
    expect(gate.session(undefined)).toBeNull();

    const restarted = new OperatorGate(planned, clock);
    expect(restarted.session(passphrase.token)).toBe('passphrase');
    restarted.sealed();
    expect(restarted.session(setup.token)).toBeNull();
    expect(new OperatorGate(planned, clock).session(setup.token)).toBeNull();
    clock.advance(60_000);
    expect(restarted.session(passphrase.token)).toBeNull();
    planned.log.close();
  });
});
