/**
 * The displays' current presentation, kept in the data directory so that a restarted controller shows the same scene.
 * A plain JSON file replaced atomically: it decides nothing, so it stays out of the audit log.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PRESENTATION, PresentationSchema, type Presentation } from './contract/presentation.ts';
import { PRIVATE_FILE } from './storage/database.ts';

const FILE = 'presentation.json';

export class PresentationStore {
  private current: Presentation;

  constructor(private readonly dataDir: string) {
    this.current = load(join(dataDir, FILE));
  }

  get presentation(): Presentation {
    return this.current;
  }

  set(next: Presentation): void {
    const path = join(this.dataDir, FILE);
    writeFileSync(`${path}.next`, JSON.stringify(next, null, 2), { mode: PRIVATE_FILE });
    renameSync(`${path}.next`, path);
    this.current = next;
  }
}

/**
 * A missing or unreadable file (hand-edited, half-written) falls back to the default scene; one written by another
 * version keeps the settings it shares with this one and takes the defaults for the others.
 */
function load(path: string): Presentation {
  if (!existsSync(path)) return DEFAULT_PRESENTATION;
  try {
    const stored: unknown = JSON.parse(readFileSync(path, 'utf8'));
    const parsed = PresentationSchema.strip().safeParse(
      typeof stored === 'object' && stored !== null ? { ...DEFAULT_PRESENTATION, ...stored } : stored,
    );
    return parsed.success ? parsed.data : DEFAULT_PRESENTATION;
  } catch {
    return DEFAULT_PRESENTATION;
  }
}
