/**
 * The live protocol: roles checked at the handshake, one operator console at a time, every payload validated by the
 * service, and every accepted command broadcast as events plus the new snapshot. Names are in clear for displays and
 * consoles (the roster is shown in the hall) and masked for public clients; ID numbers are masked for everyone.
 * Consoles also follow the audit log's tail and which displays are connected.
 *
 * Scenes are timed by this machine's wall clock (`Date.now`), not by the service's clock, which tests fix so that a
 * ceremony's audit log comes out the same: displays measure their animations against it through `clock:get`.
 */
import type { Server, Socket } from 'socket.io';
import { checkPassphrase } from '../passphrase.ts';
import {
  DisplayShowingSchema,
  HandshakeSchema,
  type ClientToServerEvents,
  type ProtocolError,
  type Result,
  type Role,
  type ServerToClientEvents,
  type SessionStatus,
} from '../contract/protocol.ts';
import {
  applyChange,
  PresentationChangeSchema,
  presentationAfter,
  type Presentation,
} from '../contract/presentation.ts';
import type { PresentationStore } from '../presentation-store.ts';
import type { CeremonyService } from '../service.ts';
import { toSnapshot, type NameVisibility } from '../snapshot.ts';
import type { AuditLog } from '../storage/audit-log.ts';
import { AuditFeed } from './audit-feed.ts';
import { DisplayPresenceList } from './display-presence.ts';

interface SocketData {
  role: Role;
  /** A console that gave the passphrase, or that set it by sealing: only such a console may operate after the seal. */
  trusted: boolean;
}

export type ControllerServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type ControllerSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const ROOM: Readonly<Record<NameVisibility, string>> = { clear: 'names-clear', masked: 'names-masked' };
const CONSOLES = 'consoles';
const visibility = (role: Role): NameVisibility => (role === 'public' ? 'masked' : 'clear');

export function attachSockets(
  io: ControllerServer,
  service: CeremonyService,
  presentations: PresentationStore,
  log: AuditLog,
): void {
  /** The socket id of the one console allowed to run commands, if any is connected. */
  let operator: string | null = null;
  const audit = new AuditFeed(log);
  const displays = new DisplayPresenceList();

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
    const key = service.state.seal?.operatorKey;
    if (role === 'console' && key !== undefined && (passphrase === undefined || !checkPassphrase(passphrase, key))) {
      return next(
        refusalError({
          code: 'wrong-passphrase',
          zh: '操作口令错误',
          en: 'wrong operator passphrase',
          details: [],
        }),
      );
    }
    socket.data.role = role;
    socket.data.trusted = role === 'console' && key !== undefined;
    next();
  });

  const status = (socket: ControllerSocket): SessionStatus => ({
    role: socket.data.role,
    operator: operator === socket.id,
    operatorPresent: operator !== null,
    passphraseSet: service.state.seal !== null,
  });

  /** Tells every console who operates now; each console's own flag differs, so one message each. */
  const announceSession = () => {
    for (const socket of io.sockets.sockets.values()) {
      if (socket.data.role === 'console') socket.emit('session:status', status(socket));
    }
  };

  const announceDisplays = () => io.to(CONSOLES).emit('displays:update', displays.list());

  /** Reads what the audit log gained (an accepted command or a refusal) and gives the consoles the new tail. */
  const followLog = () => {
    if (audit.refresh()) io.to(CONSOLES).emit('audit:tail', audit.tail);
  };

  io.on('connection', (socket) => {
    const { role } = socket.data;
    const userAgent = socket.handshake.headers['user-agent'];
    void socket.join(ROOM[visibility(role)]);
    if (role === 'console' && operator === null) {
      operator = socket.id;
      announceSession();
    } else {
      socket.emit('session:status', status(socket));
    }
    socket.emit('ceremony:snapshot', toSnapshot(service.state, visibility(role)));
    socket.emit('ceremony:times', audit.times);
    socket.emit('presentation:update', presentations.presentation);
    if (role === 'console') {
      void socket.join(CONSOLES);
      socket.emit('displays:update', displays.list());
      socket.emit('audit:tail', audit.tail);
    }
    if (role === 'display') {
      displays.connect(socket.id, userAgent, new Date());
      announceDisplays();
    }

    socket.on('command:run', (request, reply) => {
      const answer = replyOf(reply);
      if (operator !== socket.id) {
        answer(notOperator(role));
        return;
      }
      service.submit(request, `console:${socket.id}`).then(
        (result) => {
          followLog();
          // The console that sealed set the passphrase; every other console connected before it without one.
          if (result.ok && result.value.events.some((event) => event.type === 'ceremony:sealed')) {
            socket.data.trusted = true;
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
      if (role !== 'console') return answer(notOperator(role));
      if (operator !== null && operator !== socket.id) {
        return answer(failure('operator-busy', '已有另一台控制台在操作', 'another console holds the operator session'));
      }
      // A console connected before the seal never gave the passphrase that now guards the ceremony.
      if (service.state.seal !== null && !socket.data.trusted) {
        return answer(
          failure('wrong-passphrase', '封装后须用操作口令重新连接', 'reconnect with the passphrase set at the seal'),
        );
      }
      operator = socket.id;
      announceSession();
      answer({ ok: true, value: status(socket) });
    });

    socket.on('presentation:set', (change, reply) => {
      const answer = replyOf(reply);
      if (operator !== socket.id) return answer(notOperator(role));
      const parsed = PresentationChangeSchema.safeParse(change);
      if (!parsed.success) {
        return answer(failure('invalid-request', `显示设置无效：${parsed.error.message}`, 'invalid display setting'));
      }
      const next = applyChange(presentations.presentation, parsed.data, Date.now());
      if (next.school !== null && !service.state.schools.some((school) => school.name === next.school)) {
        return answer(failure('unknown-school', `没有学校“${next.school}”`, `no school "${next.school}"`));
      }
      showEverywhere(next);
      answer({ ok: true, value: next });
    });

    socket.on('snapshot:get', (reply) => replyOf(reply)(toSnapshot(service.state, visibility(role))));

    socket.on('clock:get', (reply) => replyOf(reply)(Date.now()));

    socket.on('display:showing', (showing) => {
      const parsed = DisplayShowingSchema.safeParse(showing);
      if (role === 'display' && parsed.success && displays.report(socket.id, userAgent, parsed.data)) {
        announceDisplays();
      }
    });

    socket.on('disconnect', () => {
      if (role === 'display' && displays.disconnect(socket.id)) announceDisplays();
      if (operator !== socket.id) return;
      operator = null;
      announceSession();
    });
  });

  const showEverywhere = (next: Presentation) => {
    presentations.set(next);
    io.emit('presentation:update', next);
  };

  service.subscribe(({ state, events }) => {
    followLog();
    io.emit('ceremony:times', audit.times);
    if (events.some((event) => event.type === 'ceremony:sealed')) announceSession();
    for (const names of ['clear', 'masked'] as const) {
      const snapshot = toSnapshot(state, names);
      io.to(ROOM[names]).emit('ceremony:update', { revision: state.revision, events, snapshot });
    }
    if (events.length > 0) showEverywhere(presentationAfter(presentations.presentation, events, Date.now()));
  });
}

/** A client may omit the acknowledgement callback; the command still gets its answer in the log. */
function replyOf<T>(reply: unknown): (value: T) => void {
  return typeof reply === 'function' ? (reply as (value: T) => void) : () => undefined;
}

function notOperator(role: Role): Result<never> {
  return role === 'console'
    ? failure(
        'not-operator',
        '本控制台为只读：另一台控制台正在操作',
        'this console is read-only: another console is operating',
      )
    : failure('not-operator', `“${role}”连接不能发送操作命令`, `a ${role} connection cannot send operator commands`);
}

function failure(code: ProtocolError['code'], zh: string, en: string): Result<never> {
  return { ok: false, error: { code, zh, en, details: [] } };
}

function refusalError(error: ProtocolError): Error & { data: ProtocolError } {
  return Object.assign(new Error(`${error.zh} / ${error.en}`), { data: error });
}
