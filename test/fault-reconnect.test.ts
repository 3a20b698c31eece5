/**
 * The hall after a `kill -9` of the controller mid-ceremony, in Chromium: a display and the operator's console stay
 * open on their URLs while `sunshine serve` is killed during a school's draw and started again on the same data and
 * the same port. Both notice the loss, come back by themselves to the same scene and step (no reload: the same page,
 * still holding what the test left in it), the console still in charge, and the ceremony goes on from the console,
 * the display following. Needs `npm run build`.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OperatorRequest } from '../controller/contract/protocol.ts';
import { command, connect } from './support/client.ts';
import { demoRequests, drawnSchools, PASSPHRASE, tempDataDir } from './support/demo-ceremony.ts';
import { killHard, startServer, stopServers } from './support/server-process.ts';
import { closeBrowser, hold, launchBrowser, openConsole, pageErrors } from './console-harness.ts';

let context: BrowserContext;

beforeAll(async () => {
  context = await launchBrowser();
});

afterAll(async () => {
  stopServers();
  await closeBrowser(context);
  expect(pageErrors).toEqual([]);
});

/** Something only this document holds: it survives a reconnection, never a reload. */
const MARK = 'sunshineBeforeTheKill';
const mark = (page: Page) => page.evaluate((key) => void ((globalThis as Record<string, unknown>)[key] = true), MARK);
const stillMarked = (page: Page) => page.evaluate((key) => (globalThis as Record<string, unknown>)[key] === true, MARK);

/** What the console shows as where the ceremony is: the current step in the rail, and the workspace's headings. */
async function consoleStep(page: Page): Promise<string[]> {
  const current = await page
    .getByRole('navigation', { name: '仪式步骤' })
    .locator('li[aria-current="step"]')
    .innerText();
  const headings = await page.locator('main').getByRole('heading').allInnerTexts();
  return [current, ...headings].map((text) => text.replace(/\s+/g, ' ').trim());
}

const displayScene = (page: Page) =>
  page.locator('[data-testid^="scene-"]').evaluateAll((found) => found.map((node) => node.dataset['testid']));

it('brings a display and the console back to the same scene and step, without a reload, after a kill -9', async () => {
  const requests = await demoRequests('primary');
  // The smallest school, whose draw is quickest, imported and drawn; the console takes over from there.
  const school = (await drawnSchools('primary'))[2]!;
  const forSchool = (request: OperatorRequest) => 'school' in request && request.school === school;
  const script = [...requests.slice(0, 4), ...requests.filter(forSchool).slice(0, 2)];
  const dataDir = tempDataDir();
  let server = startServer(dataDir);
  const port = await server.port;
  expect(port, server.errors()).not.toBeNull();
  const scripted = await connect(port!, { role: 'console', passphrase: PASSPHRASE });
  for (const request of script) {
    expect(await command(scripted.socket, request), request.type).toMatchObject({ ok: true });
  }
  scripted.socket.close();

  const display = await context.newPage();
  display.on('pageerror', (error) => pageErrors.push(error.message));
  await display.goto(`http://127.0.0.1:${port}/display/`);
  await display.waitForSelector('[data-testid="scene-draw"]');
  const operator = await openConsole(context, `http://127.0.0.1:${port}/console/`);
  await operator.getByLabel('操作口令').fill(PASSPHRASE);
  await operator.getByRole('button', { name: '连接' }).click();
  await operator.getByRole('heading', { name: '分班结果' }).waitFor();
  await operator.getByText('操作席', { exact: true }).waitFor();
  const navigations: string[] = [];
  for (const page of [display, operator]) {
    await mark(page);
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });
  }
  const sceneBefore = await displayScene(display);
  const stepBefore = await consoleStep(operator);
  expect(stepBefore).toContain(school);

  await killHard(server.child);
  // Both see the controller gone.
  await display.waitForSelector('[data-testid="reconnecting"]');
  await operator.locator('header').getByText('连接中断').waitFor();

  server = startServer(dataDir, '--port', String(port));
  expect(await server.port, server.errors()).toBe(port);
  await display.waitForSelector('[data-testid="reconnecting"]', { state: 'detached', timeout: 15_000 });
  await operator.locator('header').getByText('已连接控制器').waitFor({ timeout: 15_000 });
  await operator.getByText('操作席', { exact: true }).waitFor();
  expect(await displayScene(display)).toEqual(sceneBefore);
  await expect.poll(() => consoleStep(operator)).toEqual(stepBefore);
  for (const page of [display, operator]) expect(await stillMarked(page), page.url()).toBe(true);
  expect(navigations).toEqual([]);

  // Still the operator, and live: the console publishes, the display follows to the school's results.
  await hold(operator, '公示');
  await display.waitForSelector('[data-testid="scene-result"]', { timeout: 15_000 });
  const watcher = await connect(port!, { role: 'display' });
  expect(watcher.snapshot.schools.find((found) => found.name === school)?.status).toBe('published');
  watcher.socket.close();
  await killHard(server.child);
}, 180_000);
