/**
 * The operator seat: who may connect, which one console operates (runs commands and changes the displays), who may
 * take the seat and when every console must hear who holds it. Pure: `sockets.ts` tells it what happened, as data,
 * and carries out what it decides, as data; no socket, no clock, no passphrase hashing here.
 *
 * The rules: before the seal anyone may connect, and the first console to connect operates (first-run setup has no
 * passphrase yet). From the seal on, a console must give the passphrase to connect. Other consoles are read-only; when
 * the operator leaves the seat is free, and a console may claim it — after the seal only one that gave the passphrase
 * or set it by sealing: a console connected earlier without it stays read-only. Displays and public clients never
 * operate.
 */
import type { ProtocolError, Result, Role, SessionStatus } from '../contract/protocol.ts';

/** What the handshake's passphrase proved: none given, the seal's, or one that is not (or there is none yet). */
export type PassphraseCheck = 'none' | 'right' | 'wrong';

/** A connection asking to be let in. */
export interface Arrival {
  readonly role: Role;
  readonly passphrase: PassphraseCheck;
  /** From the seal on, the passphrase guards the ceremony. */
  readonly sealed: boolean;
}

/** A connection let in. */
export interface Member {
  readonly role: Role;
  /** A console that proved it knows the passphrase: only such a console may take the seat after the seal. */
  readonly trusted: boolean;
}

export interface Seat {
  /** The connection holding the operator seat, or null when it is free. */
  readonly operator: string | null;
  /** The connected consoles that know the passphrase: they gave it when connecting, or set it by sealing. */
  readonly trusted: ReadonlySet<string>;
}

export const EMPTY_SEAT: Seat = { operator: null, trusted: new Set() };

/** What happened to a connection, by its id. */
export type SeatEvent =
  /** It connected, admitted by `admit`. */
  | { readonly type: 'join'; readonly id: string; readonly member: Member }
  /** It asks to run a command or change the displays. */
  | { readonly type: 'operate'; readonly id: string; readonly role: Role }
  /** It asks for the seat. */
  | { readonly type: 'claim'; readonly id: string; readonly role: Role; readonly sealed: boolean }
  /** Its command sealed the ceremony: it set the passphrase, so it knows it. */
  | { readonly type: 'set-passphrase'; readonly id: string }
  /** The ceremony was sealed, by whoever: the passphrase guards it from now on. */
  | { readonly type: 'sealed' }
  | { readonly type: 'leave'; readonly id: string };

export interface SeatDecision {
  readonly seat: Seat;
  /** Why what the connection asked is refused, or null when it may go ahead. */
  readonly refusal: ProtocolError | null;
  /** Every console must be told its session status again: who operates, or whether a passphrase is set, changed. */
  readonly announce: boolean;
}

const WRONG_PASSPHRASE: ProtocolError = {
  code: 'wrong-passphrase',
  zh: '操作口令错误',
  en: 'wrong operator passphrase',
  details: [],
};

const READ_ONLY: ProtocolError = {
  code: 'not-operator',
  zh: '本控制台为只读：另一台控制台正在操作',
  en: 'this console is read-only: another console is operating',
  details: [],
};

const SEAT_TAKEN: ProtocolError = {
  code: 'operator-busy',
  zh: '已有另一台控制台在操作',
  en: 'another console holds the operator session',
  details: [],
};

const CONNECTED_WITHOUT_PASSPHRASE: ProtocolError = {
  code: 'wrong-passphrase',
  zh: '封装后须用操作口令重新连接',
  en: 'reconnect with the passphrase set at the seal',
  details: [],
};

const neverOperates = (role: Role): ProtocolError => ({
  code: 'not-operator',
  zh: `“${role}”连接不能发送操作命令`,
  en: `a ${role} connection cannot send operator commands`,
  details: [],
});

/** Lets a connection in, or says why not. */
export function admit({ role, passphrase, sealed }: Arrival): Result<Member> {
  if (role !== 'console') return { ok: true, value: { role, trusted: false } };
  if (sealed && passphrase !== 'right') return { ok: false, error: WRONG_PASSPHRASE };
  return { ok: true, value: { role, trusted: sealed } };
}

export function seatAfter(seat: Seat, event: SeatEvent): SeatDecision {
  switch (event.type) {
    case 'join': {
      const trusted = event.member.trusted ? withId(seat.trusted, event.id) : seat.trusted;
      if (event.member.role === 'console' && seat.operator === null) {
        return { seat: { operator: event.id, trusted }, refusal: null, announce: true };
      }
      return quietly({ ...seat, trusted }, null);
    }
    case 'operate':
      return quietly(seat, seat.operator === event.id ? null : notOperator(event.role));
    case 'claim': {
      if (event.role !== 'console') return quietly(seat, neverOperates(event.role));
      if (seat.operator !== null && seat.operator !== event.id) return quietly(seat, SEAT_TAKEN);
      if (event.sealed && !seat.trusted.has(event.id)) return quietly(seat, CONNECTED_WITHOUT_PASSPHRASE);
      return { seat: { ...seat, operator: event.id }, refusal: null, announce: true };
    }
    case 'set-passphrase':
      return quietly({ ...seat, trusted: withId(seat.trusted, event.id) }, null);
    case 'sealed':
      return { seat, refusal: null, announce: true };
    case 'leave': {
      const trusted = new Set(seat.trusted);
      trusted.delete(event.id);
      if (seat.operator !== event.id) return quietly({ ...seat, trusted }, null);
      return { seat: { operator: null, trusted }, refusal: null, announce: true };
    }
  }
}

/** What a connection is told of the session. */
export function sessionStatus(seat: Seat, id: string, role: Role, sealed: boolean): SessionStatus {
  return { role, operator: seat.operator === id, operatorPresent: seat.operator !== null, passphraseSet: sealed };
}

function notOperator(role: Role): ProtocolError {
  return role === 'console' ? READ_ONLY : neverOperates(role);
}

/** A decision no other console needs to hear of. */
function quietly(seat: Seat, refusal: ProtocolError | null): SeatDecision {
  return { seat, refusal, announce: false };
}

function withId(ids: ReadonlySet<string>, id: string): ReadonlySet<string> {
  return new Set(ids).add(id);
}
