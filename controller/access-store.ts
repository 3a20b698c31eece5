/**
 * What the controller keeps of who may see and do what, in the data directory so that a restart keeps it: the
 * displays the operator admitted and the consoles' sessions. Plain JSON files replaced atomically, like the
 * presentation; each holds the SHA-256 of a token, never the token, so reading them does not let anyone pose as an
 * admitted display or a console. docs/decisions/013-admission-and-operator-seat.md.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const TokenHashSchema = z.string().regex(/^[0-9a-f]{64}$/);
const time = z.string().max(40);

const AdmittedRecordSchema = z.strictObject({
  tokenHash: TokenHashSchema,
  label: z.string().max(200),
  admittedAt: time,
});
export type AdmittedRecord = z.infer<typeof AdmittedRecordSchema>;

const SessionRecordSchema = z.strictObject({
  tokenHash: TokenHashSchema,
  kind: z.enum(['setup', 'passphrase']),
  expiresAt: time,
});
export type SessionRecord = z.infer<typeof SessionRecordSchema>;

/** What is kept of a token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A list kept in one JSON file. */
export class JsonListFile<T> {
  private readonly schema: z.ZodType<{ items: T[] }>;

  constructor(
    private readonly path: string,
    item: z.ZodType<T>,
  ) {
    this.schema = z.strictObject({ items: z.array(item).max(10_000) });
  }

  /**
   * A missing file holds nothing. So does an unreadable one (hand-edited, half-written): a display pairs again, a
   * console gives its passphrase again, which is safe, where guessing at its content would not be.
   */
  load(): T[] {
    if (!existsSync(this.path)) return [];
    try {
      const parsed = this.schema.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      return parsed.success ? parsed.data.items : [];
    } catch {
      return [];
    }
  }

  save(items: readonly T[]): void {
    writeFileSync(`${this.path}.next`, JSON.stringify({ items }, null, 2));
    renameSync(`${this.path}.next`, this.path);
  }
}

export interface AccessStores {
  readonly admissions: JsonListFile<AdmittedRecord>;
  readonly sessions: JsonListFile<SessionRecord>;
}

export function accessStores(dataDir: string): AccessStores {
  return {
    admissions: new JsonListFile(join(dataDir, 'admitted-displays.json'), AdmittedRecordSchema),
    sessions: new JsonListFile(join(dataDir, 'sessions.json'), SessionRecordSchema),
  };
}
