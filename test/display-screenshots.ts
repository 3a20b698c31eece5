/**
 * Screenshots of every display scene, both themes, both languages and three screen sizes, from a real controller
 * driven through a whole ceremony: `node --import tsx test/display-screenshots.ts [out-dir]` (default
 * .tmp/display-shots). Not a test: the pictures are for people to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  closeBrowser,
  FULL_HD,
  launchBrowser,
  openDisplay,
  Rig,
  testSchool,
  type Viewport,
  withLongNames,
  withTwins,
} from './display-harness.ts';

const out = process.argv[2] ?? '.tmp/display-shots';
mkdirSync(out, { recursive: true });

const junior = testSchool('信州区第五中学', 468, 10);
const primary = testSchool('东市街小学', 262, 6, false);
const twoRows = testSchool('上饶市第一中学', 900, 20);
const tiles = testSchool('上饶市第二中学', 2000, 40);
const mismatched = testSchool('茅家岭小学', 60, 2, false);
const single = testSchool('沙溪小学', 38, 1, false);
// The longest a display must fit: a 30-character school name, four-character names and twins, in 12 classes.
const longNamed = withTwins(
  withLongNames(testSchool('long-names', 576, 12), '上饶市信州区第十二实验学校教育集团东校区附属初级中学分部本部'),
);
// The bureau declared two more boys than the roster has: the display must show the difference and the reason.
const declaredWrong = {
  ...mismatched,
  plan: { ...mismatched.plan, boys: mismatched.plan.boys + 2, girls: mismatched.plan.girls - 2 },
};
const drawn = [junior, primary, twoRows, tiles, declaredWrong, longNamed];

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function shot(page: Page, name: string, viewport: Viewport = FULL_HD): Promise<void> {
  await page.setViewportSize(viewport);
  await wait(1200);
  await page.screenshot({ path: join(out, `${name}.png`) });
  console.log(`${name}.png`);
}

const rig = await Rig.start();
const browser = await launchBrowser();
try {
  await rig.present({ drawSeconds: 12 });
  const page = await openDisplay(browser, rig.displayUrl);
  await rig.run({ type: 'plan:set', plan: { schools: [...drawn, single].map((school) => school.plan) } });
  await shot(page, '01-standby');
  await rig.present({ language: 'en' });
  await shot(page, '01b-standby-en');
  await rig.present({ language: 'zh' });

  await rig.run({ type: 'ceremony:seal', passphrase: '公证处 notary 2026' });
  await shot(page, '02-seal');
  await rig.run({ type: 'ceremony:preview' });
  await shot(page, '03-preview');
  await rig.run({ type: 'ceremony:unseal' });

  await rig.importSchool(declaredWrong, '一名学生户籍迁出，经教育局核实');
  await wait(5000);
  await shot(page, '04a-roster-mismatch');
  await rig.importSchool(junior);
  await shot(page, '04b-roster');
  for (const school of [primary, twoRows, tiles, longNamed]) await rig.importSchool(school);

  await rig.present({ scene: 'contribution', school: junior.plan.name });
  await shot(page, '05a-contribution');
  await rig.present({ contributionMode: 'dice' });
  await shot(page, '05b-contribution-dice');
  await rig.present({ contributionMode: 'digits' });

  await rig.drawSchool(junior);
  await wait(2500);
  await shot(page, '06a-draw-early');
  await wait(4000);
  await shot(page, '06b-draw-mid');
  await shot(page, '06c-draw-mid-720', { width: 1280, height: 720 });
  await shot(page, '06d-draw-mid-4k', { width: 3840, height: 2160 });
  await page.setViewportSize(FULL_HD);
  await wait(8000);
  await shot(page, '06e-draw-final');
  await rig.present({ scene: 'contribution', school: junior.plan.name });
  await shot(page, '07-contribution-stopped');

  // Phones reach the results at the hall's LAN address, as `sunshine serve --public-url` would set it.
  await rig.present({ publicUrl: 'http://192.168.1.20:8080' });
  await rig.run({ type: 'school:publish', school: junior.plan.name });
  await shot(page, '08a-result');
  await shot(page, '08b-result-720', { width: 1280, height: 720 });
  await shot(page, '08c-result-4k', { width: 3840, height: 2160 });
  await page.setViewportSize(FULL_HD);
  await rig.run({ type: 'school:teachers', school: junior.plan.name, draw: { kind: 'lottery', contribution: '3141' } });
  await wait(4000);
  await shot(page, '09a-teachers-turning');
  await wait(10000);
  await shot(page, '09b-teachers');

  await rig.drawSchool(longNamed);
  await wait(6000);
  await shot(page, '10a-draw-long-names');
  await shot(page, '10b-draw-long-names-720', { width: 1280, height: 720 });
  await shot(page, '10c-draw-long-names-4k', { width: 3840, height: 2160 });
  await page.setViewportSize(FULL_HD);
  await rig.present({ skip: true });
  await rig.run({ type: 'school:publish', school: longNamed.plan.name });
  await shot(page, '10d-result-long-names');
  await shot(page, '10e-result-long-names-720', { width: 1280, height: 720 });
  await page.setViewportSize(FULL_HD);

  await rig.drawSchool(twoRows);
  await wait(6000);
  await shot(page, '10-draw-two-rows');
  await rig.drawSchool(tiles);
  await wait(6000);
  await shot(page, '11a-draw-tiles');
  await rig.present({ skip: true });
  await shot(page, '11b-draw-tiles-final');
  await rig.run({ type: 'school:publish', school: tiles.plan.name });
  await shot(page, '12-result-40-classes');

  await rig.present({ theme: 'stage' });
  await shot(page, '13a-stage-result');
  await rig.present({ scene: 'draw', school: junior.plan.name });
  await wait(6000);
  await shot(page, '13b-stage-draw');
  await rig.present({ scene: 'roster', school: junior.plan.name });
  await shot(page, '13c-stage-roster');
  await rig.present({ theme: 'hall' });

  await rig.drawSchool(primary);
  await rig.present({ skip: true });
  await rig.run({ type: 'school:publish', school: primary.plan.name });
  await shot(page, '14-result-primary');
  await rig.drawSchool(declaredWrong);
  for (const school of drawn.filter((found) => found !== junior)) {
    if (![primary, tiles, longNamed].includes(school))
      await rig.run({ type: 'school:publish', school: school.plan.name });
    await rig.run({ type: 'school:teachers', school: school.plan.name, draw: { kind: 'lottery', contribution: '27' } });
  }
  await rig.run({ type: 'ceremony:close' });
  await shot(page, '15-closing');
  await rig.present({ theme: 'stage' });
  await shot(page, '15b-closing-stage');
} finally {
  await closeBrowser(browser);
  await rig.close();
}
