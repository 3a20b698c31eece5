/**
 * The operator seat: who may connect, which one console operates (runs commands and changes the displays), who may
 * take the seat and when every console must hear who holds it. Pure: `sockets.ts` tells it what happened, as data,
 * and carries out what it decides, as data; no socket, no clock, no passphrase hashing here.
 *
 * The rules (docs/decisions/013-admission-and-operator-seat.md): a console proves itself before it is let in. Before
 * the seal with the one-time setup code `sunshine serve` printed in its terminal, or by running on the controller
 * machine itself; from the seal on with the passphrase — whatever the machine. A session token the controller issued
 * for such a proof stands for it on reconnecting (one won before the seal ends at the seal). The first console let in
 * operates. Other consoles are read-only; when the operator leaves the seat is free, and a console may claim it —
 * after the seal only one that gave the passphrase or set it by sealing: a console connected earlier without it stays
 * read-only. Displays and public clients never operate (what a display may see is `display-admission.ts`'s).
 */
import type { ProtocolError, Result, Role, SessionStatus } from '../contract/protocol.ts';

/** What a session token stands for: the setup code (or the machine itself) before the seal, or the passphrase. */
export type SessionKind = 'setup' | 'passphrase';

/** What a connection brings before anything is checked. */
export interface Arrival {
  readonly role: Role;
  /** From the seal on, the passphrase guards the ceremony. */
  readonly sealed: boolean;
  /** From the controller machine itself (`local-address.ts`). */
  readonly local: boolean;
  /** What its session token stands for; null without one, or with one unknown or ended. */
  readonly session: SessionKind | null;
}

/** What a console must still prove to be let in. */
export type ProofNeeded = 'nothing' | 'passphrase' | 'setup-code';

/** What the passphrase or setup code it gave proved: none given, the right one, or not. */
export type Proof = 'none' | 'right' | 'wrong';

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

const PASSPHRASE_NEEDED: ProtocolError = {
  code: 'wrong-passphrase',
  zh: '仪式已封装：控制台须输入封装时设定的操作口令',
  en: 'the ceremony is sealed: a console needs the passphrase set at the seal',
  details: [],
};

const SETUP_CODE_NEEDED: ProtocolError = {
  code: 'setup-code-required',
  zh: '封装前，控制器电脑以外的控制台须输入设置码（启动控制器时打印在其终端里）',
  en: 'before the seal, a console on another machine needs the setup code (printed in the controller’s terminal at start)',
  details: [],
};

const WRONG_SETUP_CODE: ProtocolError = {
  code: 'wrong-setup-code',
  zh: '设置码错误',
  en: 'wrong setup code',
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

/** Which check a connection needs, so that only that one is made (and throttled). */
export function proofNeeded({ role, sealed, local, session }: Arrival): ProofNeeded {
  if (role !== 'console') return 'nothing';
  if (sealed) return session === 'passphrase' ? 'nothing' : 'passphrase';
  return session !== null || local ? 'nothing' : 'setup-code';
}

/** Lets a connection in, given what it proved of what `proofNeeded` asked, or says why not. */
export function admit(arrival: Arrival & { readonly proof: Proof }): Result<Member> {
  const { role, sealed, proof } = arrival;
  const needed = proofNeeded(arrival);
  if (needed === 'nothing' || proof === 'right')
    return { ok: true, value: { role, trusted: role === 'console' && sealed } };
  if (needed === 'passphrase') return { ok: false, error: proof === 'none' ? PASSPHRASE_NEEDED : WRONG_PASSPHRASE };
  return { ok: false, error: proof === 'none' ? SETUP_CODE_NEEDED : WRONG_SETUP_CODE };
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
