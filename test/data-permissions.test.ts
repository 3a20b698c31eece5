/**
 * The data directory holds names and ID numbers: only the account running the controller may read it. A new one is
 * made private, and one an older version left readable is tightened when opened.
 */
import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../controller/storage/database.ts';
import { openCeremony } from '../controller/ceremony.ts';
import { demoRequests, FIXED_SERVICES, tempDataDir } from './support/demo-ceremony.ts';

// The usual umask, whatever the test machine's: files come out readable by everyone unless the controller says not.
beforeAll(() => void process.umask(0o022));

const modeOf = (path: string) => statSync(path).mode & 0o777;

/** Opens the ceremony, runs its first requests and changes the scene, so that every file it keeps is written. */
async function writeEverything(dataDir: string): Promise<void> {
  const ceremony = openCeremony(dataDir, FIXED_SERVICES);
  for (const request of (await demoRequests('primary')).slice(0, 3)) await ceremony.service.submit(request, 'test');
  ceremony.presentations.set({ ...ceremony.presentations.presentation, scene: 'preview' });
  // Checked while open: the write-ahead log and its index exist only until the last connection closes.
  expectPrivate(dataDir, [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, 'presentation.json']);
  ceremony.log.close();
}

function expectPrivate(dataDir: string, expected: readonly string[]): void {
  expect(modeOf(dataDir).toString(8), dataDir).toBe('700');
  const files = readdirSync(dataDir);
  expect(files).toEqual(expect.arrayContaining([...expected]));
  for (const file of files) expect(modeOf(join(dataDir, file)).toString(8), file).toBe('600');
}

describe('the data directory', () => {
  it('is made readable by its owner only, and so is every file the controller writes in it', async () => {
    const dataDir = join(tempDataDir(), 'new', 'data');
    await writeEverything(dataDir);
  });

  it('left readable by an older version, is tightened when opened', async () => {
    const dataDir = join(tempDataDir(), 'data');
    await writeEverything(dataDir);
    chmodSync(dataDir, 0o755);
    for (const file of readdirSync(dataDir)) chmodSync(join(dataDir, file), 0o644);
    openCeremony(dataDir, FIXED_SERVICES).log.close();
    expectPrivate(dataDir, [DATABASE_FILE, 'presentation.json']);
  });

  it('made beforehand by the operator, empty, is tightened too', () => {
    const dataDir = join(tempDataDir(), 'made-by-hand');
    mkdirSync(dataDir, { mode: 0o777 });
    chmodSync(dataDir, 0o777);
    openCeremony(dataDir, FIXED_SERVICES).log.close();
    expectPrivate(dataDir, [DATABASE_FILE]);
  });
});
