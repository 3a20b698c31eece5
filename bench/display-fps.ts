/**
 * Frame times of the draw animation: a school of 2,000 students in 40 classes and one of 575 in 12, drawn on a real
 * controller and shown by the built display in Debian's Chromium at 1920×1080 and at 3840×2160 (each draw replayed at
 * the second size). `npm run bench:display [-- seconds]` (default 20, the controller's default draw length; run
 * `npm run build` first).
 * Records requestAnimationFrame deltas in the page for the whole animation and prints p50/p95 frame time and fps.
 * Headless Chromium here has no GPU: everything is software-rendered, so a projector PC with a GPU can only do better.
 */
import { existsSync } from 'node:fs';
import {
  closeBrowser,
  FULL_HD,
  launchBrowser,
  openDisplay,
  Rig,
  testSchool,
  type Viewport,
} from '../test/display-harness.ts';

const DRAW_SECONDS = Number(process.argv[2] ?? 20);
const VIEWPORTS: readonly Viewport[] = [FULL_HD, { width: 3840, height: 2160 }];
const cases = [
  { name: 'bench-2000x40', students: 2000, classes: 40 },
  { name: 'bench-575x12', students: 575, classes: 12 },
];

if (!existsSync('display/dist/index.html')) {
  console.error('display/dist is missing: run `npm run build` first');
  process.exit(1);
}

/**
 * Runs in the page and resolves with every frame's time until the animation ends. A string, not a function: tsx
 * would wrap a function's inner helpers in its own __name calls, which do not exist in the browser.
 */
const RECORD_FRAMES = `new Promise((resolve) => {
  const running = () => document.querySelector('[data-testid="scene-draw"][data-finished="false"]') !== null;
  const deltas = [];
  let last = 0;
  const record = (now) => {
    if (last !== 0) deltas.push(now - last);
    last = now;
    if (running()) requestAnimationFrame(record);
    else resolve(deltas);
  };
  requestAnimationFrame(record);
})`;

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const schools = cases.map((found) => testSchool(found.name, found.students, found.classes));
const rig = await Rig.start();
const browser = await launchBrowser();
try {
  await rig.present({ drawSeconds: DRAW_SECONDS });
  await rig.sealAndPreview(schools);
  await rig.run({ type: 'ceremony:unseal' });
  const page = await openDisplay(browser, rig.displayUrl, FULL_HD);
  console.log(`draw animation, ${DRAW_SECONDS} s, headless Chromium, no GPU`);
  for (const [index, school] of schools.entries()) {
    await rig.importSchool(school);
    await page.waitForSelector('[data-testid="scene-roster"]');
    for (const [replay, viewport] of VIEWPORTS.entries()) {
      await page.setViewportSize(viewport);
      // The first run is the draw itself; presenting its scene anew (after another) replays the same animation.
      if (replay === 0) await rig.drawSchool(school);
      else {
        await rig.present({ scene: 'contribution', school: school.plan.name });
        await page.waitForSelector('[data-testid="scene-contribution"]');
        await rig.present({ scene: 'draw', school: school.plan.name });
      }
      // Every frame's time from one requestAnimationFrame to the next while the animation runs (the scene's
      // cross-fade and the paging of the final lists after it are not the animation).
      await page.waitForSelector('[data-testid="scene-draw"][data-finished="false"]');
      const deltas = await page.evaluate<number[]>(RECORD_FRAMES);
      const sorted = [...deltas].sort((a, b) => a - b);
      const p50 = percentile(sorted, 50);
      const p95 = percentile(sorted, 95);
      const total = deltas.reduce((sum, delta) => sum + delta, 0);
      const { students, classes } = cases[index]!;
      console.log(
        `${viewport.width}×${viewport.height}, ${students} students in ${classes} classes: ${deltas.length} frames, ` +
          `frame time p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms; ` +
          `${((deltas.length / total) * 1000).toFixed(1)} fps average, ${(1000 / p95).toFixed(1)} fps at p95`,
      );
    }
  }
} finally {
  await closeBrowser(browser);
  await rig.close();
}
