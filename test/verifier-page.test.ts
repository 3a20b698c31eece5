/** The offline verifier page, built into one HTML file and opened from disk in Chromium, gives the CLI's verdicts. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rmSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBundle, schoolFileName } from '../engine/ceremony/bundle.ts';
import { writeBundle } from '../controller/bundle-files.ts';
import { verifyCommand } from '../controller/cli/bundle.ts';
import { openCeremony } from '../controller/ceremony.ts';
import { closeBrowser, launchBrowser } from './display-harness.ts';
import { demoRequests, FIXED_SERVICES, tempDataDir } from './support/demo-ceremony.ts';

let outDir: string;
let page: string;
let bundleDir: string;
let browser: BrowserContext;

beforeAll(async () => {
  outDir = resolve(mkdtempSync(join('.tmp', 'verifier-build-')));
  await build({ configFile: 'verifier/vite.config.ts', build: { outDir }, logLevel: 'silent' });
  page = join(outDir, 'index.html');
  const { service, log } = openCeremony(tempDataDir(), FIXED_SERVICES);
  for (const request of await demoRequests('primary')) await service.submit(request, 'test');
  bundleDir = join(tempDataDir(), 'bundle');
  await writeBundle(bundleDir, createBundle(service.state, log.chain())!, page);
  log.close();
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await closeBrowser(browser);
  rmSync(outDir, { recursive: true, force: true });
});

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
  await tab.locator('#summary[data-ok="true"], #summary[data-ok="false"]').waitFor({ timeout: 60_000 });
  const lines = [...(await tab.locator('#verdicts li').allTextContents()), await tab.locator('#summary').innerText()];
  await tab.close();
  return lines;
}

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
