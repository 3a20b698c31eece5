/**
 * The displays' current presentation, kept in the data directory so that a restarted controller shows the same scene.
 * A plain JSON file replaced atomically: it decides nothing, so it stays out of the audit log.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PRESENTATION, PresentationSchema, type Presentation } from './presentation.ts';

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
    writeFileSync(`${path}.next`, JSON.stringify(next, null, 2));
    renameSync(`${path}.next`, path);
    this.current = next;
  }
}

/** A missing or unreadable file (hand-edited, half-written by an old version) falls back to the default scene. */
function load(path: string): Presentation {
  if (!existsSync(path)) return DEFAULT_PRESENTATION;
  try {
    const parsed = PresentationSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : DEFAULT_PRESENTATION;
  } catch {
    return DEFAULT_PRESENTATION;
  }
}
