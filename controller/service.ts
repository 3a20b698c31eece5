/**
 * The ceremony service: the one place commands run. It rebuilds the state on start by replaying the accepted commands
 * through the pure state machine (and checks the stored results against the replay), then runs each request in turn:
 * validate → translate → transition → append to the audit log (with results) in one transaction → publish. A crash
 * before the commit leaves no trace; after it, replay brings the command back exactly once.
 */
import { canonicalJson } from '../engine/ceremony/canonical.ts';
import { replay } from '../engine/ceremony/replay.ts';
import type { CeremonyCommand, CeremonyEvent, CeremonyState, SchoolRecord } from '../engine/ceremony/state.ts';
import { transition } from '../engine/ceremony/transition.ts';
import { OperatorRequestSchema, type CommandAccepted, type ProtocolError, type Result } from './contract/protocol.ts';
import { loggedRequest, toCommand, type RequestContext } from './requests.ts';
import type { AuditEntry, AuditLog, ResultKind, StoredResult } from './storage/audit-log.ts';

export interface Clock {
  now(): Date;
}

export interface ServiceOptions extends RequestContext {
  readonly clock: Clock;
}

export interface Change {
  readonly state: CeremonyState;
  readonly events: readonly CeremonyEvent[];
}

/** The stored log does not rebuild a consistent ceremony: the controller must not run on it. */
export class IntegrityError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'IntegrityError';
  }
}

export class CeremonyService {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(change: Change) => void>();

  private constructor(
    private readonly log: AuditLog,
    private readonly options: ServiceOptions,
    private current: CeremonyState,
  ) {}

  static open(log: AuditLog, options: ServiceOptions): CeremonyService {
    const broken = log.verify();
    if (broken !== null) {
      throw new IntegrityError(
        `审计日志第 ${broken.seq} 条记录被改动：${broken.zh}`,
        `audit log entry ${broken.seq} was tampered with: ${broken.en}`,
      );
    }
    const replayed = replay(log.commands(), null);
    if (!replayed.ok) {
      throw new IntegrityError(
        `审计日志第 ${replayed.seq} 条命令无法重放：${replayed.zh}`,
        `audit log entry ${replayed.seq} does not replay: ${replayed.en}`,
      );
    }
    checkStoredResults(log, replayed.state);
    return new CeremonyService(log, options, replayed.state);
  }

  get state(): CeremonyState {
    return this.current;
  }

  subscribe(listener: (change: Change) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs one operator request, after any still running: commands never interleave. */
  submit(raw: unknown, actor: string): Promise<Result<CommandAccepted>> {
    const run = this.queue.then(() => this.run(raw, actor));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run(raw: unknown, actor: string): Promise<Result<CommandAccepted>> {
    const parsed = OperatorRequestSchema.safeParse(raw);
    if (!parsed.success) {
      const type = (raw as { type?: unknown } | null)?.type;
      return this.refuse(
        actor,
        { type: typeof type === 'string' ? type.slice(0, 50) : null },
        {
          code: 'invalid-request',
          zh: '请求格式无效，未作任何更改',
          en: 'the request is malformed; nothing was changed',
          details: parsed.error.issues.map((issue) => ({
            file: null,
            row: null,
            column: issue.path.join('.') || null,
            zh: `字段无效：${issue.message}`,
            en: `invalid field: ${issue.message}`,
          })),
        },
      );
    }
    const request = parsed.data;
    const translation = await toCommand(request, this.options, this.current.seal?.rules ?? null);
    if ('refusal' in translation) return this.refuse(actor, loggedRequest(request), translation.refusal);
    const outcome = transition(this.current, translation.command);
    if (!outcome.ok) return this.refuse(actor, loggedRequest(request), outcome.refusal);

    const { state, events } = outcome;
    const unwritten = this.append(
      { at: this.now(), actor, kind: 'command', body: { revision: state.revision, command: translation.command } },
      newResults(translation.command, state),
    );
    if (unwritten !== null) return { ok: false, error: unwritten };
    this.current = state;
    for (const listener of this.listeners) listener({ state, events });
    return { ok: true, value: { revision: state.revision, events } };
  }

  private refuse(actor: string, request: unknown, error: ProtocolError): Result<never> {
    // A refusal that cannot be logged is answered with the reason it cannot: the disk comes first.
    const unwritten = this.append({ at: this.now(), actor, kind: 'refusal', body: { request, refusal: error } });
    return { ok: false, error: unwritten ?? error };
  }

  /**
   * Appends to the audit log. On a full disk SQLite rolls the transaction back: nothing is stored, the state stays as
   * it was, and the operator is told why instead of the process failing.
   */
  private append(entry: Omit<AuditEntry, 'seq'>, results: readonly StoredResult[] = []): ProtocolError | null {
    try {
      this.log.append(entry, results);
      return null;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_FULL') throw error;
      return DISK_FULL;
    }
  }

  private now(): string {
    return this.options.clock.now().toISOString();
  }
}

const DISK_FULL: ProtocolError = {
  code: 'internal-error',
  zh: '数据目录所在的磁盘已满：本次操作未执行，未作任何更改。请释放该磁盘的空间（例如删除无关的大文件）后重试',
  en:
    'the disk holding the data directory is full: this operation was not carried out and nothing was changed. ' +
    'Free space on that disk (for example, delete large unrelated files), then try again',
  details: [],
};

const RESULT_OF: Partial<Record<CeremonyCommand['type'], ResultKind>> = {
  'school:draw': 'students',
  'school:teachers': 'teachers',
};

/** Every result a school holds: its class list once drawn, its teacher teams once drawn. */
function resultsOf(school: SchoolRecord): StoredResult[] {
  return [
    ...(school.draw === null ? [] : [{ school: school.name, kind: 'students' as const, body: school.draw }]),
    ...(school.teachers === null ? [] : [{ school: school.name, kind: 'teachers' as const, body: school.teachers }]),
  ];
}

/** The results a command produced, stored in their own append-only table beside its log entry. */
function newResults(command: CeremonyCommand, state: CeremonyState): StoredResult[] {
  const kind = RESULT_OF[command.type];
  if (kind === undefined || !('school' in command)) return [];
  const school = state.schools.find((candidate) => candidate.name === command.school)!;
  return resultsOf(school).filter((result) => result.kind === kind);
}

/** The replay must reproduce every stored result exactly: the stored results are what was shown and printed. */
function checkStoredResults(log: AuditLog, state: CeremonyState): void {
  const replayed = state.schools.flatMap(resultsOf);
  const key = (result: StoredResult) => `${result.school}\0${result.kind}\0${canonicalJson(result.body)}`;
  const expected = new Set(replayed.map(key));
  const stored = log.results();
  const differing = stored.filter((result) => !expected.has(key(result)));
  if (differing.length > 0 || stored.length !== replayed.length) {
    const schools = [...new Set(differing.map((result) => result.school))].join('、') || '?';
    // The usual cause is opening the data with another version of the software than the one sealed with it.
    const sealedBuild = state.seal?.buildHash ?? '?';
    throw new IntegrityError(
      `已存的分班结果与重放结果不一致（${schools}）：软件或数据已被改动。封装时的软件哈希为 ${sealedBuild}，` +
        '请用 npx sunshine build-hash 核对本机软件，并用封装时的软件版本打开此数据目录',
      `stored results differ from the replay (${schools}): the software or the data changed. The software sealed ` +
        `with this ceremony has build hash ${sealedBuild}: check this machine's with npx sunshine build-hash, and ` +
        'open the data directory with the software it was sealed with',
    );
  }
}
