/**
 * `/verify/bundle.zip` on a real controller: refused in words before the close; after it, the very files `sunshine
 * export bundle` writes, the same until the audit chain grows, and the same bytes as the static site's zip.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtVerifierPage, NO_BUNDLE_BEFORE_CLOSE } from '../controller/bundle-files.ts';
import { writeSite } from '../controller/cli/site.ts';
import { main } from '../controller/cli/main.ts';
import { openCeremony } from '../controller/ceremony.ts';
import { BUNDLE_ZIP_PATH } from '../controller/contract/public-links.ts';
import { startController, type RunningController } from '../controller/wiring.ts';
import { demoRequests, FIXED_SERVICES, tempDataDir } from './support/demo-ceremony.ts';

let dataDir: string;
let closed: RunningController;
let planning: RunningController;

beforeAll(async () => {
  dataDir = tempDataDir();
  const ceremony = openCeremony(dataDir, FIXED_SERVICES);
  for (const request of await demoRequests('primary')) await ceremony.service.submit(request, 'test');
  [closed, planning] = await Promise.all([
    startController(ceremony, 0),
    startController(openCeremony(tempDataDir(), FIXED_SERVICES), 0),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([closed?.close(), planning?.close()]);
});

const zipAt = (controller: RunningController, init?: RequestInit) =>
  fetch(`http://127.0.0.1:${controller.port}${BUNDLE_ZIP_PATH}`, init);

/** Runs a `sunshine` command in this process, as bin/sunshine.js would. */
async function sunshine(...args: string[]): Promise<number> {
  return main(args, { out: () => undefined, err: () => undefined });
}

/** Every file of a folder, by its "/"-separated path inside it. */
function folderFiles(dir: string): Map<string, Buffer> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(
    entries.map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return [relative(dir, path).split('\\').join('/'), readFileSync(path)];
    }),
  );
}

async function zipFiles(zip: Uint8Array): Promise<Map<string, Buffer>> {
  const read = await JSZip.loadAsync(zip);
  const files = Object.values(read.files).filter((file) => !file.dir);
  return new Map(await Promise.all(files.map(async (file) => [file.name, await file.async('nodebuffer')] as const)));
}

/** The bundle `sunshine export bundle` writes now, in a new folder. */
async function exportedBundle(): Promise<Map<string, Buffer>> {
  const out = join(tempDataDir(), 'bundle');
  expect(await sunshine('export', 'bundle', '--data', dataDir, '--out', out)).toBe(0);
  return folderFiles(out);
}

describe('the verification bundle zip', () => {
  it('is refused before the close, in words: JSON for a client that asks for it, a page for a browser', async () => {
    const json = await zipAt(planning, { headers: { Accept: 'application/zip, application/json' } });
    expect(json.status).toBe(409);
    expect(await json.json()).toEqual(NO_BUNDLE_BEFORE_CLOSE);
    const page = await zipAt(planning, { headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(page.status).toBe(409);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain(NO_BUNDLE_BEFORE_CLOSE.zh);
    expect(html).toContain(NO_BUNDLE_BEFORE_CLOSE.en);
  });

  it('holds, after the close, exactly the files of sunshine export bundle, byte for byte', async () => {
    const response = await zipAt(closed);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const served = await zipFiles(new Uint8Array(await response.arrayBuffer()));
    const exported = await exportedBundle();
    expect([...served.keys()].sort()).toEqual([...exported.keys()].sort());
    expect([...served.keys()]).toContain('schools/信州区第一小学.json');
    for (const [path, bytes] of exported) expect(served.get(path)?.equals(bytes), path).toBe(true);
  });

  it('stays the same until the chain grows after the close, then holds the grown chain', async () => {
    const first = Buffer.from(await (await zipAt(closed)).arrayBuffer());
    expect(Buffer.from(await (await zipAt(closed)).arrayBuffer()).equals(first)).toBe(true);

    // A command after the close is refused, and the refusal is in the log, so in the bundle's audit.json.
    const refused = await closed.service.submit({ type: 'ceremony:close' }, 'test');
    expect(refused.ok).toBe(false);
    const grown = Buffer.from(await (await zipAt(closed)).arrayBuffer());
    expect(grown.equals(first)).toBe(false);
    const audit = JSON.parse((await zipFiles(grown)).get('audit.json')!.toString('utf8')) as { kind: string }[];
    expect(audit.at(-1)?.kind).toBe('refusal');
    expect((await zipFiles(grown)).get('audit.json')!.equals((await exportedBundle()).get('audit.json')!)).toBe(true);
  });

  it('is the very zip the static site holds, where its verifier page looks for it', async () => {
    const site = join(tempDataDir(), 'site');
    // What `sunshine export site` runs, with the lookup's key derivation cut short: it is not what is checked here.
    const { state } = closed.service;
    await writeSite(site, state, { verifierPage: builtVerifierPage(), chain: closed.log.chain(), kdfIterations: 1 });
    const served = Buffer.from(await (await zipAt(closed)).arrayBuffer());
    expect(readFileSync(join(site, 'verify', 'bundle.zip')).equals(served)).toBe(true);
  }, 60_000);
});
