/**
 * The displays' current presentation, kept in the data directory so that a restarted controller shows the same scene.
 * A plain JSON file replaced atomically: it decides nothing, so it stays out of the audit log.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

  /**
   * Shows `next` from now on, and keeps it in the file for a restart when it can: a full disk must not stop the hall
   * (nor the process), so then it says so on the controller's console and the file keeps the last scene saved.
   */
  set(next: Presentation): void {
    this.current = next;
    const path = join(this.dataDir, FILE);
    try {
      writeFileSync(`${path}.next`, JSON.stringify(next, null, 2), { mode: PRIVATE_FILE });
      renameSync(`${path}.next`, path);
    } catch (error) {
      rmSync(`${path}.next`, { force: true });
      const reason = error instanceof Error ? error.message : String(error);
      console.error(
        `⚠ 未能保存大屏显示设置（${reason}）：控制器重启后，大屏回到上次保存的画面\n` +
          `⚠ cannot save the display setting (${reason}): after a restart the displays return to the last scene saved`,
      );
    }
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
