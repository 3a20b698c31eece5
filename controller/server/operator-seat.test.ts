import { describe, expect, it } from 'vitest';
import type { Role } from '../contract/protocol.ts';
import {
  admit,
  EMPTY_SEAT,
  proofNeeded,
  seatAfter,
  sessionStatus,
  type Arrival,
  type Member,
  type Proof,
  type SeatDecision,
  type SeatEvent,
} from './operator-seat.ts';

/** The seat after `events` in turn, with the decision on the last. */
function play(...events: SeatEvent[]): SeatDecision {
  let decision: SeatDecision = { seat: EMPTY_SEAT, refusal: null, announce: false };
  for (const event of events) decision = seatAfter(decision.seat, event);
  return decision;
}

const CONSOLE: Member = { role: 'console', trusted: false };
const TRUSTED_CONSOLE: Member = { role: 'console', trusted: true };
const DISPLAY: Member = { role: 'display', trusted: false };

const join = (id: string, member: Member = CONSOLE): SeatEvent => ({ type: 'join', id, member });
const claim = (id: string, sealed: boolean, role: Role = 'console'): SeatEvent => ({ type: 'claim', id, role, sealed });
const operate = (id: string, role: Role = 'console'): SeatEvent => ({ type: 'operate', id, role });
const leave = (id: string): SeatEvent => ({ type: 'leave', id });

/** A connection arriving: from another machine by default, with no session token. */
const arrival = (role: Role, sealed: boolean, changes: Partial<Arrival> = {}): Arrival => ({
  role,
  sealed,
  local: false,
  session: null,
  ...changes,
});

describe('proofNeeded and admit', () => {
  it.each<[Role, boolean, Proof]>([
    ['display', false, 'none'],
    ['display', true, 'none'],
    ['public', true, 'wrong'],
  ])('lets a %s in untrusted, asking nothing (sealed %s, proof %s)', (role, sealed, proof) => {
    expect(proofNeeded(arrival(role, sealed))).toBe('nothing');
    expect(admit({ ...arrival(role, sealed), proof })).toEqual({ ok: true, value: { role, trusted: false } });
  });

  it('asks a console on another machine for the setup code before the seal, and lets it in with the right one', () => {
    const lan = arrival('console', false);
    expect(proofNeeded(lan)).toBe('setup-code');
    expect(admit({ ...lan, proof: 'none' })).toMatchObject({
      ok: false,
      error: { code: 'setup-code-required', zh: expect.stringContaining('设置码') as string },
    });
    expect(admit({ ...lan, proof: 'wrong' })).toMatchObject({ ok: false, error: { code: 'wrong-setup-code' } });
    expect(admit({ ...lan, proof: 'right' })).toEqual({ ok: true, value: { role: 'console', trusted: false } });
  });

  it('lets a console on the controller machine in before the seal without a code, and one with a session', () => {
    for (const changes of [{ local: true }, { session: 'setup' as const }]) {
      const known = arrival('console', false, changes);
      expect(proofNeeded(known)).toBe('nothing');
      expect(admit({ ...known, proof: 'none' })).toEqual({ ok: true, value: { role: 'console', trusted: false } });
    }
  });

  it('asks every console for the passphrase once sealed, the controller machine’s too, and trusts one that gives it', () => {
    for (const changes of [{}, { local: true }, { session: 'setup' as const }]) {
      const sealed = arrival('console', true, changes);
      expect(proofNeeded(sealed)).toBe('passphrase');
      expect(admit({ ...sealed, proof: 'none' })).toMatchObject({
        ok: false,
        error: { code: 'wrong-passphrase', zh: '仪式已封装：控制台须输入封装时设定的操作口令' },
      });
      expect(admit({ ...sealed, proof: 'wrong' })).toMatchObject({
        ok: false,
        error: { code: 'wrong-passphrase', zh: '操作口令错误' },
      });
      expect(admit({ ...sealed, proof: 'right' })).toEqual({ ok: true, value: { role: 'console', trusted: true } });
    }
  });

  it('takes a session won with the passphrase for the passphrase after the seal', () => {
    const returning = arrival('console', true, { session: 'passphrase' });
    expect(proofNeeded(returning)).toBe('nothing');
    expect(admit({ ...returning, proof: 'none' })).toEqual({ ok: true, value: { role: 'console', trusted: true } });
  });
});

describe('the operator seat', () => {
  it('goes to the first console that connects, and every console is told', () => {
    const first = play(join('a'));
    expect(first).toEqual({ seat: { operator: 'a', trusted: new Set() }, refusal: null, announce: true });
    const second = seatAfter(first.seat, join('b'));
    expect(second.seat.operator).toBe('a');
    expect(second.announce).toBe(false);
  });

  it('goes to a console that connects with the passphrase after the seal while the seat is free', () => {
    expect(play(join('a', TRUSTED_CONSOLE))).toMatchObject({ seat: { operator: 'a' }, announce: true });
  });

  it('never goes to a display or a public client, not even to the first to connect', () => {
    const decision = play(join('d', DISPLAY), join('p', { role: 'public', trusted: false }));
    expect(decision).toEqual({ seat: EMPTY_SEAT, refusal: null, announce: false });
    expect(play(join('d', DISPLAY), join('a')).seat.operator).toBe('a');
  });

  it('lets only the operator run commands; other consoles are read-only, other roles never operate', () => {
    const seated = play(join('a'), join('b')).seat;
    expect(seatAfter(seated, operate('a'))).toEqual({ seat: seated, refusal: null, announce: false });
    expect(seatAfter(seated, operate('b')).refusal).toMatchObject({
      code: 'not-operator',
      zh: '本控制台为只读：另一台控制台正在操作',
    });
    expect(seatAfter(seated, operate('d', 'display')).refusal).toMatchObject({
      code: 'not-operator',
      en: 'a display connection cannot send operator commands',
    });
  });

  it('refuses a claim while another console holds the seat, and any claim but a console’s', () => {
    const seated = play(join('a'), join('b'), join('d', DISPLAY)).seat;
    expect(seatAfter(seated, claim('b', false))).toMatchObject({
      seat: seated,
      refusal: { code: 'operator-busy' },
      announce: false,
    });
    expect(seatAfter(seated, claim('d', false, 'display')).refusal).toMatchObject({
      code: 'not-operator',
      zh: '“display”连接不能发送操作命令',
    });
    expect(seatAfter(play(join('d', DISPLAY)).seat, claim('d', false, 'display')).refusal).toMatchObject({
      code: 'not-operator',
    });
  });

  it('is free when the operator leaves, and every console is told; a read-only console leaving changes nothing', () => {
    const seated = play(join('a'), join('b')).seat;
    expect(seatAfter(seated, leave('b'))).toMatchObject({ seat: { operator: 'a' }, announce: false });
    expect(seatAfter(seated, leave('a'))).toEqual({
      seat: { operator: null, trusted: new Set() },
      refusal: null,
      announce: true,
    });
  });

  it('passes, once free, to the console that claims it first before the seal; it is not handed on by itself', () => {
    const free = play(join('a'), join('b'), join('c'), leave('a'));
    expect(free.seat.operator).toBeNull();
    const claimed = seatAfter(free.seat, claim('c', false));
    expect(claimed).toMatchObject({ seat: { operator: 'c' }, refusal: null, announce: true });
    expect(seatAfter(claimed.seat, claim('b', false)).refusal).toMatchObject({ code: 'operator-busy' });
  });

  it('lets the operator claim the seat it holds again', () => {
    expect(play(join('a'), claim('a', false))).toMatchObject({ seat: { operator: 'a' }, refusal: null });
  });

  it('after the seal passes only to a console that gave the passphrase: one connected earlier stays read-only', () => {
    const sealed = play(
      join('early'),
      join('other'),
      { type: 'sealed' },
      join('late', TRUSTED_CONSOLE),
      leave('early'),
    );
    expect(sealed.seat.operator).toBeNull();
    expect(seatAfter(sealed.seat, claim('other', true))).toMatchObject({
      seat: { operator: null },
      refusal: { code: 'wrong-passphrase', zh: '封装后须用操作口令重新连接' },
      announce: false,
    });
    expect(seatAfter(sealed.seat, claim('late', true))).toMatchObject({ seat: { operator: 'late' }, announce: true });
  });

  it('trusts the console that sealed: it set the passphrase, so it may claim the seat again after the seal', () => {
    const sealedHere = play(join('a'), { type: 'sealed' }, { type: 'set-passphrase', id: 'a' });
    expect(sealedHere.seat.trusted).toEqual(new Set(['a']));
    expect(seatAfter(sealedHere.seat, claim('a', true))).toMatchObject({ seat: { operator: 'a' }, refusal: null });
    // Sealed by someone else (the command line, a test), the operator never gave the passphrase.
    expect(play(join('a'), { type: 'sealed' }, claim('a', true)).refusal).toMatchObject({ code: 'wrong-passphrase' });
  });

  it('tells every console when the ceremony is sealed, as a passphrase now guards it', () => {
    const seated = play(join('a')).seat;
    expect(seatAfter(seated, { type: 'sealed' })).toEqual({ seat: seated, refusal: null, announce: true });
  });

  it('forgets the trust of a console that leaves', () => {
    const trusted = play(join('a', TRUSTED_CONSOLE), join('b', TRUSTED_CONSOLE)).seat;
    expect(seatAfter(trusted, leave('b')).seat.trusted).toEqual(new Set(['a']));
    expect(seatAfter(trusted, leave('a')).seat).toEqual({ operator: null, trusted: new Set(['b']) });
  });
});

describe('sessionStatus', () => {
  it('tells each connection whether it operates, whether anyone does, and whether a passphrase is set', () => {
    const seat = play(join('a'), join('b')).seat;
    expect(sessionStatus(seat, 'a', 'console', false)).toEqual({
      role: 'console',
      operator: true,
      operatorPresent: true,
      passphraseSet: false,
    });
    expect(sessionStatus(seat, 'b', 'console', true)).toEqual({
      role: 'console',
      operator: false,
      operatorPresent: true,
      passphraseSet: true,
    });
    expect(sessionStatus(EMPTY_SEAT, 'd', 'display', true)).toEqual({
      role: 'display',
      operator: false,
      operatorPresent: false,
      passphraseSet: true,
    });
  });
});
