/**
 * The displays the operator admitted, kept in the data directory so that a restarted controller still knows them:
 * a plain JSON file replaced atomically, like the presentation. Each holds the SHA-256 of its device's token, never
 * the token: reading the file does not let anyone pose as an admitted display.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const FILE = 'admitted-displays.json';

const AdmittedRecordSchema = z.strictObject({
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
  label: z.string().max(200),
  admittedAt: z.string().max(40),
});
export type AdmittedRecord = z.infer<typeof AdmittedRecordSchema>;

const FileSchema = z.strictObject({ displays: z.array(AdmittedRecordSchema).max(10_000) });

export class AdmissionStore {
  private readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, FILE);
  }

  /**
   * A missing file admits none. An unreadable one (hand-edited, half-written) admits none either: the displays pair
   * again, which is safe, where guessing at its content would not be.
   */
  load(): AdmittedRecord[] {
    if (!existsSync(this.path)) return [];
    try {
      const parsed = FileSchema.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      return parsed.success ? parsed.data.displays : [];
    } catch {
      return [];
    }
  }

  save(displays: readonly AdmittedRecord[]): void {
    writeFileSync(`${this.path}.next`, JSON.stringify({ displays }, null, 2));
    renameSync(`${this.path}.next`, this.path);
  }
}
