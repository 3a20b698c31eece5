/**
 * The whole primary ceremony of the demo district, driven only through the console UI in Chromium: plan file,
 * seal, preview, unseal, every roster through the file input, draws stopped by keyboard, clicker and button,
 * publication, teacher teams both ways, close. The controller's own state is the judge.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { drawnSchools, PASSPHRASE } from './support/demo-ceremony.ts';
import {
  closeBrowser,
  ConsoleRig,
  hold,
  LAPTOP,
  launchBrowser,
  openConsole,
  pageErrors,
  sentFrames,
  PRIMARY_DIR,
  screenshot,
  until,
} from './console-harness.ts';

/** An A4 sheet (210 × 297 mm) in CSS pixels, to look at the printed certificate. */
const A4_AT_96_DPI = { width: 794, height: 1123 };

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

const schoolStatus = (name: string) => rig.snapshot.schools.find((school) => school.name === name)?.status;

/** Clicks "next school" and checks the console turned to the school expected. */
async function turnTo(page: Page, school: string): Promise<void> {
  await page.getByRole('button', { name: `转到下一所：${school}` }).click();
  await page.getByRole('heading', { level: 1, name: school }).waitFor();
}

it('runs the whole primary ceremony through the console', { timeout: 90_000 }, async () => {
  const page = await openConsole(context, rig.url);
  const schools = await drawnSchools('primary');
  const [first, second, third] = schools as [string, string, string];

  // The event's details, for the display frame and the certificate.
  const event = { title: '信州区2026年义务教育起始年级“阳光分班”现场会', notary: '上饶市信州公证处 王建平' };
  await page.getByText('活动信息（会标、日期、公证员）').click();
  await page.getByLabel('会标', { exact: true }).fill(event.title);
  await page.getByLabel('公证员', { exact: true }).fill(event.notary);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await until(() => rig.controller.presentations.presentation.event.notary === event.notary, 'the event details');

  // 1. Plan, from the file.
  await page.getByLabel('选择计划文件').setInputFiles(join(PRIMARY_DIR, 'plan.csv'));
  await page
    .getByRole('cell', { name: '茅家岭小学' })
    .or(page.getByRole('rowheader', { name: '茅家岭小学' }))
    .first()
    .waitFor();
  await until(() => rig.snapshot.schools.length === 4, 'the plan');
  await screenshot(page, 'ceremony-01-plan');

  // 2. Seal, then the certificate.
  await page.getByLabel('设定口令').fill(PASSPHRASE);
  await page.getByLabel('再次输入').fill(PASSPHRASE);
  await screenshot(page, 'ceremony-02-seal');
  await hold(page, '封装');
  await page.getByRole('heading', { name: '封装证书', exact: true }).waitFor();
  const seal = rig.snapshot.seal!;
  const certificate = page.getByRole('article', { name: /封装证书/ });
  for (const text of [seal.buildHash, seal.planHash, seal.commitment].map((hash) => hash.match(/.{8}/g)!.join(' '))) {
    expect(await certificate.textContent()).toContain(text);
  }
  expect(await certificate.textContent()).toContain(event.title);
  expect(await certificate.textContent()).toContain(event.notary);
  expect(seal.rules).toMatchObject({ siblings: 'together', names: 'sound' });
  expect(await certificate.textContent()).toContain('多胞胎同班');
  await screenshot(page, 'ceremony-03-certificate');
  // Printed, the certificate is all there is, on one A4 page.
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
  await page.emulateMedia({ media: 'print' });
  expect(await page.getByRole('navigation', { name: '仪式步骤' }).isVisible()).toBe(false);
  expect(await certificate.isVisible()).toBe(true);
  await page.setViewportSize(A4_AT_96_DPI);
  await screenshot(page, 'ceremony-04-certificate-print');
  await page.setViewportSize(LAPTOP);
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: '返回当前步骤' }).click();
  await screenshot(page, 'ceremony-04b-preview');

  // 3. Preview, 4. unseal.
  await hold(page, '上屏预览');
  await until(() => rig.snapshot.phase === 'previewed', 'the preview');
  await screenshot(page, 'ceremony-05-unseal');
  await hold(page, '已当众拆封');
  await until(() => rig.snapshot.phase === 'unsealed', 'the unsealing');

  // The display controls: the hall's dark theme, a shorter draw animation.
  await page.getByRole('button', { name: '舞台', exact: true }).click();
  await page.getByLabel('分班动画').fill('8');
  await page.getByRole('button', { name: '设定', exact: true }).click();
  await until(() => rig.controller.presentations.presentation.drawSeconds === 8, 'the draw seconds');
  expect(rig.controller.presentations.presentation.theme).toBe('stage');
  await page.getByLabel('画面', { exact: true }).selectOption({ label: '预览' });
  await page.getByRole('button', { name: '切换', exact: true }).click();
  await until(() => rig.controller.presentations.presentation.scene === 'preview', 'the preview scene');

  // Every roster, each confirmed by typing the school's name.
  for (const [index, school] of schools.entries()) {
    if (index > 0) await turnTo(page, school);
    await page.getByLabel(`选择${school}的名单文件`).setInputFiles(join(PRIMARY_DIR, `${school}.csv`));
    await page.getByText(/读取 \d+ 名学生，无错误/).waitFor();
    if (index === 0) await screenshot(page, 'ceremony-06-import-checked');
    await page.getByLabel(`请输入学校名称以确认：${school}`).fill(school);
    await page.getByRole('button', { name: '导入名单', exact: true }).click();
    await until(() => schoolStatus(school) === 'imported', `${school} imported`);
    await page.getByText('✓ 与封装申报一致').waitFor();
  }
  expect(rig.controller.presentations.presentation).toMatchObject({ scene: 'roster', school: third });

  // Draws, each published before the next: stopped by the clicker, by Space, by the big button.
  const stops: ((page: Page) => Promise<void>)[] = [
    (page) => page.keyboard.press('PageDown'),
    (page) => page.keyboard.press('Space'),
    (page) => page.getByRole('button', { name: '停', exact: true }).click(),
  ];
  for (const [index, school] of schools.entries()) {
    await turnTo(page, school);
    await hold(page, '开始滚动数字');
    expect(rig.controller.presentations.presentation).toMatchObject({ scene: 'contribution', school });
    await page.waitForTimeout(1100);
    if (index === 0) await screenshot(page, 'ceremony-07-digits-rolling');
    await stops[index]!(page);
    await until(() => schoolStatus(school) === 'drawn', `${school} drawn`);
    const contribution = rig.snapshot.schools.find((found) => found.name === school)!.draw!.contribution;
    expect(contribution).toMatch(/^\d{8}$/);
    // The browser reports its frames to the test later than the controller here acts on them: wait for the report.
    await until(
      () => sentFrames.some((frame) => frame.includes('school:draw') && frame.includes(`"${contribution}"`)),
      'the console sending the draw with the contribution shown',
    );
    await page.getByText(contribution, { exact: true }).waitFor();
    if (index === 0) {
      await screenshot(page, 'ceremony-08-draw-animating');
      expect(rig.controller.presentations.presentation.skipped).toBe(false);
      await page.getByRole('button', { name: '跳过动画' }).click();
      await until(() => rig.controller.presentations.presentation.skipped, 'the skip');
      await screenshot(page, 'ceremony-09-draw-result');
    }
    await hold(page, '公示');
    await until(() => schoolStatus(school) === 'published', `${school} published`);
  }

  // Teacher teams: envelopes recorded for two schools, the system lottery with dice for one.
  const envelopeTeams = (classes: number) => Array.from({ length: classes }, (_, index) => classes - index);
  for (const [index, school] of [first, second, third].entries()) {
    await turnTo(page, school);
    const classes = rig.snapshot.schools.find((found) => found.name === school)!.classes;
    if (index === 1) {
      await page.getByLabel('系统抽签（家长代表提供随机数）').check();
      await page.getByLabel('掷骰子，录入点数').check();
      await page.getByLabel('骰子点数').fill('3 5 1 6 2 4');
      await hold(page, '以 3-5-1-6-2-4 抽选教师团队');
    } else {
      for (const [slot, team] of envelopeTeams(classes).entries()) {
        await page.getByLabel(`${slot + 1} 班`, { exact: true }).fill(String(team));
      }
      if (index === 0) await screenshot(page, 'ceremony-10-teachers-envelopes');
      await hold(page, '记录教师团队');
    }
    await until(() => schoolStatus(school) === 'teachers-drawn', `${school} teams`);
    await page.getByRole('heading', { name: '✓ 本校已完成' }).waitFor();
  }
  expect(rig.snapshot.schools.find((school) => school.name === first)!.teachers!.teamOfClass).toEqual(envelopeTeams(8));

  // Close.
  await page.getByRole('button', { name: '全部学校已完成，前往“结束”' }).click();
  await screenshot(page, 'ceremony-11-close');
  await hold(page, '结束仪式');
  await until(() => rig.snapshot.phase === 'closed', 'the close');
  await page.getByRole('heading', { name: '仪式已结束' }).waitFor();
  await screenshot(page, 'ceremony-12-closed');
  await page.getByRole('button', { name: 'English', exact: true }).first().click();
  await page.getByRole('heading', { name: 'The ceremony is closed' }).waitFor();
  await screenshot(page, 'ceremony-13-closed-english');
  expect(rig.snapshot.schools.every((school) => ['skipped', 'teachers-drawn'].includes(school.status))).toBe(true);
});
