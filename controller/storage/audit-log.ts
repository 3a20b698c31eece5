/**
 * The audit log: every accepted command and every refusal, in order, each entry holding the SHA-256 of the one
 * before, so a changed, inserted or removed entry breaks the chain at that point. Accepted commands are the command
 * log the state is rebuilt from; their results are stored alongside in the same transaction. The summaries of
 * refused operator log-ins (`access`) are in the chain too, and rebuild nothing.
 */
import {
  chainBreak,
  entryHash,
  GENESIS_HASH,
  type ChainBreak,
  type ChainEntry,
  type ChainLink,
  type LinkContent,
} from '../../engine/ceremony/audit-chain.ts';
import { canonicalJson } from '../../engine/ceremony/canonical.ts';
import { DamagedDatabaseError, openDatabase, type Db } from './database.ts';

/** `access`: a summary of refused operator log-ins (`server/access-refusals.ts`), neither command nor refusal of one. */
export type EntryKind = 'command' | 'refusal' | 'access';

export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly kind: EntryKind;
  readonly body: unknown;
}

export type ResultKind = 'students' | 'teachers';

export interface StoredResult {
  readonly school: string;
  readonly kind: ResultKind;
  readonly body: unknown;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  kind: string;
  body: string;
  prev_hash: string;
  hash: string;
}

export class AuditLog {
  private constructor(private readonly db: Db) {}

  static open(dataDir: string): AuditLog {
    return new AuditLog(openDatabase(dataDir));
  }

  /** Appends one entry and its results atomically: after a crash either all of it is there or none of it. */
  append(entry: Omit<AuditEntry, 'seq'>, results: readonly StoredResult[] = []): AuditEntry {
    return this.db
      .transaction(() => {
        const last = this.db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as
          Pick<AuditRow, 'seq' | 'hash'> | undefined;
        const row = {
          seq: (last?.seq ?? 0) + 1,
          at: entry.at,
          actor: entry.actor,
          kind: entry.kind,
          body: entry.body,
          prev_hash: last?.hash ?? GENESIS_HASH,
        };
        this.db
          .prepare('INSERT INTO audit (seq, at, actor, kind, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(row.seq, row.at, row.actor, row.kind, canonicalJson(row.body), row.prev_hash, entryHash(row));
        const insert = this.db.prepare('INSERT INTO results (school, kind, audit_seq, body) VALUES (?, ?, ?, ?)');
        for (const result of results) insert.run(result.school, result.kind, row.seq, canonicalJson(result.body));
        return { seq: row.seq, at: row.at, actor: row.actor, kind: entry.kind, body: entry.body };
      })
      .immediate();
  }

  /** The accepted commands, in order, as JSON for the replay, which checks each. Call `verify` first. */
  commands(): AuditEntry[] {
    const rows = this.db.prepare("SELECT * FROM audit WHERE kind = 'command' ORDER BY seq").all() as AuditRow[];
    return rows.map((row) => ({ ...row, kind: 'command', body: JSON.parse(row.body) as unknown }));
  }

  /**
   * Every entry with its hashes, in order, as the verification bundle publishes them; from entry `fromSeq` on, for a
   * reader that follows the log as it grows. Call `verify` first.
   */
  chain(fromSeq = 1): ChainEntry[] {
    const rows = this.db.prepare('SELECT * FROM audit WHERE seq >= ? ORDER BY seq').all(fromSeq) as AuditRow[];
    return rows.map((row) => ({
      seq: row.seq,
      at: row.at,
      actor: row.actor,
      kind: row.kind as EntryKind,
      body: JSON.parse(row.body) as unknown,
      prev: row.prev_hash,
      hash: row.hash,
    }));
  }

  results(): StoredResult[] {
    const rows = this.db.prepare('SELECT school, kind, body FROM results ORDER BY audit_seq, kind').all() as {
      school: string;
      kind: ResultKind;
      body: string;
    }[];
    return rows.map((row) => {
      try {
        return { ...row, body: JSON.parse(row.body) as unknown };
      } catch {
        // The hash chain does not cover this table: the replay compares it, but only with what parses.
        throw new DamagedDatabaseError(
          `分班结果表中“${row.school}”的 ${row.kind} 记录不是有效的 JSON（已损坏或被改动）`,
          `the results table's ${row.kind} entry for ${row.school} is not valid JSON (damaged or altered)`,
        );
      }
    });
  }

  entryCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;
  }

  /** The first place the chain is broken, or null when every entry is intact and linked to the one before. */
  verify(): ChainBreak | null {
    const rows = this.db.prepare('SELECT * FROM audit ORDER BY seq').iterate() as IterableIterator<AuditRow>;
    return chainBreak(links(rows));
  }

  close(): void {
    this.db.close();
  }
}

function* links(rows: Iterable<AuditRow>): Generator<ChainLink> {
  for (const row of rows) yield { seq: row.seq, prev: row.prev_hash, hash: row.hash, content: storedContent(row) };
}

/** The body is stored as its canonical JSON text: anything else (unreadable, re-spaced, re-ordered) was edited. */
function storedContent(row: AuditRow): LinkContent {
  let body: unknown;
  try {
    body = JSON.parse(row.body);
  } catch {
    return {
      status: 'unreadable',
      zh: '内容不是有效的 JSON（已被改动）',
      en: 'its body is not valid JSON (it was altered)',
    };
  }
  if (canonicalJson(body) !== row.body) {
    return {
      status: 'unreadable',
      zh: '内容不是规范 JSON（已被改动）',
      en: 'its body is not canonical JSON (it was altered)',
    };
  }
  return { status: 'readable', hash: entryHash({ ...row, body }) };
}
