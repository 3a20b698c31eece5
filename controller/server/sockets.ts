/**
 * The live protocol: who is let in, checked at the handshake (the operator seat's rules are in `operator-seat.ts`,
 * the credentials in `operator-gate.ts`, the displays' admissions in `display-admission.ts`; this file only carries
 * them to and from the sockets), one operator console at a time, every payload validated by the service, and every
 * accepted command broadcast as events plus the new snapshot (snapshot.ts). Which snapshot a connection gets is decided in one
 * place, `viewOf`: the hall's view for consoles and admitted displays (the roster is shown in the hall), the public
 * view for everyone else — a display the operator has not admitted included. Consoles also follow the audit log's
 * tail, which displays are connected and which are admitted. docs/decisions/013-admission-and-operator-seat.md.
 *
 * Scenes are timed by the wall clock given (the machine's own; docs/decisions/003-scene-wall-clock.md), not by the
 * service's clock, which tests fix so that a ceremony's audit log comes out the same: displays measure their
 * animations against it through `clock:get`.
 */
import type { Server, Socket } from 'socket.io';
import type { Ceremony } from '../ceremony.ts';
import {
  AdmissionIdSchema,
  DisplayShowingSchema,
  HandshakeSchema,
  PairingCodeSchema,
  type AdmittedDisplay,
  type ClientToServerEvents,
  type DisplayAdmission,
  type DisplayPresence,
  type ProtocolError,
  type ServerToClientEvents,
  type SessionStatus,
} from '../contract/protocol.ts';
import {
  applyChange,
  PresentationChangeSchema,
  presentationAfter,
  type Presentation,
} from '../contract/presentation.ts';
import type { Clock } from '../service.ts';
import { toSnapshot, toUpdate, type Audience } from '../snapshot.ts';
import { AuditFeed } from './audit-feed.ts';
import { admissionId, DisplayAdmissions } from './display-admission.ts';
import { DisplayPresenceList } from './display-presence.ts';
import { isLocalConnection, plainAddress } from './local-address.ts';
import { limitMessages } from './message-limits.ts';
import type { OperatorGate } from './operator-gate.ts';
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
  type SessionKind,
} from './operator-seat.ts';

/** As let in at the handshake; whether a console knows the passphrase is the seat's to keep from then on. */
interface SocketData extends Member {
  /** The address it connects from (throttling, the audit's summary of refusals). */
  readonly address: string;
  /** On the controller machine itself. */
  readonly local: boolean;
  /** A display's device token; null for other roles, or a local display that sent none. */
  readonly device: string | null;
  /** The session to issue on connecting: a console that proved itself other than by a session token. */
  readonly grant: SessionKind | null;
}

export type ControllerServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type ControllerSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const ROOM: Readonly<Record<Audience, string>> = { hall: 'hall', public: 'public' };
const VIEWS = ['hall', 'public'] as const;
const CONSOLES = 'consoles';

const BAD_HANDSHAKE: ProtocolError = {
  code: 'invalid-request',
  zh: '连接参数无效：须说明角色（display / console / public）',
  en: 'bad connection parameters: give a role (display, console or public)',
  details: [],
};

const DEVICE_NEEDED: ProtocolError = {
  code: 'invalid-request',
  zh: '大屏连接须带设备标识（请刷新大屏页面）',
  en: 'a display must send its device token (reload the display page)',
  details: [],
};

/**
 * `wallClock`: the machine's clock, or a simulated one in tests; it times the scenes and dates the displays.
 * `gate`: the operator's credentials, shared with the HTTP downloads.
 */
export function attachSockets(io: ControllerServer, ceremony: Ceremony, wallClock: Clock, gate: OperatorGate): void {
  const { service, presentations, log } = ceremony;
  let seat = EMPTY_SEAT;
  const audit = new AuditFeed(log);
  const displays = new DisplayPresenceList();
  const admissions = new DisplayAdmissions(ceremony.access.admissions);
  /** The view each connection was last given, so that an admission or a revocation moves only those it changes. */
  const views = new Map<string, Audience>();
  const sealed = () => service.state.seal !== null;
  const now = () => wallClock.now().getTime();

  limitMessages(io, (id) => seat.operator === id);

  /** What a connection proves at the handshake: only the one check it needs is made, throttled by the gate. */
  const letIn = async (socket: ControllerSocket): Promise<ProtocolError | null> => {
    const handshake = HandshakeSchema.safeParse(socket.handshake.auth);
    if (!handshake.success) return BAD_HANDSHAKE;
    const { role, passphrase, setupCode, session, device } = handshake.data;
    const local = isLocalConnection(
      socket.handshake.address,
      socket.request.socket.localAddress,
      socket.handshake.headers,
    );
    const address = plainAddress(socket.handshake.address);
    if (role === 'display' && !local && device === undefined) return DEVICE_NEEDED;
    const arrival: Arrival = {
      role,
      sealed: sealed(),
      local,
      session: role === 'console' ? gate.session(session) : null,
    };
    const needed = proofNeeded(arrival);
    const given = { nothing: undefined, passphrase, 'setup-code': setupCode }[needed];
    let proof: Proof = 'none';
    if (given !== undefined) {
      const caller = { address, channel: 'socket' } as const;
      const checked =
        needed === 'passphrase' ? await gate.checkPassphrase(given, caller) : await gate.checkSetupCode(given, caller);
      if (checked.outcome === 'throttled') return checked.error;
      proof = checked.outcome;
    }
    const admitted = admit({ ...arrival, proof });
    if (!admitted.ok) return admitted.error;
    const grant =
      role === 'console' && arrival.session === null ? (admitted.value.trusted ? 'passphrase' : 'setup') : null;
    socket.data = { ...admitted.value, address, local, device: device ?? null, grant };
    return null;
  };

  io.use((socket, next) => {
    letIn(socket).then(
      (refusal) => next(refusal === null ? undefined : refusalError(refusal)),
      (error: unknown) => {
        console.error(error);
        next(refusalError(failure('internal-error', '控制器内部错误', 'internal controller error').error));
      },
    );
  });

  /** Where a display stands: on this machine, admitted by the operator, or waiting with its pairing code. */
  const admissionOf = (data: SocketData): DisplayPresence['admission'] => {
    if (data.local) return 'local';
    return data.device !== null && admissions.isAdmitted(data.device) ? 'admitted' : 'waiting';
  };

  /** Which snapshot a connection gets. The broadcast sends each view, made once, to the room of that view. */
  const viewOf = (data: SocketData): Audience => {
    switch (data.role) {
      case 'console':
        return 'hall';
      case 'display':
        return admissionOf(data) === 'waiting' ? 'public' : 'hall';
      case 'public':
        return 'public';
    }
  };

  /** Puts a connection in its view's room; true when that changed it. */
  const placeInView = (socket: ControllerSocket): boolean => {
    const view = viewOf(socket.data);
    const before = views.get(socket.id);
    if (before === view) return false;
    if (before !== undefined) void socket.leave(ROOM[before]);
    void socket.join(ROOM[view]);
    views.set(socket.id, view);
    return true;
  };

  const displayAdmission = (socket: ControllerSocket): DisplayAdmission =>
    admissionOf(socket.data) === 'waiting'
      ? { admitted: false, pairingCode: admissions.pairingCode(socket.data.device!) }
      : { admitted: true };

  const connected = (role: SocketData['role']) =>
    [...io.sockets.sockets.values()].filter((socket) => socket.data.role === role);

  const admittedList = (): AdmittedDisplay[] =>
    admissions.admitted.map((record) => ({
      id: admissionId(record),
      label: record.label,
      admittedAt: record.admittedAt,
      connected: connected('display').some(
        (socket) => socket.data.device !== null && admissions.matches(record, socket.data.device),
      ),
    }));

  const announceDisplays = () => io.to(CONSOLES).emit('displays:update', displays.list());
  const announceAdmissions = () => io.to(CONSOLES).emit('admissions:update', admittedList());

  /** After an admission or a revocation: each display it concerns gets its new view at once, whole. */
  const reconsiderDisplays = () => {
    for (const socket of connected('display')) {
      if (!placeInView(socket)) continue;
      socket.emit('display:admission', displayAdmission(socket));
      socket.emit('ceremony:snapshot', toSnapshot(service.state, viewOf(socket.data)));
      displays.admission(socket.id, admissionOf(socket.data));
    }
    announceDisplays();
    announceAdmissions();
  };

  const status = (socket: ControllerSocket): SessionStatus =>
    sessionStatus(seat, socket.id, socket.data.role, sealed());

  /** Tells every console who operates now; each console's own flag differs, so one message each. */
  const announceSession = () => {
    for (const socket of connected('console')) socket.emit('session:status', status(socket));
  };

  /** Takes the seat's decision on what happened, telling every console when it says so. */
  const decide = (event: SeatEvent): SeatDecision => {
    const decision = seatAfter(seat, event);
    seat = decision.seat;
    if (decision.announce) announceSession();
    return decision;
  };

  /** Reads what the audit log gained (a command, a refusal, a summary of refused log-ins) and tells the consoles. */
  const followLog = () => {
    if (audit.refresh()) io.to(CONSOLES).emit('audit:tail', audit.tail);
  };
  gate.onLogged(followLog);

  io.on('connection', (socket) => {
    const { role, device, grant } = socket.data;
    const userAgent = socket.handshake.headers['user-agent'];
    placeInView(socket);
    if (!decide({ type: 'join', id: socket.id, member: socket.data }).announce) {
      socket.emit('session:status', status(socket));
    }
    if (grant !== null) socket.emit('session:granted', gate.issue(grant));
    socket.emit('ceremony:snapshot', toSnapshot(service.state, viewOf(socket.data)));
    socket.emit('ceremony:times', audit.times);
    socket.emit('presentation:update', presentations.presentation);
    if (role === 'console') {
      void socket.join(CONSOLES);
      socket.emit('displays:update', displays.list());
      socket.emit('audit:tail', audit.tail);
      socket.emit('admissions:update', admittedList());
    }
    if (role === 'display') {
      socket.emit('display:admission', displayAdmission(socket));
      displays.connect(socket.id, userAgent, wallClock.now(), admissionOf(socket.data));
      announceDisplays();
      if (admissionOf(socket.data) === 'admitted') announceAdmissions();
    }

    /** Why this connection may not run a command or change the displays, or null when it may. */
    const operateRefusal = () => decide({ type: 'operate', id: socket.id, role }).refusal;

    socket.on('command:run', (request, reply) => {
      const answer = replyOf(reply);
      const refusal = operateRefusal();
      if (refusal !== null) {
        answer({ ok: false, error: refusal });
        return;
      }
      service.submit(request, `console:${socket.id}`).then(
        (result) => {
          followLog();
          if (result.ok && result.value.events.some((event) => event.type === 'ceremony:sealed')) {
            // It set the passphrase: it knows it, and its session now stands for it.
            decide({ type: 'set-passphrase', id: socket.id });
            socket.emit('session:granted', gate.issue('passphrase'));
          }
          answer(result);
        },
        (error: unknown) => {
          console.error(error);
          followLog();
          answer(
            failure('internal-error', '控制器内部错误，未作任何更改', 'internal controller error; nothing was changed'),
          );
        },
      );
    });

    socket.on('session:claim', (reply) => {
      const answer = replyOf(reply);
      const { refusal } = decide({ type: 'claim', id: socket.id, role, sealed: sealed() });
      answer(refusal === null ? { ok: true, value: status(socket) } : { ok: false, error: refusal });
    });

    socket.on('presentation:set', (change, reply) => {
      const answer = replyOf(reply);
      const refusal = operateRefusal();
      if (refusal !== null) return answer({ ok: false, error: refusal });
      const parsed = PresentationChangeSchema.safeParse(change);
      if (!parsed.success) {
        return answer(failure('invalid-request', `显示设置无效：${parsed.error.message}`, 'invalid display setting'));
      }
      const next = applyChange(presentations.presentation, parsed.data, now());
      if (next.school !== null && !service.state.schools.some((school) => school.name === next.school)) {
        return answer(failure('unknown-school', `没有学校“${next.school}”`, `no school "${next.school}"`));
      }
      showEverywhere(next);
      answer({ ok: true, value: next });
    });

    socket.on('display:admit', (code, reply) => {
      const answer = replyOf(reply);
      const refusal = operateRefusal();
      if (refusal !== null) return answer({ ok: false, error: refusal });
      const parsed = PairingCodeSchema.safeParse(code);
      const waiting = parsed.success ? admissions.showing(parsed.data) : null;
      if (waiting === null) {
        return answer(
          failure(
            'unknown-pairing-code',
            `没有等待接入的大屏显示配对码“${String(code)}”：请核对大屏上的 6 位数字`,
            `no waiting display shows the pairing code "${String(code)}": check the 6 digits on the screen`,
          ),
        );
      }
      // The browser, and the address the operator can tell one screen from another by.
      const shownBy = connected('display').find((candidate) => candidate.data.device === waiting);
      const browser = displays.list().find((presence) => presence.id === shownBy?.id)?.label ?? '大屏 display';
      const label = shownBy === undefined ? browser : `${browser} · ${shownBy.data.address}`;
      const record = admissions.admit(waiting, label, wallClock.now());
      reconsiderDisplays();
      answer({ ok: true, value: admittedList().find((admitted) => admitted.id === admissionId(record))! });
    });

    socket.on('display:revoke', (id, reply) => {
      const answer = replyOf(reply);
      const refusal = operateRefusal();
      if (refusal !== null) return answer({ ok: false, error: refusal });
      const parsed = AdmissionIdSchema.safeParse(id);
      if (!parsed.success || admissions.revoke(parsed.data) === null) {
        return answer(failure('unknown-display', '没有这台已接入的大屏', 'no such admitted display'));
      }
      reconsiderDisplays();
      answer({ ok: true, value: null });
    });

    socket.on('snapshot:get', (reply) => replyOf(reply)(toSnapshot(service.state, viewOf(socket.data))));

    socket.on('clock:get', (reply) => replyOf(reply)(now()));

    socket.on('display:showing', (showing) => {
      const parsed = DisplayShowingSchema.safeParse(showing);
      if (role === 'display' && parsed.success && displays.report(socket.id, userAgent, parsed.data)) {
        announceDisplays();
      }
    });

    socket.on('disconnect', () => {
      views.delete(socket.id);
      if (role === 'display') {
        displays.disconnect(socket.id);
        const stillOpen = connected('display').some((other) => other.data.device === device);
        if (device !== null && !stillOpen) admissions.forget(device);
        announceDisplays();
        if (admissionOf(socket.data) === 'admitted') announceAdmissions();
      }
      decide({ type: 'leave', id: socket.id });
    });
  });

  const showEverywhere = (next: Presentation) => {
    presentations.set(next);
    io.emit('presentation:update', next);
  };

  service.subscribe(({ state, events }) => {
    followLog();
    io.emit('ceremony:times', audit.times);
    if (events.some((event) => event.type === 'ceremony:sealed')) {
      gate.sealed();
      decide({ type: 'sealed' });
    }
    for (const view of VIEWS) {
      io.to(ROOM[view]).emit('ceremony:update', toUpdate(state, events, view));
    }
    if (events.length > 0) showEverywhere(presentationAfter(presentations.presentation, events, now()));
  });
}

/** A client may omit the acknowledgement callback; the command still gets its answer in the log. */
function replyOf<T>(reply: unknown): (value: T) => void {
  return typeof reply === 'function' ? (reply as (value: T) => void) : () => undefined;
}

function failure(code: ProtocolError['code'], zh: string, en: string): { ok: false; error: ProtocolError } {
  return { ok: false, error: { code, zh, en, details: [] } };
}

function refusalError(error: ProtocolError): Error & { data: ProtocolError } {
  return Object.assign(new Error(`${error.zh} / ${error.en}`), { data: error });
}
