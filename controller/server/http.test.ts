import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXED_SERVICES, tempDataDir } from '../../test/support/demo-ceremony.ts';
import { openCeremony } from '../ceremony.ts';
import { createApp } from './http.ts';

const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

/** Serves the app over a project folder of the test's making, so built or not built is up to the test. */
async function serve(root: string): Promise<string> {
  const { service } = openCeremony(tempDataDir(), FIXED_SERVICES);
  const server = createServer(createApp(service, { root }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the HTTP routes', () => {
  it('say honestly that an app is not built yet', async () => {
    const base = await serve(mkdtempSync(join(tmpdir(), 'sunshine-root-')));
    for (const app of ['console', 'display', 'verifier']) {
      const response = await fetch(`${base}/${app === 'verifier' ? 'verify' : app}`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain(`${app}/dist`);
    }
  });

  it('serve a built app, its files, and its index for deeper paths', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sunshine-root-'));
    mkdirSync(join(root, 'display', 'dist', 'assets'), { recursive: true });
    writeFileSync(join(root, 'display', 'dist', 'index.html'), '<title>display app</title>');
    writeFileSync(join(root, 'display', 'dist', 'assets', 'app.js'), 'console.log(1)');
    const base = await serve(root);
    expect(await (await fetch(`${base}/display`)).text()).toContain('display app');
    expect(await (await fetch(`${base}/display/scene/draw`)).text()).toContain('display app');
    expect(await (await fetch(`${base}/display/assets/app.js`)).text()).toBe('console.log(1)');
    expect((await fetch(`${base}/console`)).status).toBe(503);
  });

  it('report health as JSON', async () => {
    const base = await serve(mkdtempSync(join(tmpdir(), 'sunshine-root-')));
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({
      status: 'ok',
      phase: 'planning',
      revision: 0,
      schools: 0,
    });
  });
});
