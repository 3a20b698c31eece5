/**
 * The verifier page, built into one HTML file, in Chromium: opened from disk it gives the CLI's verdicts for a picked
 * folder or zip; opened from the controller or a static site it checks that site's bundle zip in one tap.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rmSync } from 'node:fs';
import JSZip from 'jszip';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBundle, schoolFileName } from '../engine/ceremony/bundle.ts';
import { writeBundle } from '../controller/bundle-files.ts';
import { verifyCommand } from '../controller/cli/bundle.ts';
import { openCeremony, type Ceremony } from '../controller/ceremony.ts';
import { bundleDownload } from '../controller/server/bundle-http.ts';
import { createApp } from '../controller/server/http.ts';
import { closeBrowser, launchBrowser } from './display-harness.ts';
import { demoRequests, drawnSchools, FIXED_SERVICES, tempDataDir } from './support/demo-ceremony.ts';
import { serveFolder } from './support/static-server.ts';

let outDir: string;
let page: string;
let bundleDir: string;
let closed: Ceremony;
let browser: BrowserContext;
const servers: Server[] = [];

beforeAll(async () => {
  // Where the controller's HTTP app looks for the page: <root>/verifier/dist.
  outDir = resolve(mkdtempSync(join('.tmp', 'verifier-build-')));
  await build({
    configFile: 'verifier/vite.config.ts',
    build: { outDir: join(outDir, 'verifier', 'dist') },
    logLevel: 'silent',
  });
  page = join(outDir, 'verifier', 'dist', 'index.html');
  closed = openCeremony(tempDataDir(), FIXED_SERVICES);
  for (const request of await demoRequests('primary')) await closed.service.submit(request, 'test');
  bundleDir = join(tempDataDir(), 'bundle');
  await writeBundle(bundleDir, createBundle(closed.service.state, closed.log.chain())!, page);
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await closeBrowser(browser);
  for (const server of servers) server.close();
  closed.log.close();
  rmSync(outDir, { recursive: true, force: true });
});

/** The controller's HTTP app over a ceremony, serving the page built here and the bundle zip beside it. */
async function controllerOf(ceremony: Ceremony): Promise<string> {
  const app = createApp(ceremony.service, { root: outDir, routers: [bundleDownload(ceremony, () => page)] });
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Opens the page at `url`, taps "verify all" once, and gives the lines it shows when done. */
async function oneTapLines(url: string): Promise<string[]> {
  const tab = await browser.newPage();
  await tab.goto(url);
  await tab.getByRole('button', { name: '核验全部 / Verify all' }).click();
  const lines = await shownLines(tab);
  await tab.close();
  return lines;
}

async function shownLines(tab: Page): Promise<string[]> {
  await tab.locator('#summary[data-ok="true"], #summary[data-ok="false"]').waitFor({ timeout: 60_000 });
  return [...(await tab.locator('#verdicts li').allTextContents()), await tab.locator('#summary').innerText()];
}

async function cliLines(): Promise<string[]> {
  const lines: string[] = [];
  const sink = (text: string) => void lines.push(...text.split('\n'));
  await verifyCommand([bundleDir], { out: sink, err: sink });
  return lines;
}

/** The page's lines for the bundle folder, picked as a folder or as a zip of it. */
async function pageLines(as: 'folder' | 'zip' = 'folder'): Promise<string[]> {
  const tab = await browser.newPage();
  await tab.goto(pathToFileURL(page).href);
  if (as === 'folder') await tab.locator('#bundle').setInputFiles(bundleDir);
  else {
    const zip = join(dirname(bundleDir), 'bundle.zip');
    rmSync(zip, { force: true });
    execFileSync('zip', ['-q', '-r', zip, basename(bundleDir)], { cwd: dirname(bundleDir) });
    await tab.locator('#zip').setInputFiles(zip);
  }
  const lines = await shownLines(tab);
  await tab.close();
  return lines;
}

describe('the verifier page, from the site that served it', () => {
  it('checks every school of the closed ceremony in one tap on /verify, as sunshine verify does', async () => {
    const lines = await oneTapLines(`${await controllerOf(closed)}/verify`);
    expect(lines).toEqual(await cliLines());
    for (const school of await drawnSchools('primary')) {
      expect(
        lines.filter((line) => line.startsWith(`✓ ${school}：一致`)),
        school,
      ).toHaveLength(1);
    }
    expect(lines.at(-1)).toContain('全部一致');
  }, 90_000);

  it('shows a failure when the site serves a tampered zip', async () => {
    const zip = await JSZip.loadAsync(
      await (await fetch(`${await controllerOf(closed)}/verify/bundle.zip`)).arrayBuffer(),
    );
    const path = `schools/${schoolFileName('信州区第一小学')}`;
    const school = JSON.parse(await zip.file(path)!.async('string')) as { draw: { contribution: string } };
    school.draw.contribution = '20260821';
    zip.file(path, JSON.stringify(school));
    const site = join(tempDataDir(), 'site');
    mkdirSync(join(site, 'verify'), { recursive: true });
    writeFileSync(join(site, 'verify', 'index.html'), readFileSync(page));
    writeFileSync(join(site, 'verify', 'bundle.zip'), await zip.generateAsync({ type: 'uint8array' }));
    const server = await serveFolder(site);
    const lines = await oneTapLines(`${server.base}/verify/`);
    await server.close();
    expect(lines.some((line) => line.startsWith('✗ 信州区第一小学：家长代表随机数不符'))).toBe(true);
    expect(lines.at(-1)).toContain('验证未通过');
  }, 90_000);

  it('says, before the close, that there is no bundle yet', async () => {
    const planning = openCeremony(tempDataDir(), FIXED_SERVICES);
    const lines = await oneTapLines(`${await controllerOf(planning)}/verify/`);
    planning.log.close();
    expect(lines).toEqual([
      '✗ 仪式尚未结束：结束时才公开密钥，之前没有验证包 / the ceremony is not closed: the secret is revealed at the close, so there is no bundle before it',
    ]);
  });

  it('offers no one-tap check when opened from disk, where there is no site', async () => {
    const tab = await browser.newPage();
    await tab.goto(pathToFileURL(page).href);
    await tab.locator('#zip').waitFor();
    expect(await tab.getByRole('button', { name: '核验全部 / Verify all' }).isVisible()).toBe(false);
    await tab.close();
  });
});

describe('the offline verifier page', () => {
  it('is one HTML file that loads nothing else', () => {
    const html = readFileSync(page, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/);
    // The icon is inside the page, as a data: address.
    expect(html).not.toMatch(/<link[^>]+href="(?!data:)/);
  });

  it('shows the same verdicts as sunshine verify, for an intact and for a tampered bundle', async () => {
    const intact = await cliLines();
    expect(intact.at(-1)).toContain('全部一致');
    expect(await pageLines()).toEqual(intact);

    const file = join(bundleDir, 'schools', schoolFileName('信州区第一小学'));
    const school = JSON.parse(readFileSync(file, 'utf8')) as { draw: { contribution: string } };
    school.draw.contribution = '20260821';
    writeFileSync(file, JSON.stringify(school));
    const tampered = await cliLines();
    expect(tampered.some((line) => line.startsWith('✗ 信州区第一小学：家长代表随机数不符'))).toBe(true);
    expect(await pageLines()).toEqual(tampered);
    expect(await pageLines('zip')).toEqual(tampered);
  }, 120_000);
});
