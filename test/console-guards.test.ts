/**
 * The console's guard rails, in Chromium against a real controller: only the actions valid now are offered, the
 * irreversible ones need a deliberate confirmation, a bad roster is explained by row and column and changes
 * nothing, and a reload or a controller restart lands on the same screen, still in charge.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { OperatorRequest } from '../controller/contract/protocol.ts';
import { demoRequests, drawnSchools, PASSPHRASE } from './support/demo-ceremony.ts';
import {
  closeBrowser,
  ConsoleRig,
  hold,
  launchBrowser,
  openConsole,
  pageErrors,
  PRIMARY_DIR,
  screenshot,
  until,
} from './console-harness.ts';

let context: BrowserContext;
let requests: OperatorRequest[];
let schools: [string, string, string];
const rigs: ConsoleRig[] = [];

beforeAll(async () => {
  context = await launchBrowser();
  requests = await demoRequests('primary');
  schools = (await drawnSchools('primary')) as [string, string, string];
});

afterEach(async () => {
  for (const page of context.pages()) await page.close();
  for (const rig of rigs.splice(0)) await rig.close();
});

afterAll(async () => {
  await closeBrowser(context);
  expect(pageErrors).toEqual([]);
});

/** A controller that has run the first `count` requests of the demo primary ceremony. */
async function rigAfter(count: number): Promise<ConsoleRig> {
  const rig = await ConsoleRig.start();
  rigs.push(rig);
  await rig.submit(...requests.slice(0, count));
  return rig;
}

const AFTER_PLAN = 1;
const AFTER_UNSEAL = 4;

/** A copy of a demo file with lines changed, written where the file input can take it. */
function editedFile(name: string, edit: (lines: string[]) => string[]): string {
  const lines = readFileSync(join(PRIMARY_DIR, name), 'utf8').split('\n');
  const path = join(mkdtempSync(join('.tmp', 'console-files-')), name);
  writeFileSync(path, edit(lines).join('\n'));
  return path;
}

async function login(page: Page): Promise<void> {
  await page.getByLabel('操作口令').fill(PASSPHRASE);
  await page.getByRole('button', { name: '连接' }).click();
  await page.getByRole('navigation', { name: '仪式步骤' }).waitFor();
}

const holdButtons = (page: Page) => page.getByRole('button', { name: /^按住确认：/ });

it('explains a refused plan file, then offers only the actions valid now, and none to a read-only console', async () => {
  const rig = await rigAfter(0);
  const page = await openConsole(context, rig.url);
  // The controller refuses a plan whose figures do not add up, and says where.
  const badPlan = editedFile('plan.csv', (lines) =>
    lines.map((line, index) => (index === 2 ? line.replace(',127,', ',120,') : line)),
  );
  await page.getByLabel('选择计划文件').setInputFiles(badPlan);
  await page.getByText('下一步：请按下列行、列修改计划文件').waitFor();
  const problems = await page.locator('table.problems tbody tr').allTextContents();
  expect(problems.some((row) => row.includes('3') && row.includes('男生数 135 + 女生数 120 ≠ 学生数 262'))).toBe(true);
  expect(rig.snapshot.revision).toBe(0);
  await screenshot(page, 'guards-0-plan-refused');

  await rig.submit(...requests.slice(0, AFTER_PLAN));
  await page.getByRole('heading', { level: 1, name: '封装' }).waitFor();
  expect((await holdButtons(page).allTextContents()).map((text) => text.trim())).toEqual(['按住确认：封装']);
  for (const later of ['预览', '拆封与导入', '分班', '公示', '教师团队', '结束']) {
    expect(await page.getByRole('button', { name: later, exact: true }).isDisabled(), later).toBe(true);
  }
  expect(await page.locator('input[type=file]').count()).toBe(0);

  await rig.submit(...requests.slice(AFTER_PLAN, AFTER_UNSEAL));
  await page.getByRole('heading', { level: 1, name: schools[0] }).waitFor();
  expect(await holdButtons(page).count()).toBe(0);
  expect(await page.getByLabel(`选择${schools[0]}的名单文件`).isEnabled()).toBe(true);
  expect(await page.getByRole('button', { name: /沙溪小学/ }).isDisabled()).toBe(true);
  await page.getByRole('button', { name: new RegExp(schools[1]) }).click();
  await page.getByLabel(`选择${schools[1]}的名单文件`).waitFor();

  // A second console, after the seal: it must give the passphrase, then it may watch but not act.
  const watcher = await openConsole(context, rig.url);
  await login(watcher);
  await watcher.getByText('本控制台为只读').waitFor();
  await screenshot(watcher, 'guards-1-read-only');
  expect(await watcher.getByLabel(`选择${schools[0]}的名单文件`).isDisabled()).toBe(true);
  expect(await watcher.getByRole('button', { name: '切换' }).isDisabled()).toBe(true);
});

it('does nothing irreversible without a full hold or the typed school name', async () => {
  const rig = await rigAfter(AFTER_PLAN);
  const page = await openConsole(context, rig.url);
  await page.getByLabel('设定口令').fill(PASSPHRASE);
  await page.getByLabel('再次输入').fill(PASSPHRASE);
  await hold(page, '封装', 400);
  await page.getByText('需要按住不放 1.5 秒').waitFor();
  await page.getByRole('button', { name: '按住确认：封装' }).click();
  await page.waitForTimeout(1700);
  expect(rig.snapshot.phase).toBe('planning');

  await rig.submit(...requests.slice(AFTER_PLAN, AFTER_UNSEAL));
  await page.getByLabel(`选择${schools[0]}的名单文件`).setInputFiles(join(PRIMARY_DIR, `${schools[0]}.csv`));
  const confirm = page.getByLabel(`请输入学校名称以确认：${schools[0]}`);
  await confirm.fill(schools[1]);
  expect(await page.getByRole('button', { name: '导入名单', exact: true }).isDisabled()).toBe(true);
  await confirm.press('Enter');
  await page.waitForTimeout(300);
  expect(rig.snapshot.schools[0]!.status).toBe('waiting');
  expect(rig.snapshot.revision).toBe(AFTER_UNSEAL);
});

it('explains a roster’s errors by row and column and changes nothing; a difference needs a reason', async () => {
  const rig = await rigAfter(AFTER_UNSEAL);
  const school = schools[2];
  const page = await openConsole(context, rig.url);
  await login(page);
  await page.getByRole('button', { name: new RegExp(school) }).click();

  // Row 3 loses its name, row 5 gets a gender nobody has.
  const broken = editedFile(`${school}.csv`, (lines) =>
    lines.map((line, index) =>
      index === 2 ? line.replace(/,[^,]+,(男|女),/, ',,$1,') : index === 4 ? line.replace(/,(男|女),/, ',未知,') : line,
    ),
  );
  await page.getByLabel(`选择${school}的名单文件`).setInputFiles(broken);
  await page.getByText(/有 \d+ 处错误，不能导入/).waitFor();
  await screenshot(page, 'guards-2-import-errors');
  const rows = await page.locator('table.problems tbody tr').allTextContents();
  expect(rows.some((row) => row.includes('3') && row.includes('姓名 (C)'))).toBe(true);
  expect(rows.some((row) => row.includes('5') && row.includes('性别 (D)'))).toBe(true);
  expect(await page.getByLabel(/请输入学校名称以确认/).count()).toBe(0);
  expect(rig.snapshot.revision).toBe(AFTER_UNSEAL);

  // One student fewer than declared: shown, and imported only with the reason given.
  const short = editedFile(`${school}.csv`, (lines) => lines.filter((line, index) => index !== lines.length - 2));
  await page.getByLabel(`选择${school}的名单文件`).setInputFiles(short);
  await page.getByText('✗ 相差 -1').first().waitFor();
  expect(await page.getByLabel(/请输入学校名称以确认/).count()).toBe(0);
  const reason = '一名学生转学，已核实';
  await page.getByLabel(/写明接受差异的理由/).fill(reason);
  await page.getByLabel(`请输入学校名称以确认：${school}`).fill(school);
  await screenshot(page, 'guards-3-import-mismatch');
  await page.getByRole('button', { name: '导入名单', exact: true }).click();
  await until(() => rig.snapshot.schools.find((found) => found.name === school)?.status === 'imported', 'import');
  expect(rig.snapshot.schools.find((found) => found.name === school)!.roster!.acceptedReason).toBe(reason);
  await page.getByText(`已接受：${reason}`).waitFor();

  // The same screen in English (the choice is kept per browser, so it is switched back for the next tests).
  await page.getByRole('button', { name: 'English', exact: true }).first().click();
  await page.getByText(`differs; accepted because: ${reason}`).waitFor();
  await screenshot(page, 'guards-3b-english');
  await page.getByRole('button', { name: '中文', exact: true }).first().click();
});

it('comes back to the same screen, in charge, after a reload and after a controller restart', async () => {
  // The smallest school, whose draw is quickest.
  const school = schools[2];
  const rig = await rigAfter(AFTER_UNSEAL);
  await rig.submit(...requests.filter((request) => 'school' in request && request.school === school).slice(0, 2));
  const page = await openConsole(context, rig.url);
  await screenshot(page, 'guards-4-passphrase');
  await login(page);
  await page.getByRole('heading', { name: '分班结果' }).waitFor();
  // The audit tail is the controller's log, not this page's memory: a reload shows the very same entries.
  const auditTail = page.getByTestId('audit-tail').locator('li');
  await expect.poll(() => auditTail.count()).toBe(rig.controller.log.chain().length);
  const tailBefore = await auditTail.allTextContents();

  await page.reload();
  await page.getByRole('heading', { name: '分班结果' }).waitFor();
  await page.getByText('操作席', { exact: true }).waitFor();
  await expect.poll(() => auditTail.allTextContents()).toEqual(tailBefore);
  await hold(page, '公示');
  await until(() => rig.snapshot.schools[2]!.status === 'published', 'the publication');

  await rig.restart();
  await page.getByRole('heading', { name: '抽选教师团队' }).waitFor();
  await page.getByText('操作席', { exact: true }).waitFor();
  await page.locator('header').getByText('已连接控制器').waitFor();
  expect(await holdButtons(page).count()).toBe(0);
  await page.getByRole('heading', { level: 1, name: school }).waitFor();
  await screenshot(page, 'guards-5-after-restart');
});
