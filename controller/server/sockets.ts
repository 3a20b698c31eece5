/**
 * The live protocol: roles checked at the handshake, one operator console at a time (the rules are in
 * `operator-seat.ts`; this file only carries them to and from the sockets), every payload validated by the service,
 * and every accepted command broadcast as events plus the new snapshot: the hall's view for displays and consoles,
 * the public's for public clients (snapshot.ts). Consoles also follow the audit log's tail and which displays are
 * connected.
 *
 * Scenes are timed by the wall clock given (the machine's own; docs/decisions/003-scene-wall-clock.md), not by the
 * service's clock, which tests fix so that a ceremony's audit log comes out the same: displays measure their
 * animations against it through `clock:get`.
 */
import type { Server, Socket } from 'socket.io';
import type { Ceremony } from '../ceremony.ts';
import { checkPassphrase } from '../passphrase.ts';
import {
  DisplayShowingSchema,
  HandshakeSchema,
  type ClientToServerEvents,
  type ProtocolError,
  type Result,
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
import { audienceOf, toSnapshot, toUpdate, type Audience } from '../snapshot.ts';
import { AuditFeed } from './audit-feed.ts';
import { DisplayPresenceList } from './display-presence.ts';
import {
  admit,
  EMPTY_SEAT,
  seatAfter,
  sessionStatus,
  type Member,
  type PassphraseCheck,
  type SeatDecision,
  type SeatEvent,
} from './operator-seat.ts';

/** As admitted at the handshake; whether a console knows the passphrase is the seat's to keep from then on. */
type SocketData = Member;

export type ControllerServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type ControllerSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const ROOM: Readonly<Record<Audience, string>> = { hall: 'hall', public: 'public' };
const CONSOLES = 'consoles';

/** `wallClock`: the machine's clock, or a simulated one in tests; it times the scenes and dates the displays. */
export function attachSockets(io: ControllerServer, ceremony: Ceremony, wallClock: Clock): void {
  const { service, presentations, log } = ceremony;
  let seat = EMPTY_SEAT;
  const audit = new AuditFeed(log);
  const displays = new DisplayPresenceList();
  const sealed = () => service.state.seal !== null;
  const now = () => wallClock.now().getTime();

  /** What a handshake's passphrase proves; checked only once there is a passphrase to match. */
  const passphraseCheck = (given: string | undefined): PassphraseCheck => {
    const key = service.state.seal?.operatorKey;
    if (given === undefined) return 'none';
    return key !== undefined && checkPassphrase(given, key) ? 'right' : 'wrong';
  };

  io.use((socket, next) => {
    const handshake = HandshakeSchema.safeParse(socket.handshake.auth);
    if (!handshake.success) {
      return next(
        refusalError({
          code: 'invalid-request',
          zh: '连接参数无效：须说明角色（display / console / public）',
          en: 'bad connection parameters: give a role (display, console or public)',
          details: [],
        }),
      );
    }
    const { role, passphrase } = handshake.data;
    const admitted = admit({ role, passphrase: passphraseCheck(passphrase), sealed: sealed() });
    if (!admitted.ok) return next(refusalError(admitted.error));
    socket.data = admitted.value;
    next();
  });

  const status = (socket: ControllerSocket): SessionStatus =>
    sessionStatus(seat, socket.id, socket.data.role, sealed());

  /** Tells every console who operates now; each console's own flag differs, so one message each. */
  const announceSession = () => {
    for (const socket of io.sockets.sockets.values()) {
      if (socket.data.role === 'console') socket.emit('session:status', status(socket));
    }
  };

  /** Takes the seat's decision on what happened, telling every console when it says so. */
  const decide = (event: SeatEvent): SeatDecision => {
    const decision = seatAfter(seat, event);
    seat = decision.seat;
    if (decision.announce) announceSession();
    return decision;
  };

  const announceDisplays = () => io.to(CONSOLES).emit('displays:update', displays.list());

  /** Reads what the audit log gained (an accepted command or a refusal) and gives the consoles the new tail. */
  const followLog = () => {
    if (audit.refresh()) io.to(CONSOLES).emit('audit:tail', audit.tail);
  };

  io.on('connection', (socket) => {
    const { role } = socket.data;
    const userAgent = socket.handshake.headers['user-agent'];
    void socket.join(ROOM[audienceOf(role)]);
    if (!decide({ type: 'join', id: socket.id, member: socket.data }).announce) {
      socket.emit('session:status', status(socket));
    }
    socket.emit('ceremony:snapshot', toSnapshot(service.state, audienceOf(role)));
    socket.emit('ceremony:times', audit.times);
    socket.emit('presentation:update', presentations.presentation);
    if (role === 'console') {
      void socket.join(CONSOLES);
      socket.emit('displays:update', displays.list());
      socket.emit('audit:tail', audit.tail);
    }
    if (role === 'display') {
      displays.connect(socket.id, userAgent, wallClock.now());
      announceDisplays();
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
            decide({ type: 'set-passphrase', id: socket.id });
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

    socket.on('snapshot:get', (reply) => replyOf(reply)(toSnapshot(service.state, audienceOf(role))));

    socket.on('clock:get', (reply) => replyOf(reply)(now()));

    socket.on('display:showing', (showing) => {
      const parsed = DisplayShowingSchema.safeParse(showing);
      if (role === 'display' && parsed.success && displays.report(socket.id, userAgent, parsed.data)) {
        announceDisplays();
      }
    });

    socket.on('disconnect', () => {
      if (role === 'display' && displays.disconnect(socket.id)) announceDisplays();
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
    if (events.some((event) => event.type === 'ceremony:sealed')) decide({ type: 'sealed' });
    for (const audience of ['hall', 'public'] as const) {
      io.to(ROOM[audience]).emit('ceremony:update', toUpdate(state, events, audience));
    }
    if (events.length > 0) showEverywhere(presentationAfter(presentations.presentation, events, now()));
  });
}

/** A client may omit the acknowledgement callback; the command still gets its answer in the log. */
function replyOf<T>(reply: unknown): (value: T) => void {
  return typeof reply === 'function' ? (reply as (value: T) => void) : () => undefined;
}

function failure(code: ProtocolError['code'], zh: string, en: string): Result<never> {
  return { ok: false, error: { code, zh, en, details: [] } };
}

function refusalError(error: ProtocolError): Error & { data: ProtocolError } {
  return Object.assign(new Error(`${error.zh} / ${error.en}`), { data: error });
}
