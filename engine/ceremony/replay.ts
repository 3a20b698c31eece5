/**
 * Rebuilds a ceremony from its accepted commands. The controller runs it on its own log at every start, every verifier
 * on a bundle's audit chain: one function, so both rebuild the very same state. Each entry's body is parsed against
 * the commands' schema (never cast), run through `transition`, and must bring the ceremony to the revision it was
 * stored with. The first entry that does not is named with the reason, beside the state the entries before it built.
 */
import type { Roster } from '../roster.ts';
import type { Fault } from './audit-chain.ts';
import { CommandEntryBodySchema, type StoredCommand } from './command-schema.ts';
import { INITIAL_STATE, type CeremonyCommand, type CeremonyState, type TransitionResult } from './state.ts';
import { transition } from './transition.ts';

/** An accepted command's entry: its number in the audit chain and its body as read (JSON, not yet checked). */
export interface CommandEntry {
  readonly seq: number;
  readonly body: unknown;
}

/**
 * Where the roster of an import published without it comes from: the bundle's school files. Null for a log that keeps
 * every roster, where an import without one is a damaged entry.
 */
export type PublishedRosters = ((school: string) => Roster | null) | null;

export type Replay =
  | { readonly ok: true; readonly state: CeremonyState }
  | ({ readonly ok: false; readonly state: CeremonyState; readonly seq: number } & Fault);

export function replay(entries: Iterable<CommandEntry>, publishedRosters: PublishedRosters): Replay {
  let state = INITIAL_STATE;
  for (const entry of entries) {
    const step = replayEntry(state, entry.body, publishedRosters);
    if (!('state' in step)) return { ok: false, state, seq: entry.seq, zh: step.zh, en: step.en };
    state = step.state;
  }
  return { ok: true, state };
}

function replayEntry(
  state: CeremonyState,
  body: unknown,
  publishedRosters: PublishedRosters,
): { readonly state: CeremonyState } | Fault {
  const parsed = CommandEntryBodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || 'body';
    return { zh: `不是有效的命令：字段 ${field} 无效`, en: `not a valid command: ${field}: ${issue.message}` };
  }
  const { revision, command: stored } = parsed.data;
  const command = withRoster(stored, publishedRosters);
  if (!('type' in command)) return command;
  let outcome: TransitionResult;
  try {
    outcome = transition(state, command);
  } catch (error) {
    // The schema checks shapes only; whatever the engine still cannot read is reported like any damaged entry.
    const reason = error instanceof Error ? error.message : String(error);
    return { zh: `数据格式有误（${reason}）`, en: `malformed data (${reason})` };
  }
  if (!outcome.ok) return { zh: outcome.refusal.zh, en: outcome.refusal.en };
  if (outcome.state.revision !== revision) {
    return {
      zh: `所记版本号 ${revision} 与重放所得 ${outcome.state.revision} 不符`,
      en: `it records revision ${revision}, the replay gives ${outcome.state.revision}`,
    };
  }
  return { state: outcome.state };
}

/** The command with its roster: as stored, or put back from the published rosters. */
function withRoster(command: StoredCommand, publishedRosters: PublishedRosters): CeremonyCommand | Fault {
  if (command.type !== 'school:import') return command;
  const { roster, school } = command;
  if (roster !== null) return { ...command, roster };
  if (publishedRosters === null) {
    return { zh: '导入命令中没有名单', en: 'the import command holds no roster' };
  }
  const published = publishedRosters(school);
  if (published === null) return { zh: `缺少 ${school} 的名单文件`, en: `no roster file for ${school}` };
  return { ...command, roster: published };
}
