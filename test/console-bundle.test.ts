/**
 * The console's close step in Chromium offers the verification bundle from the close on, and saves the very zip the
 * controller serves at /verify/bundle.zip.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BUNDLE_ZIP_PATH } from '../controller/contract/public-links.ts';
import { closeBrowser, ConsoleRig, hold, launchBrowser, openConsole, pageErrors, until } from './console-harness.ts';
import { demoRequests, PASSPHRASE } from './support/demo-ceremony.ts';

let context: BrowserContext;
let rig: ConsoleRig;

beforeAll(async () => {
  context = await launchBrowser();
  rig = await ConsoleRig.start();
});

afterAll(async () => {
  await closeBrowser(context);
  await rig.close();
  expect(pageErrors).toEqual([]);
});

it(
  'offers the verification bundle after the close, and saves the zip the controller serves',
  { timeout: 90_000 },
  async () => {
    const requests = await demoRequests('primary');
    expect(requests.at(-1)).toEqual({ type: 'ceremony:close' });
    await rig.submit(...requests.slice(0, -1));
    const page = await openConsole(context, rig.url);
    await page.getByLabel('操作口令').fill(PASSPHRASE);
    await page.getByRole('button', { name: '连接' }).click();
    await page.getByRole('navigation', { name: '仪式步骤' }).getByRole('button', { name: /结束/ }).click();
    const bundleButton = page.getByRole('button', { name: '下载验证包（zip）' });
    await page.getByRole('button', { name: '按住确认：结束仪式' }).waitFor();
    expect(await bundleButton.count()).toBe(0);

    await hold(page, '结束仪式');
    await until(() => rig.snapshot.phase === 'closed', 'the close');
    const [download] = await Promise.all([page.waitForEvent('download'), bundleButton.click()]);
    expect(download.suggestedFilename()).toBe('阳光分班验证包.zip');
    const served = Buffer.from(await (await fetch(new URL(BUNDLE_ZIP_PATH, rig.url))).arrayBuffer());
    expect(readFileSync(await download.path()).equals(served)).toBe(true);
  },
);
