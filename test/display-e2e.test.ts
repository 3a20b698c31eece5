/**
 * The hall display end to end: a real controller, the built display in Debian's Chromium, a ceremony driven over
 * socket.io, and assertions on what the hall would see in each scene (text in the page, not pixels).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../controller/contract/protocol.ts';
import {
  CONTRIBUTION,
  DISPLAY_EVENT,
  FULL_HD,
  closeBrowser,
  launchBrowser,
  openDisplay,
  Rig,
  testSchool,
  type TestSchool,
  withTwins,
} from './display-harness.ts';
import { FIXED_SERVICES } from './support/demo-ceremony.ts';

let browser: BrowserContext;
const rigs: Rig[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await closeBrowser(browser);
});
afterEach(async () => {
  for (const rig of rigs.splice(0)) await rig.close();
  for (const page of browser.pages()) await page.close();
});

async function startRig(): Promise<Rig> {
  const rig = await Rig.start();
  rigs.push(rig);
  // The shortest draw the controller allows keeps the test quick; the animation is the same at any length.
  await rig.present({ drawSeconds: 5 });
  return rig;
}

// East: the bureau declared one boy too many, so the roster differs and the operator accepts it with a reason.
const eastRoster = testSchool('东湖小学', 40, 3, false);
const east: TestSchool = {
  ...eastRoster,
  plan: { ...eastRoster.plan, boys: eastRoster.plan.boys + 1, girls: eastRoster.plan.girls - 1 },
};
const west = testSchool('西山中学', 60, 4);
const north = testSchool('北岭小学', 20, 1, false);
const MISMATCH_REASON = '一名学生性别登记有误，已核实';
const PUBLIC_URL = 'https://jyj.example.gov.cn/yangguang/';

const scene = (page: Page, name: string) => page.waitForSelector(`[data-testid="scene-${name}"]`);
const texts = (page: Page, testid: string) => page.locator(`[data-testid="${testid}"]`).allInnerTexts();
const snapshotOf = (rig: Rig): Promise<Snapshot> => rig.operator.socket.emitWithAck('snapshot:get');
/** A teacher-team card turned over, showing its team. */
const TURNED_CARD = '[data-testid="team-card"]:not([data-team=""])';
/** Students placed in their classes so far, as the hall sees the counts. */
const placed = (page: Page) =>
  page.$$eval('[data-testid="class-count"]', (counts) =>
    counts.reduce((sum, count) => sum + Number(count.textContent), 0),
  );

/**
 * What a late display shows, read when the first display holds still across the reading (not on a page turn): both
 * show the same.
 */
async function inStep(first: Page, late: Page, read: (page: Page) => Promise<string>): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const before = await read(first);
    const shownLate = await read(late);
    if ((await read(first)) !== before) continue;
    expect(shownLate).toBe(before);
    return before;
  }
  throw new Error('the first display never held still for one reading');
}

/** Class sizes as the display shows them, and as the controller computed them. */
async function expectFinalClasses(page: Page, rig: Rig, school: TestSchool, withinMs = 15_000): Promise<void> {
  await page.waitForSelector('[data-testid="scene-draw"][data-finished="true"]', { timeout: withinMs });
  const view = (await snapshotOf(rig)).schools.find((found) => found.name === school.plan.name)!;
  const counts = (await texts(page, 'class-count')).map(Number);
  expect(counts).toEqual(view.draw!.report.classes.map((summary) => summary.size));
  // The first page of each class list shows the first students who arrived there, in the reveal order.
  const columns = await page.locator('[data-testid="final-lists"] [data-testid="class-column"]').allInnerTexts();
  for (const [index, column] of columns.entries()) {
    const first = view.draw!.reveal.find((reveal) => reveal.classNumber === index + 1)!;
    expect(column).toContain(view.roster!.students[first.student]!.name);
  }
}

describe('the hall display', () => {
  it('shows every scene of a ceremony with the ceremony’s own data', async () => {
    const rig = await startRig();
    const origin = `http://127.0.0.1:${rig.port}`;
    const elsewhere: string[] = [];
    browser.on('request', (request) => {
      if (!request.url().startsWith(origin)) elsewhere.push(request.url());
    });
    const page = await openDisplay(browser, rig.displayUrl);

    await scene(page, 'standby');
    expect(await page.textContent('[data-testid="scene-standby"]')).toContain('2024年8月28日');
    expect(await page.textContent('header')).toContain(DISPLAY_EVENT.title);
    expect(await page.textContent('[data-testid="current-step"]')).toContain('分班方案');
    expect(await page.textContent('[data-testid="seal-state"]')).toContain('尚未封装');

    await rig.run({ type: 'plan:set', plan: { schools: [east.plan, west.plan, north.plan] } });
    await rig.run({ type: 'ceremony:seal', passphrase: '公证处 notary 2026' });
    await scene(page, 'seal');
    const { seal } = await snapshotOf(rig);
    expect(await page.getAttribute('[data-testid="scene-seal"] [data-qr]', 'data-qr')).toBe(seal!.commitment);
    expect(await page.textContent('[data-testid="scene-seal"]')).toContain(DISPLAY_EVENT.notary);
    expect(await page.textContent('[data-testid="sealed-rules"]')).toContain('多胞胎同班');
    // The seal's time from the audit log, in the hall's local time.
    const sealedAt = FIXED_SERVICES.clock.now();
    const two = (value: number) => String(value).padStart(2, '0');
    expect(await page.textContent('[data-testid="sealed-at"]')).toContain(
      `${sealedAt.getFullYear()}年${sealedAt.getMonth() + 1}月${sealedAt.getDate()}日 ` +
        `${two(sealedAt.getHours())}:${two(sealedAt.getMinutes())}:${two(sealedAt.getSeconds())}`,
    );
    expect(await page.textContent('[data-testid="seal-state"]')).toContain('✓');

    await rig.run({ type: 'ceremony:preview' });
    await scene(page, 'preview');
    const cards = await texts(page, 'preview-card');
    expect(cards).toHaveLength(3);
    expect(cards[1]).toContain('西山中学');
    expect(cards[1]).toContain('60');
    expect(cards[2]).toContain('只有1个班，无需分班');

    await rig.run({ type: 'ceremony:unseal' });
    await rig.importSchool(east, MISMATCH_REASON);
    await scene(page, 'roster');
    const firstPage = await texts(page, 'roster-name');
    expect(firstPage).toHaveLength(30);
    // In name order, not the canonical (student number) order, which would give each name's rank away.
    const byName = east.roster.students.map((student) => student.name).sort(new Intl.Collator('zh-CN').compare);
    expect(firstPage[0]).toContain(byName[0]);
    // After the last page the difference is shown, highlighted, with the accepted reason; never a ✓ verdict.
    await page.waitForSelector('[data-testid="roster-check"] .mismatch', { timeout: 10_000 });
    const eastCheck = await page.textContent('[data-testid="roster-check"]');
    expect(eastCheck).toContain('已展示 40 / 40 人');
    expect(eastCheck).toContain('✗ 差 -1');
    expect(eastCheck).toContain(MISMATCH_REASON);
    expect(await page.locator('[data-testid="roster-verdict"]').count()).toBe(0);

    await rig.importSchool(west);
    await page.waitForSelector('[data-testid="roster-verdict"]', { timeout: 10_000 });
    expect(await page.textContent('[data-testid="roster-check"]')).toContain('已展示 60 / 60 人');

    await rig.present({ scene: 'contribution', school: west.plan.name });
    await scene(page, 'contribution');
    const rolling = await page.textContent('[data-testid="contribution-digits"]');
    await page.waitForTimeout(200);
    expect(await page.textContent('[data-testid="contribution-digits"]')).not.toBe(rolling);

    // West: the operator skips; the display jumps to the same end state the animation would reach.
    await rig.drawSchool(west);
    await scene(page, 'draw');
    await page.waitForTimeout(1500);
    const midway = (await texts(page, 'class-count')).map(Number).reduce((sum, count) => sum + count, 0);
    expect(midway).toBeGreaterThan(0);
    expect(midway).toBeLessThan(60);
    expect(await page.getAttribute('[data-testid="scene-draw"]', 'data-finished')).toBe('false');
    // Unskipped, the 5 s animation and its 2 s hold would need more than another 5 s.
    await rig.present({ skip: true });
    await expectFinalClasses(page, rig, west, 1500);

    await rig.present({ scene: 'contribution', school: west.plan.name });
    await scene(page, 'contribution');
    const westView = (await snapshotOf(rig)).schools[1]!;
    expect((await page.textContent('[data-testid="contribution-digits"]'))!.replace(/\s/g, '')).toBe(CONTRIBUTION);
    expect(await page.textContent('[data-testid="seed-fingerprint"]')).toContain(westView.draw!.seedHex.slice(0, 4));

    await rig.run({ type: 'school:publish', school: west.plan.name });
    await scene(page, 'result');
    expect(await texts(page, 'result-card')).toHaveLength(4);
    const checks = await page.textContent('[data-testid="balance-checks"]');
    expect(checks!.match(/✓/g)).toHaveLength(westView.draw!.report.checks.length);
    expect(checks).not.toContain('✗');
    expect(await page.textContent('[data-testid="result-url"]')).toContain('/r/西山中学');
    const resultQr = await page.getAttribute('[data-testid="scene-result"] [data-qr]', 'data-qr');
    expect(resultQr).toBe(`http://127.0.0.1:${rig.port}/r/${encodeURIComponent('西山中学')}`);
    // Phones may reach the results elsewhere (a public site): the QR code follows at once.
    await rig.present({ publicUrl: PUBLIC_URL });
    await page.waitForSelector(`[data-qr="${PUBLIC_URL}r/${encodeURIComponent('西山中学')}"]`);
    expect(await page.textContent('[data-testid="result-url"]')).toBe('jyj.example.gov.cn/yangguang/r/西山中学');

    await rig.run({ type: 'school:teachers', school: west.plan.name, draw: { kind: 'lottery', contribution: '42' } });
    await scene(page, 'teachers');
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('[data-testid="team-card"]')).every((card) =>
          card.getAttribute('data-team'),
        ),
      undefined,
      { timeout: 10_000 },
    );
    const teams = await page.$$eval('[data-testid="team-card"]', (found) => found.map((card) => card.dataset['team']));
    const teamOfClass = (await snapshotOf(rig)).schools[1]!.teachers!.teamOfClass;
    expect(teams).toEqual(teamOfClass.map(String));

    // East: the animation runs its full course and ends in the same kind of final state.
    await rig.drawSchool(east);
    await expectFinalClasses(page, rig, east);
    await rig.run({ type: 'school:publish', school: east.plan.name });
    await rig.run({ type: 'school:teachers', school: east.plan.name, draw: { kind: 'lottery', contribution: '7' } });
    await rig.run({ type: 'ceremony:close' });
    await scene(page, 'closing');
    const closing = await texts(page, 'closing-school');
    expect(closing).toHaveLength(3);
    expect(closing.every((line) => line.startsWith('✓'))).toBe(true);
    expect(await page.textContent('[data-testid="scene-closing"]')).toContain(seal!.commitment.slice(0, 4));
    // The secret is revealed at the close and checked, in the hall, against the commitment shown since the seal.
    expect(await page.textContent('[data-testid="secret-check"]')).toContain('✓ SHA-256 与封装承诺一致');
    const closingQrs = await page.$$eval('[data-testid="scene-closing"] [data-qr]', (codes) =>
      codes.map((code) => code.getAttribute('data-qr')),
    );
    expect(closingQrs).toEqual([`${PUBLIC_URL}r/`, `${PUBLIC_URL}verify`]);
    expect(await page.textContent('[data-testid="current-step"]')).toContain('全部完成');

    await rig.present({ language: 'en', theme: 'stage' });
    await page.waitForSelector('.theme-stage');
    expect(await page.textContent('[data-testid="scene-closing"]')).toContain('All draws completed');
    // Fonts, code and data all came from the controller: the hall needs no other network.
    expect(elsewhere).toEqual([]);
  });

  it('joins mid-draw (with reduced motion), and is back on the right scene within 2 s of a controller restart', async () => {
    const rig = await startRig();
    await rig.sealAndPreview([west]);
    await rig.run({ type: 'ceremony:unseal' });
    await rig.importSchool(west);
    await rig.drawSchool(west);

    // Opened after the draw was made, on a system asking for reduced motion: no cards fly, the classes fill in place,
    // and the display ends on the same classes.
    const page = await openDisplay(browser, rig.displayUrl, FULL_HD, true);
    await scene(page, 'draw');
    await expectFinalClasses(page, rig, west);

    await rig.run({ type: 'school:publish', school: west.plan.name });
    await scene(page, 'result');
    await rig.restart(800);
    const restarted = Date.now();
    // While it was down the hall saw a small notice, and now it is gone again, on the same scene.
    await page.waitForSelector('[data-testid="reconnecting"]', { state: 'detached', timeout: 2000 });
    expect(Date.now() - restarted).toBeLessThan(2000);
    expect(await page.locator('[data-testid="scene-result"]').count()).toBe(1);

    // And it is live: the next step and a presentation change both reach it.
    await rig.run({ type: 'school:teachers', school: west.plan.name, draw: { kind: 'lottery', contribution: '9' } });
    await scene(page, 'teachers');
    await rig.present({ theme: 'stage' });
    await page.waitForSelector('.theme-stage');
  });

  it('joins a running draw where the other displays are, whatever its own clock says, and still skips', async () => {
    const rig = await startRig();
    // 60 students in 24 s: two and a half land each second, so the 5 allowed below are two seconds of frames a busy
    // machine may hold back, while a display that started the draw afresh would be ten behind.
    await rig.present({ drawSeconds: 24 });
    await rig.sealAndPreview([west]);
    await rig.run({ type: 'ceremony:unseal' });
    await rig.importSchool(west);
    const first = await openDisplay(browser, rig.displayUrl);
    await rig.drawSchool(west);
    await scene(first, 'draw');
    await first.waitForTimeout(4000);

    /** Opened mid-draw (as after a reload) on a machine whose clock is an hour fast, it shows what the first shows. */
    const expectInStep = async (late: Page) => {
      await scene(late, 'draw');
      await late.waitForTimeout(300);
      const [shown, shownLate] = await Promise.all([placed(first), placed(late)]);
      expect(shown).toBeGreaterThan(5);
      expect(shown).toBeLessThan(55);
      expect(Math.abs(shownLate - shown), `${shownLate} placed against ${shown}`).toBeLessThanOrEqual(5);
    };
    const clockFast = await openDisplay(browser, rig.displayUrl, FULL_HD, false, 3_600_000);
    await expectInStep(clockFast);
    // After a controller restart too: the scene's start was kept with the presentation.
    await rig.restart(200);
    const clockSlow = await openDisplay(browser, rig.displayUrl, FULL_HD, false, -3_600_000);
    await expectInStep(clockSlow);

    await rig.present({ skip: true });
    for (const page of [first, clockFast, clockSlow]) await expectFinalClasses(page, rig, west, 1500);
  });

  it('shows a late display the roster page, the turned cards and the time the others show, whatever its clock', async () => {
    const rig = await startRig();
    // A hundred names: four pages of thirty, four seconds each; ten classes: a team card turns every 1.2 s.
    const long = testSchool('南门小学', 100, 10, false);
    await rig.sealAndPreview([long]);
    await rig.run({ type: 'ceremony:unseal' });
    const first = await openDisplay(browser, rig.displayUrl);
    await rig.importSchool(long);
    await scene(first, 'roster');
    await first.waitForFunction(
      () => document.querySelector('[data-testid="roster-page"]')?.textContent === '第 2/4 页',
    );

    // Opened (or reloaded) on a laptop whose clock is an hour fast: the same page, and the controller's time.
    const late = await openDisplay(browser, rig.displayUrl, FULL_HD, false, 3_600_000);
    await scene(late, 'roster');
    const rosterPage = async (page: Page) =>
      `${await page.textContent('[data-testid="roster-page"]')} ${(await texts(page, 'roster-name'))[0]}`;
    expect(await inStep(first, late, rosterPage)).toContain('第 2/4 页');
    const [hours, minutes, seconds] = (await late.textContent('header .clock'))!.split(':').map(Number);
    const now = new Date();
    const apart = (hours! - now.getHours()) * 3600 + (minutes! - now.getMinutes()) * 60 + seconds! - now.getSeconds();
    expect(Math.abs(apart) % 86_400, `header clock ${apart} s off the controller's`).toBeLessThanOrEqual(2);
    await late.close();

    await rig.drawSchool(long);
    await rig.run({ type: 'school:publish', school: long.plan.name });
    await rig.run({ type: 'school:teachers', school: long.plan.name, draw: { kind: 'lottery', contribution: '5' } });
    await scene(first, 'teachers');
    const turned = async (page: Page) => String(await page.locator(TURNED_CARD).count());
    await first.waitForFunction((selector) => document.querySelectorAll(selector).length >= 2, TURNED_CARD);
    const slow = await openDisplay(browser, rig.displayUrl, FULL_HD, false, -3_600_000);
    await scene(slow, 'teachers');
    expect(Number(await inStep(first, slow, turned))).toBeLessThan(10);
    // Skipped, every card turns at once, seconds before the last would have turned by itself.
    await rig.present({ skip: true });
    for (const page of [first, slow]) {
      await page.waitForFunction((selector) => document.querySelectorAll(selector).length === 10, TURNED_CARD, {
        timeout: 2000,
      });
    }
  });

  it('flies twins as one linked card bearing both names, into one class', async () => {
    const rig = await startRig();
    // Eight a class: each class's whole list fits on the final page.
    const south = withTwins(testSchool('南塘小学', 16, 2, false));
    const [twin, sibling] = south.roster.students.map((student) => student.name) as [string, string];
    expect(twin).not.toBe(sibling);
    await rig.sealAndPreview([south]);
    await rig.run({ type: 'ceremony:unseal' });
    await rig.importSchool(south);
    const page = await openDisplay(browser, rig.displayUrl);
    // Cards are painted on a canvas: note every label painted, then reload so the display runs with the note.
    await page.addInitScript(() => {
      const painted: string[] = [];
      Object.assign(window, { painted });
      type FillText = (
        this: CanvasRenderingContext2D,
        ...text: Parameters<CanvasRenderingContext2D['fillText']>
      ) => void;
      const { prototype } = CanvasRenderingContext2D;
      const fillText = Object.getOwnPropertyDescriptor(prototype, 'fillText')!.value as FillText;
      prototype.fillText = function (text, ...rest) {
        painted.push(text);
        fillText.call(this, text, ...rest);
      };
    });
    await page.reload();
    await scene(page, 'roster');

    await rig.drawSchool(south);
    const paintedSoFar = () => (window as unknown as { painted: string[] }).painted;
    await page.waitForFunction(
      (name) => (window as unknown as { painted: string[] }).painted.some((label) => label.includes(name)),
      twin,
    );
    // Once the twins have flown, the rest of the animation has nothing more to show.
    await rig.present({ skip: true });
    await expectFinalClasses(page, rig, south, 1500);
    const painted = await page.evaluate(paintedSoFar);
    const card = painted.find((label) => label.includes(twin));
    expect([`${twin} · ${sibling}`, `${sibling} · ${twin}`]).toContain(card);
    expect(painted.filter((label) => label.includes(sibling))).toEqual([card]);
    // Both land in the same class, on screen as in the controller's draw.
    const columns = await page.locator('[data-testid="final-lists"] [data-testid="class-column"]').allInnerTexts();
    const classOfTwin = columns.findIndex((column) => column.includes(twin));
    expect(columns[classOfTwin]).toContain(sibling);
    const { roster, draw } = (await snapshotOf(rig)).schools[0]!;
    const classOf = (name: string) => draw!.classOf[roster!.students.findIndex((student) => student.name === name)];
    expect([classOf(twin), classOf(sibling)]).toEqual([classOfTwin + 1, classOfTwin + 1]);
  });

  it('shows the reconnecting notice while the controller is away', async () => {
    const rig = await startRig();
    const page = await openDisplay(browser, rig.displayUrl);
    await scene(page, 'standby');
    expect(await page.locator('[data-testid="reconnecting"]').count()).toBe(0);
    const restarting = rig.restart(1500);
    await page.waitForSelector('[data-testid="reconnecting"]', { timeout: 1500 });
    await restarting;
    await page.waitForSelector('[data-testid="reconnecting"]', { state: 'detached', timeout: 2000 });
    await scene(page, 'standby');
  });
});
