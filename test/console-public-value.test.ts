/**
 * The external public value in the console, in Chromium: naming its source at the seal, the draw held back until the
 * value is typed twice and entered, and the hall display showing source and value. The controller's own state is the
 * judge. (How the form reads what is typed is tested beside it, in console/src/lib/public-value.test.ts.)
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, openDisplay } from './display-harness.ts';
import { ConsoleRig, hold, launchBrowser, openConsole, pageErrors, screenshot, until } from './console-harness.ts';
import { demoRequests, drawnSchools } from './support/demo-ceremony.ts';

const SOURCE = '2026年8月19日 中国福利彩票“3D”第2026219期开奖号码';
const VALUE = '509';

describe('the public value in the console and on the display', () => {
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

  /** Scenes cross-fade: the picture waits for the new one to stand alone. */
  const settled = (display: Page) =>
    display.waitForFunction(() => document.querySelectorAll('[data-testid^="scene-"]').length === 1);

  it('is named at the seal, holds the draw back until typed twice and entered, and shows in the hall', async () => {
    const requests = await demoRequests('primary', { source: SOURCE, value: VALUE });
    const [planImport, seal] = requests;
    await rig.submit(planImport!);
    const page = await openConsole(context, rig.url);
    const display = await openDisplay(context, rig.url.replace('/console/', '/display/'));

    // Seal, naming the source: a blank source cannot be sealed.
    await page.getByLabel('设定口令').fill(seal!.type === 'ceremony:seal' ? seal.passphrase : '');
    await page.getByLabel('再次输入').fill(seal!.type === 'ceremony:seal' ? seal.passphrase : '');
    await page.getByLabel(/另以封装之后才公布的数值/).check();
    expect(await page.getByRole('button', { name: '按住确认：封装' }).isDisabled()).toBe(true);
    await page.getByLabel('来源：何时、由谁公布的哪个数值').fill(`${SOURCE} `);
    await screenshot(page, 'public-value-1-seal');
    await hold(page, '封装');
    await until(() => rig.snapshot.seal !== null, 'the seal');
    expect(rig.snapshot.seal!.publicValue).toEqual({ source: SOURCE, value: null });
    await page.getByTestId('public-value-source').waitFor();
    expect(await page.getByTestId('public-value-source').textContent()).toContain(SOURCE);
    await screenshot(page, 'public-value-1b-certificate');
    // The notary signs one printed A4 page, the source on it.
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    await display.getByTestId('public-value').getByText('待公布后录入').waitFor();
    await settled(display);
    await screenshot(display, 'public-value-2-display-seal');

    // Preview, unsealing and the rosters behind the console's back; then the first school's draw waits for the value.
    const firstDraw = requests.findIndex((request) => request.type === 'ceremony:enter-public-value');
    await rig.submit(...requests.slice(2, firstDraw));
    await page.reload();
    const [first] = await drawnSchools('primary');
    await page.getByRole('heading', { level: 1, name: first }).waitFor();
    await page.getByRole('heading', { name: '录入外部公开随机值' }).waitFor();
    expect(await page.getByRole('button', { name: '按住确认：开始滚动数字' }).count()).toBe(0);
    await page.getByLabel('公布值').fill(VALUE);
    await page.getByLabel('再次输入').fill('590');
    await page.getByText('两次输入的公布值不一致').waitFor();
    await page.getByLabel('再次输入').fill(VALUE);
    await screenshot(page, 'public-value-3-enter');
    await hold(page, '录入公布值');
    await until(() => rig.snapshot.seal!.publicValue!.value === VALUE, 'the value');
    await page.getByText(`外部公开随机值 ${VALUE}`).waitFor();
    await display.getByTestId('public-value').getByText(VALUE, { exact: true }).waitFor();
    await settled(display);
    await screenshot(display, 'public-value-4-display-entered');

    // Now the parents' digits can go in; the contribution scene shows the value going into the seed too.
    await hold(page, '开始滚动数字');
    await display.getByTestId('contribution-public-value').getByText(VALUE, { exact: true }).waitFor();
    await settled(display);
    await screenshot(display, 'public-value-5-display-contribution');
    // The digits must be seen rolling for a moment before a stop counts (RollingDigits): a busy machine may get here
    // sooner after they start than that.
    await page.waitForTimeout(1100);
    await page.getByRole('button', { name: '停', exact: true }).click();
    await until(() => rig.snapshot.schools[0]!.status === 'drawn', 'the draw');
    await screenshot(page, 'public-value-6-drawn');
  }, 60_000);
});
