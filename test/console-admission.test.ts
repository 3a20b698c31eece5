/**
 * Who may operate and what a display may show, in Chromium against a real controller: a console on another computer
 * asks for the setup code before the seal; a display on another computer shows its pairing code, with no roster,
 * until the operator types that code on the console, and again once the operator revokes it.
 * docs/decisions/013-admission-and-operator-seat.md.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { OperatorRequest } from '../controller/contract/protocol.ts';
import {
  asLanDevice,
  closeBrowser,
  ConsoleRig,
  launchBrowser,
  openConsole,
  pageErrors,
  screenshot,
} from './console-harness.ts';
import { demoRequests, PASSPHRASE } from './support/demo-ceremony.ts';

let context: BrowserContext;
let requests: OperatorRequest[];
const rigs: ConsoleRig[] = [];

beforeAll(async () => {
  context = await launchBrowser();
  requests = await demoRequests('primary');
});

afterEach(async () => {
  for (const page of context.pages()) await page.close();
  for (const rig of rigs.splice(0)) await rig.close();
});

afterAll(async () => {
  await closeBrowser(context);
  expect(pageErrors).toEqual([]);
});

async function rig(): Promise<ConsoleRig> {
  const started = await ConsoleRig.start();
  rigs.push(started);
  return started;
}

it('asks a console on another computer for the setup code before the seal, and keeps it in after a reload', async () => {
  const controller = await rig();
  await controller.submit(requests[0]!);
  const page = await openConsole(context, controller.url, true);
  await page.getByRole('heading', { name: '请输入设置码' }).waitFor();
  await screenshot(page, 'admission-1-setup-code');
  await page.getByLabel(/^设置码/).fill('1234 5678 9');
  await page.getByRole('button', { name: '连接' }).click();
  await page.getByText('设置码错误').waitFor();
  await page.getByLabel(/^设置码/).fill(controller.controller.setupCode);
  await page.getByRole('button', { name: '连接' }).click();
  await page.getByRole('heading', { level: 1, name: '封装' }).waitFor();
  expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage }))).not.toContain(
    controller.controller.setupCode,
  );
  await page.reload();
  await page.getByRole('heading', { level: 1, name: '封装' }).waitFor();
  await page.getByText('操作席', { exact: true }).waitFor();
});

it('shows a LAN display its pairing code and no roster until the operator admits it; revoked, the code again', async () => {
  const controller = await rig();
  const importIndex = requests.findIndex((request) => request.type === 'school:import');
  await controller.submit(...requests.slice(0, importIndex + 1));
  const school = (requests[importIndex] as { school: string }).school;
  const operator = await openConsole(context, controller.url);
  await operator.getByLabel('操作口令').fill(PASSPHRASE);
  await operator.getByRole('button', { name: '连接' }).click();
  await operator.getByRole('navigation', { name: '仪式步骤' }).waitFor();

  const display = await context.newPage();
  await asLanDevice(display);
  await display.goto(controller.url.replace('/console/', '/display/'));
  const code = (await display.getByTestId('pairing-code').textContent())!.replace(/\s/g, '');
  expect(code).toMatch(/^\d{6}$/);
  await screenshot(display, 'admission-2-pairing');
  await operator.getByTestId('displays-waiting').getByText('1 台大屏等待接入').waitFor();
  const fullName = controller.snapshot.schools.find((found) => found.name === school)!.roster!.students[0]!.name;
  expect(await display.content()).not.toContain(fullName);

  await operator.getByLabel('配对码').fill(code);
  await operator.getByRole('button', { name: '接入', exact: true }).click();
  await operator.getByText('已接入：该大屏现在显示完整名单。').waitFor();
  await display.getByTestId('pairing').waitFor({ state: 'detached' });
  await display.waitForSelector('[data-testid^="scene-"]');
  const admitted = operator.getByTestId('admitted-displays').locator('li');
  await expect.poll(() => admitted.count()).toBe(1);
  expect(await admitted.first().textContent()).toContain('在线');
  await screenshot(operator, 'admission-3-admitted');

  // A reload keeps the admission: the device token stays in the display's browser.
  await display.reload();
  await display.waitForSelector('[data-testid^="scene-"]');
  expect(await display.getByTestId('pairing').count()).toBe(0);

  await operator.getByRole('button', { name: /^撤销/ }).click();
  await display.getByTestId('pairing-code').waitFor();
  await expect.poll(() => admitted.count()).toBe(0);
  expect(await display.content()).not.toContain(fullName);
});
