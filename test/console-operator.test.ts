/**
 * The operator's instruments in Chromium against a real controller: the rules chosen before the seal and sealed as
 * chosen, the passphrase length checked before sending, the displays connected, the audit log's tail with its
 * hashes, the address phones open, and the print and export downloads.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MIN_PASSPHRASE_LENGTH, type OperatorRequest } from '../controller/contract/protocol.ts';
import { resultUrl } from '../controller/contract/public-links.ts';
import { DEFAULT_OPTIONS } from '../engine/assign/options.ts';
import { shortHash } from '../console/src/lib/audit.ts';
import { ConsoleRig, hold, launchBrowser, openConsole, pageErrors, screenshot, until } from './console-harness.ts';
import { closeBrowser, openDisplay } from './display-harness.ts';
import { demoRequests, PASSPHRASE } from './support/demo-ceremony.ts';

let context: BrowserContext;
let rig: ConsoleRig;
let requests: OperatorRequest[];

beforeAll(async () => {
  context = await launchBrowser();
  rig = await ConsoleRig.start();
  requests = await demoRequests('primary');
});

afterAll(async () => {
  await closeBrowser(context);
  await rig.close();
  expect(pageErrors).toEqual([]);
});

const sealButton = (page: Page) => page.getByRole('button', { name: '按住确认：封装' });
const auditTail = (page: Page) => page.getByTestId('audit-tail').locator('li');

it('seals the rules the operator chose, and shows the ceremony’s displays, audit tail and links', async () => {
  const page = await openConsole(context, rig.url);
  await rig.submit(requests[0]!);
  await page.getByRole('heading', { level: 1, name: '封装' }).waitFor();
  // Before the seal nobody expects a display: said quietly.
  expect(await page.getByTestId('display-count').textContent()).toContain('没有大屏在线');
  expect(await page.getByTestId('no-display').getAttribute('class')).not.toContain('notice');

  // The passphrase is checked before anything is sent, at the protocol's own length.
  const tooShort = 'x'.repeat(MIN_PASSPHRASE_LENGTH - 1);
  await page.getByLabel('设定口令').fill(tooShort);
  await page.getByLabel('再次输入').fill(tooShort);
  await page.getByText(`口令太短：至少 ${MIN_PASSPHRASE_LENGTH} 个字符。`).waitFor();
  expect(await sealButton(page).isDisabled()).toBe(true);
  await page.getByLabel('设定口令').fill(PASSPHRASE);
  await page.getByLabel('再次输入').fill(PASSPHRASE);

  // The rules: defaults chosen; a mistake is explained and blocks the seal; the choice shows as it will be sealed.
  expect(await page.getByLabel('多胞胎同班').isChecked()).toBe(true);
  expect(await page.getByLabel('同名、同音分班').isChecked()).toBe(true);
  await page.getByLabel('分数段').fill('八');
  await page.getByText('分数段数应为 0 到 50 的整数，现为“八”').waitFor();
  expect(await sealButton(page).isDisabled()).toBe(true);
  await page.getByLabel('分数段').fill('0');
  await page.getByLabel('多胞胎分在不同班').check();
  await page.getByLabel('含方言近音分班').check();
  const review = page.getByRole('group', { name: '将一并封装的分班规则' });
  await review.getByText('多胞胎分在不同班').waitFor();
  expect(await review.textContent()).toContain('同名、同音及方言近音学生分在不同班');
  await screenshot(page, 'operator-1-rules');

  await hold(page, '封装');
  await until(() => rig.snapshot.seal !== null, 'the seal');
  expect(rig.snapshot.seal!.rules).toEqual({ ...DEFAULT_OPTIONS, siblings: 'apart', names: 'dialect' });
  const certificate = page.getByRole('article', { name: /封装证书/ });
  expect(await certificate.textContent()).toContain('多胞胎分在不同班');
  // The seal's time, from the audit log, to the second.
  const sealedAt = new Date(rig.controller.log.chain()[1]!.at);
  const two = (value: number) => String(value).padStart(2, '0');
  expect(await certificate.getByTestId('sealed-at').textContent()).toContain(
    `${sealedAt.getFullYear()}年${sealedAt.getMonth() + 1}月${sealedAt.getDate()}日 ` +
      `${two(sealedAt.getHours())}:${two(sealedAt.getMinutes())}:${two(sealedAt.getSeconds())}`,
  );

  // From the seal on, a missing display is pointed out, calmly; one that connects is listed with what it shows.
  await page.getByTestId('no-display').and(page.locator('.notice')).waitFor();
  await screenshot(page, 'operator-2-no-display');
  const display = await openDisplay(context, `${new URL(rig.url).origin}/display/`);
  await page.getByTestId('display-count').getByText('大屏 1 台在线').waitFor();
  const listed = page.getByTestId('display-list').locator('li');
  await listed.getByText('封装', { exact: false }).waitFor();
  expect(await listed.textContent()).toMatch(/1920×1080 · Chrome \d+/);

  // The audit tail: the log's entries, newest first, each with the start of its chain hash.
  const chain = rig.controller.log.chain();
  await expect.poll(() => auditTail(page).count()).toBe(chain.length);
  const lines = await auditTail(page).allTextContents();
  expect(lines[0]).toContain(`#${chain.length}`);
  expect(lines[0]).toContain('封装');
  expect(lines[0]).toContain(shortHash(chain.at(-1)!.hash));
  expect(lines.at(-1)).toContain(shortHash(chain[0]!.hash));

  // The address phones open: checked before it is sent, kept by the controller, shown as the links phones get.
  await page.getByTestId('public-address').locator('summary').click();
  await page.getByLabel('对外地址').fill('192.168.1.20:8080');
  await page.getByText('应为 http:// 或 https:// 开头的完整网址').waitFor();
  await page.getByLabel('对外地址').fill('http://192.168.1.20:8080');
  await page.getByTestId('public-address').getByRole('button', { name: '保存' }).click();
  await until(() => rig.controller.presentations.presentation.publicUrl === 'http://192.168.1.20:8080', 'the address');
  await page.getByText('http://192.168.1.20:8080/verify').waitFor();
  await screenshot(page, 'operator-3-sealed');
  await display.close();
  await page.getByTestId('display-count').getByText('没有大屏在线').waitFor();
});

it('downloads a published school’s lists with its session, and says why when it cannot', async () => {
  const page = context.pages().find((open) => open.url().includes('/console/'))!;
  const school = requests.find((request) => request.type === 'school:import')!;
  const name = 'school' in school ? school.school : '';
  await rig.submit(
    ...requests
      .slice(1)
      .filter((request) => !('school' in request) || request.school === name)
      .slice(1, 6),
  );
  await until(() => rig.snapshot.schools.find((found) => found.name === name)?.status === 'published', 'publish');
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page
    .getByTestId('school-times')
    .getByText(/公示 \d\d:\d\d:\d\d/)
    .waitFor();
  await screenshot(page, 'operator-4-downloads');
  // The result page at the address phones use, set in the test before: the one on the displays' QR codes.
  expect(await page.getByRole('link', { name: '打开结果查询页' }).getAttribute('href')).toBe(
    resultUrl('http://192.168.1.20:8080', name),
  );

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出名单 CSV' }).click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8');
  const student = rig.snapshot.schools.find((found) => found.name === name)!.roster!.students[0]!;
  expect(csv).toContain(student.name);

  // The console sealed: it holds the session granted for the passphrase, never the passphrase itself.
  const kept = await page.evaluate(() => JSON.stringify({ ...sessionStorage }));
  expect(kept).not.toContain(PASSPHRASE);
  const session = await page.evaluate(() => sessionStorage.getItem('sunshine-console-session'));
  expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);

  // A console holding a session the controller does not know is told so, in words, and gets no file.
  await page.evaluate(() => sessionStorage.setItem('sunshine-console-session', 'not a session'));
  await page.getByRole('button', { name: '导出名单 Excel' }).click();
  await page.getByText('下一步：请关闭本页，重新打开控制台并输入封装时设定的操作口令').waitFor();
  await screenshot(page, 'operator-5-download-refused');
  await page.evaluate((token) => sessionStorage.setItem('sunshine-console-session', token!), session);
});
