/**
 * The one wire contract between the controller, the display and the console (socket.io). Every side imports it;
 * nobody redeclares it. The controller validates every incoming payload against these schemas at runtime.
 * Browser-safe: zod and type-only imports from the pure engine, nothing from Node.
 */
import { z } from 'zod';
import { SCENES, type Presentation, type PresentationChange } from './presentation.ts';
import type { DeclaredFigures, Plan, Stage } from '../../engine/ceremony/plan.ts';
import type {
  CeremonyEvent,
  DrawRecord,
  Mismatch,
  Phase,
  PublicValue,
  Refusal,
  RefusalCode,
  SchoolStatus,
  SealedRules,
  TeacherRecord,
} from '../../engine/ceremony/state.ts';

export const ROLES = ['display', 'console', 'public'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Sent as socket.io's `auth` when connecting (docs/decisions/013-admission-and-operator-seat.md). A console proves
 * itself with a session token the controller issued, or else: after the seal the passphrase; before it the one-time
 * setup code `sunshine serve` printed, unless it runs on the controller machine itself. A display sends its own
 * device token, so that the operator's admission of it survives a reload.
 */
export const HandshakeSchema = z.strictObject({
  role: z.enum(ROLES),
  passphrase: z.string().max(200).optional(),
  setupCode: z.string().max(50).optional(),
  session: z.string().max(100).optional(),
  device: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]{16,64}$/,
      '设备标识应为 16–64 个字母、数字、- 或 _ / a device token is 16–64 letters, digits, - or _',
    )
    .optional(),
});
export type Handshake = z.infer<typeof HandshakeSchema>;

/**
 * The largest message (one socket.io packet, in bytes) any connection but the operator's may send: ample for a claim,
 * a clock request or a display's report; a larger one drops the connection. Only the operator's uploads need more.
 */
export const MAX_MESSAGE_BYTES = 8 * 1024;

/** Largest file a request may carry (an .xlsx roster of a few thousand students is well under this). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** The shortest operator passphrase, in characters: the console checks it before sending, the controller again. */
export const MIN_PASSPHRASE_LENGTH = 10;

/** The longest school, subject or balance-column name, the longest reason and the largest count a request carries. */
export const MAX_NAME_LENGTH = 100;
export const MAX_REASON_LENGTH = 1000;
export const MAX_COUNT = 100_000;

const name = z.string().min(1).max(MAX_NAME_LENGTH);
const reason = z.string().max(MAX_REASON_LENGTH);
const file = {
  fileName: z.string().min(1).max(255),
  content: z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, '应为文件内容（二进制）/ must be file bytes')
    .refine((bytes) => bytes.length <= MAX_FILE_BYTES, '文件过大 / file too large'),
};
const count = z.number().int().min(0).max(MAX_COUNT);
/**
 * Digits stopped on the rolling counter say where: the start of the scene they rolled in (the controller's clock,
 * ms) and the frame, so the controller can check they are that frame's (engine/ceremony/rolling.ts). Absent for
 * dice and for the CLI's own input.
 */
const rolled = z
  .strictObject({ sceneStartedAt: z.number().int().min(0), frame: z.number().int().min(0).max(1_000_000_000) })
  .optional();

const PlanSchoolSchema = z.strictObject({
  name,
  stage: z.enum(['primary', 'junior']),
  classes: count,
  cap: count,
  students: count,
  boys: count,
  girls: count,
  multiples: count,
  capOverrideReason: reason.nullable(),
});
export const PlanSchema = z.strictObject({ schools: z.array(PlanSchoolSchema).max(1000) });
// The wire plan is exactly the engine's plan: this line stops compiling if the two drift apart.
const planMatchesEngine: (plan: z.infer<typeof PlanSchema>) => Plan = (plan) => plan;
void planMatchesEngine;

/** The assignment rules sealed with the plan: the same for every school, shown on the seal certificate. */
export const RulesSchema = z.strictObject({
  siblings: z.enum(['together', 'apart']),
  names: z.enum(['exact', 'sound', 'dialect']),
  bands: z.number().int().min(0).max(50),
  rankBy: name.nullable(),
  extremes: z.number().int().min(0).max(1000),
  balance: z.array(name).max(20).readonly(),
});
const rulesMatchEngine: (rules: z.infer<typeof RulesSchema>) => SealedRules = (rules) => rules;
void rulesMatchEngine;

/** What an operator (a console, or the headless CLI) asks for. The controller turns it into an engine command. */
export const OperatorRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('plan:import'), ...file }),
  z.strictObject({ type: z.literal('plan:set'), plan: PlanSchema }),
  z.strictObject({
    type: z.literal('ceremony:seal'),
    passphrase: z.string().max(200),
    /** The assignment rules to seal; the engine's defaults when absent. */
    rules: RulesSchema.optional(),
    /** Names an external public value (e.g. a lottery draw announced after the seal) that every seed will take. */
    publicValueSource: z.string().max(1000).optional(),
  }),
  /** The value announced by the source named at the seal, typed in before the first draw; once only. */
  z.strictObject({ type: z.literal('ceremony:enter-public-value'), value: z.string().max(1000) }),
  z.strictObject({ type: z.literal('ceremony:preview') }),
  z.strictObject({ type: z.literal('ceremony:unseal') }),
  z.strictObject({
    type: z.literal('school:import'),
    school: name,
    ...file,
    /** Required (non-empty) when the roster disagrees with the sealed figures; null otherwise. */
    acceptMismatchReason: reason.nullable(),
  }),
  z.strictObject({ type: z.literal('school:draw'), school: name, contribution: z.string().max(64), rolled }),
  z.strictObject({ type: z.literal('school:publish'), school: name }),
  z.strictObject({
    type: z.literal('school:teachers'),
    school: name,
    draw: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('lottery'), contribution: z.string().max(64), rolled }),
      z.strictObject({ kind: z.literal('envelopes'), teamOfClass: z.array(z.number().int()).max(1000) }),
    ]),
  }),
  z.strictObject({ type: z.literal('ceremony:close') }),
]);
export type OperatorRequest = z.infer<typeof OperatorRequestSchema>;

/** Refusals from the controller itself, beyond the state machine's own. */
export type ControllerErrorCode =
  | 'invalid-request'
  | 'not-operator'
  | 'operator-busy'
  | 'wrong-passphrase'
  | 'setup-code-required'
  | 'wrong-setup-code'
  | 'too-many-attempts'
  | 'unknown-pairing-code'
  | 'unknown-display'
  | 'weak-passphrase'
  | 'plan-file-invalid'
  | 'roster-invalid'
  | 'contribution-not-rolled'
  | 'internal-error';
export type ErrorCode = RefusalCode | ControllerErrorCode;
export type ProtocolError = Refusal<ErrorCode>;

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ProtocolError };

export interface CommandAccepted {
  readonly revision: number;
  readonly events: readonly CeremonyEvent[];
}

/**
 * A student as clients see them: never a character of their ID number or student number (docs/decisions/018); names
 * masked on public pages.
 */
export interface StudentView {
  /** The student's row in the list (`1`, `2` …), which is in name order, never the canonical order. */
  readonly id: string;
  readonly name: string;
  readonly gender: 'M' | 'F';
  /** The primary school a junior student comes from, to tell namesakes apart in the hall; null on public pages. */
  readonly sourceSchool: string | null;
  /** Multiple-birth siblings share it, so they travel together on the display; null on public pages. */
  readonly siblingGroup: string | null;
}

export interface SchoolView {
  readonly name: string;
  readonly stage: Stage;
  readonly classes: number;
  readonly cap: number;
  readonly capOverrideReason: string | null;
  readonly declared: DeclaredFigures;
  readonly status: SchoolStatus;
  readonly roster: {
    readonly fileName: string;
    readonly rosterHash: string;
    readonly mismatches: readonly Mismatch[];
    readonly acceptedReason: string | null;
    /** In name order (controller/snapshot.ts): `draw.classOf` and `draw.reveal` index into this list. */
    readonly students: readonly StudentView[];
  } | null;
  /** As drawn; its indices and the report's student ids name rows of `roster.students`. */
  readonly draw: DrawRecord | null;
  readonly teachers: TeacherRecord | null;
}

/** The whole public state. `revision` only grows; a client renders the newest it has. */
export interface Snapshot {
  readonly revision: number;
  readonly phase: Phase;
  readonly seal: {
    readonly commitment: string;
    readonly planHash: string;
    readonly rules: SealedRules;
    readonly buildHash: string;
    /** The seal's secret, present only once the ceremony is closed: anyone can then check it against `commitment`. */
    readonly secretHex?: string;
    /** The external public value named at the seal (null when none), with its value once entered. */
    readonly publicValue: PublicValue | null;
  } | null;
  readonly schools: readonly SchoolView[];
}

export interface SessionStatus {
  readonly role: Role;
  /** True for the one console allowed to send commands. */
  readonly operator: boolean;
  /** Whether any console holds the operator session: a read-only console may claim it when none does. */
  readonly operatorPresent: boolean;
  /** False before the seal: the first-run console connects without one and sets it when sealing. */
  readonly passphraseSet: boolean;
}

/**
 * A console's session, issued when it proved itself (passphrase, setup code, or this machine): kept by the console
 * for this tab instead of the passphrase, given back on reconnecting and with each operator download. Held in the
 * controller's memory only: a restart, its expiry, or the seal (for one issued before it) ends it.
 */
export interface SessionGrant {
  readonly token: string;
  /** ISO 8601, on the controller's clock. */
  readonly expiresAt: string;
}

/** What a display is told of its admission: until the operator admits it, a pairing code to show and public data. */
export type DisplayAdmission = { readonly admitted: true } | { readonly admitted: false; readonly pairingCode: string };

/** A display the operator admitted, as the consoles list it; kept in the data directory until revoked. */
export interface AdmittedDisplay {
  /** Names the admission (not the device token itself) for `display:revoke`. */
  readonly id: string;
  /** Screen size and browser when admitted, e.g. `1920×1080 · Chrome 120`. */
  readonly label: string;
  readonly admittedAt: string;
  /** Whether it is connected now. */
  readonly connected: boolean;
}

export const PairingCodeSchema = z.string().regex(/^\d{6}$/, '配对码应为 6 位数字 / a pairing code is 6 digits');
export const AdmissionIdSchema = z.string().regex(/^[0-9a-f]{12}$/);

export interface Update {
  readonly revision: number;
  readonly events: readonly CeremonyEvent[];
  readonly snapshot: Snapshot;
}

/** When a step was done: the controller's clock at its audit entry (ISO 8601); null while it is not done. */
type DoneAt = string | null;

export interface SchoolTimes {
  readonly importedAt: DoneAt;
  readonly drawnAt: DoneAt;
  readonly publishedAt: DoneAt;
  readonly teachersDrawnAt: DoneAt;
}

/**
 * When each step of the ceremony was done, read from the audit log. Kept out of the snapshot, which stays a function
 * of the commands alone: replaying them anywhere gives the same snapshot, while these times belong to this one run.
 */
export interface CeremonyTimes {
  readonly sealedAt: DoneAt;
  readonly previewedAt: DoneAt;
  readonly unsealedAt: DoneAt;
  readonly closedAt: DoneAt;
  /** By school name; a school not yet imported has no entry. */
  readonly schools: Readonly<Record<string, SchoolTimes>>;
}

/** One audit log entry as consoles list it: enough to compare, entry by entry, with the printed chain. */
export interface AuditSummary {
  readonly seq: number;
  readonly at: string;
  /** Who sent it: `console:<socket id>`, `cli`, `demo` … */
  readonly actor: string;
  /** `access`: a summary of refused operator log-ins (wrong passphrase or setup code), not a command. */
  readonly kind: 'command' | 'refusal' | 'access';
  /** The request's type (`school:draw` …); null for a refused request too malformed to have one. */
  readonly type: string | null;
  /** The school it concerns, if any. */
  readonly school: string | null;
  /** The entry's SHA-256 in the chain (hex). */
  readonly hash: string;
}

/** A display says what it shows whenever that changes (the scene it falls back to included) and how big it is. */
export const DisplayShowingSchema = z.strictObject({
  scene: z.enum(SCENES),
  school: name.nullable(),
  /** The screen in device pixels. */
  width: z.number().int().min(0).max(100_000),
  height: z.number().int().min(0).max(100_000),
});
export type DisplayShowing = z.infer<typeof DisplayShowingSchema>;

/** A connected display, as the consoles list it. */
export interface DisplayPresence {
  readonly id: string;
  /** `local`: on the controller machine itself, admitted by being there; `waiting`: shows its pairing code. */
  readonly admission: 'admitted' | 'local' | 'waiting';
  /** Screen size and browser, e.g. `1920×1080 · Chrome`. */
  readonly label: string;
  readonly connectedAt: string;
  /** Null until the display has said. */
  readonly showing: { readonly scene: DisplayShowing['scene']; readonly school: string | null } | null;
}

export interface ServerToClientEvents {
  /** Sent on every (re)connection, before any update. */
  'ceremony:snapshot': (snapshot: Snapshot) => void;
  /** After each accepted command: what happened (to animate) and the state it led to (to render). */
  'ceremony:update': (update: Update) => void;
  /** On connecting, and to every console whenever the operator session or the passphrase changes. */
  'session:status': (status: SessionStatus) => void;
  /** Sent on every (re)connection and after every change: what the displays show. */
  'presentation:update': (presentation: Presentation) => void;
  /** Sent on every (re)connection and after each accepted command. */
  'ceremony:times': (times: CeremonyTimes) => void;
  /** To consoles, on connecting and whenever a display comes, goes or shows something else. */
  'displays:update': (displays: readonly DisplayPresence[]) => void;
  /** To consoles, on connecting and after each new audit entry: the newest entries, oldest first. */
  'audit:tail': (entries: readonly AuditSummary[]) => void;
  /** To a console that proved itself with a passphrase, the setup code or by being local, and to the one that sealed. */
  'session:granted': (grant: SessionGrant) => void;
  /** To a display, on connecting and whenever the operator admits or revokes it. */
  'display:admission': (admission: DisplayAdmission) => void;
  /** To consoles, on connecting and whenever an admission is made, revoked, or its display comes or goes. */
  'admissions:update': (admitted: readonly AdmittedDisplay[]) => void;
}

export interface ClientToServerEvents {
  /** Operator commands: only the operator console's are run; the reply says what happened or why not. */
  'command:run': (request: OperatorRequest, reply: (result: Result<CommandAccepted>) => void) => void;
  /** A read-only console takes over the operator session when no other console holds it. */
  'session:claim': (reply: (result: Result<SessionStatus>) => void) => void;
  'snapshot:get': (reply: (snapshot: Snapshot) => void) => void;
  /** The operator changes what the displays show (validated against PresentationChangeSchema). */
  'presentation:set': (change: PresentationChange, reply: (result: Result<Presentation>) => void) => void;
  /** The controller's clock (ms since 1970), so a client can tell how far its own is off. */
  'clock:get': (reply: (controllerNow: number) => void) => void;
  /** A display reports what it shows (validated against DisplayShowingSchema); other roles are ignored. */
  'display:showing': (showing: DisplayShowing) => void;
  /** The operator admits the display showing this pairing code: it gets names in clear from then on. */
  'display:admit': (pairingCode: string, reply: (result: Result<AdmittedDisplay>) => void) => void;
  /** The operator revokes an admission: its display drops back to the public view at once. */
  'display:revoke': (id: string, reply: (result: Result<null>) => void) => void;
}

/** `connect_error` carries this as `error.data` when the handshake is refused. */
export type HandshakeRefusal = ProtocolError;
