/**
 * Browser security headers on everything the controller serves, and Debian's Chromium showing the console, the
 * display, the result pages with their lookup and the verifier under that policy, and the static site under its
 * `<meta>` policy, without one policy violation.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultPagePath } from '../controller/contract/public-links.ts';
import { openCeremony } from '../controller/ceremony.ts';
import { startController, type RunningController } from '../controller/wiring.ts';
import { closeBrowser, launchBrowser } from './display-harness.ts';
import { tempDataDir } from './support/demo-ceremony.ts';
import { smallDistrict, type SmallDistrict } from './support/small-district.ts';
import { serveFolder, type StaticServer } from './support/static-server.ts';
import { sunshine } from './support/sunshine-cli.ts';

const THIRD = '上饶市第三中学';

let district: SmallDistrict;
let closed: RunningController;
let planning: RunningController;
let site: string;
let siteServer: StaticServer;
let browser: BrowserContext;
/** Every policy violation and policy message any page reported, with the page it came from. */
const violations: string[] = [];

beforeAll(async () => {
  district = await smallDistrict('close');
  site = join(tempDataDir(), 'site');
  const exported = await sunshine('export', 'site', '--data', district.dataDir, '--out', site);
  expect(exported).toMatchObject({ code: 0 });
  [closed, planning, siteServer, browser] = await Promise.all([
    startController(openCeremony(district.dataDir), 0),
    // Before the seal a console connects without a passphrase and shows the steps.
    startController(openCeremony(tempDataDir()), 0),
    serveFolder(site),
    launchBrowser(),
  ]);
  await browser.exposeFunction('reportPolicyViolation', (text: string) => violations.push(text));
  await browser.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (globalThis as unknown as { reportPolicyViolation: (text: string) => void }).reportPolicyViolation;
      report(`${location.href}: ${event.effectiveDirective} blocked ${event.blockedURI} (${event.sourceFile})`);
    });
  });
}, 90_000);

afterAll(async () => {
  await Promise.all([closed?.close(), planning?.close(), siteServer?.close()]);
  if (browser !== undefined) await closeBrowser(browser);
}, 30_000);

const baseOf = (controller: RunningController) => `http://127.0.0.1:${controller.port}`;

function expectSecurityHeaders(headers: Headers | Record<string, string>, what: string): void {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : headers[name]) ?? '';
  const policy = get('content-security-policy');
  expect(policy, what).toMatch(/(^|;)\s*default-src 'self'(;|$)/);
  expect(policy, what).toMatch(/(^|;)\s*frame-ancestors 'none'(;|$)/);
  expect(policy, what).toMatch(/(^|;)\s*script-src 'self'[^;]*(;|$)/);
  expect(policy, what).not.toContain('unsafe-inline');
  expect(policy, what).not.toContain('unsafe-eval');
  expect(policy, what).not.toContain('upgrade-insecure-requests');
  expect(get('x-content-type-options'), what).toBe('nosniff');
  expect(get('x-frame-options'), what).toBe('DENY');
  expect(get('referrer-policy'), what).toBe('no-referrer');
}

describe('every answer of the controller', () => {
  it('carries the security headers: pages, files, downloads, lookups, redirects, refusals and errors', async () => {
    const base = baseOf(closed);
    const school = resultPagePath(THIRD);
    const consoleScript = /src="([^"]+\.js)"/.exec(readFileSync('console/dist/index.html', 'utf8'))![1]!;
    const lookup = (body: string, type = 'application/x-www-form-urlencoded'): RequestInit => ({
      method: 'POST',
      headers: { 'Content-Type': type },
      body,
    });
    const requests: [string, RequestInit?][] = [
      ['/'],
      ['/healthz'],
      ['/console/'],
      ['/console/step/plan'],
      [consoleScript],
      ['/display'],
      ['/display/'],
      ['/verify'],
      ['/verify/'],
      ['/verify/bundle.zip'],
      ['/r'],
      ['/r/'],
      [school],
      [`${school}/`],
      [`/r/${encodeURIComponent('没有这所学校')}`],
      [`${school}/lookup`],
      [`${school}/lookup`, lookup('name=x&code=1234')],
      [`${school}/lookup`, lookup(`name=${'x'.repeat(8000)}`)],
      ['/favicon.ico'],
      ['/favicon.svg'],
      ['/operator/print/seal-certificate.pdf'],
      ['/no-such-page'],
      ['/r/%E0%A4%A'],
    ];
    for (const [path, init] of requests) {
      const response = await fetch(`${base}${path}`, { redirect: 'manual', ...init });
      expectSecurityHeaders(response.headers, `${init?.method ?? 'GET'} ${path} (${response.status})`);
    }
    // Before the close the bundle zip is refused: with the same headers.
    const early = await fetch(`${baseOf(planning)}/verify/bundle.zip`);
    expect(early.status).toBe(409);
    expectSecurityHeaders(early.headers, 'the bundle zip before the close');
    const page = await fetch(`${base}${school}`);
    const revalidated = await fetch(`${base}${school}`, { headers: { 'If-None-Match': page.headers.get('etag')! } });
    expect(revalidated.status).toBe(304);
    expectSecurityHeaders(revalidated.headers, 'a revalidated result page');
  });
});

interface Visit {
  readonly page: Page;
  /** Where this page's reports start in `violations`. */
  readonly from: number;
  /** Whatever the page reported: policy violations, policy messages on the console, script errors. */
  readonly problems: string[];
}

/** Opens `url` in a new tab, checks the policy it was given (header or meta), and gathers what goes wrong. */
async function visit(url: string, policy: 'header' | 'meta'): Promise<Visit> {
  const page = await browser.newPage();
  const from = violations.length;
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/content.security.policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  const response = await page.goto(url);
  if (policy === 'header') expectSecurityHeaders(response!.headers(), url);
  else {
    const meta = await page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
    );
    expect(meta, url).toContain("default-src 'self'");
    expect(meta, url).not.toContain('unsafe-inline');
  }
  return { page, from, problems };
}

async function finish({ page, from, problems }: Visit): Promise<void> {
  // A violation is reported asynchronously: give the last ones time to arrive before judging.
  await page.waitForTimeout(300);
  const url = page.url();
  await page.close();
  expect(problems, url).toEqual([]);
  expect(violations.slice(from), url).toEqual([]);
}

/**
 * The verifier page checks every school: in one tap, fetching the bundle zip from the site that served it, or, opened
 * from disk, given the exported zip.
 */
async function verifyBundle(page: Page): Promise<void> {
  if (page.url().startsWith('file:')) await page.locator('#zip').setInputFiles(join(site, 'verify', 'bundle.zip'));
  else await page.getByRole('button', { name: '核验全部 / Verify all' }).click();
  await page.locator('#summary[data-ok="true"], #summary[data-ok="false"]').waitFor({ timeout: 60_000 });
  expect(await page.locator('#summary').getAttribute('data-ok')).toBe('true');
}

describe('under the controller’s policy, in Chromium', () => {
  it('the console connects and shows the ceremony steps', async () => {
    const console = await visit(`${baseOf(planning)}/console/`, 'header');
    await console.page.getByRole('navigation', { name: '仪式步骤' }).waitFor();
    await finish(console);
  });

  it('the display connects and shows its scene', async () => {
    const display = await visit(`${baseOf(closed)}/display/`, 'header');
    await display.page.waitForSelector('[data-testid^="scene-"]');
    await finish(display);
  });

  it('the result pages show the lists, and the lookup answers', async () => {
    const index = await visit(`${baseOf(closed)}/r/`, 'header');
    await index.page.click(`a:text("${THIRD}")`);
    await index.page.locator('section.class').first().waitFor();
    const student = district.students.find((found) => found.school === THIRD && found.idCard !== null)!;
    await index.page.fill('input[name=name]', student.name);
    await index.page.fill('input[name=code]', student.idCard!);
    await index.page.click('button[type=submit]');
    await index.page.locator('.answer[data-found="true"]').waitFor();
    expect(await index.page.locator('.answer').textContent()).toContain(student.name);
    await finish(index);
  });

  it('the verifier checks a bundle', async () => {
    const verifier = await visit(`${baseOf(closed)}/verify`, 'header');
    await verifyBundle(verifier.page);
    await finish(verifier);
  });
});

describe('the static site and the verifier file, under their <meta> policy, in Chromium', () => {
  it('shows the lists and answers the lookup in the browser', async () => {
    const school = await visit(`${siteServer.base}${resultPagePath(THIRD)}/`, 'meta');
    await school.page.locator('section.class').first().waitFor();
    const student = district.students.find((found) => found.school === THIRD && found.idCard !== null)!;
    await school.page.fill('input[name=name]', student.name);
    await school.page.fill('input[name=code]', student.idCard!);
    await school.page.click('button[type=submit]');
    await school.page.locator('output.answer[data-found="true"]').waitFor({ timeout: 30_000 });
    await finish(school);
    await finish(await visit(`${siteServer.base}/r/`, 'meta'));
  });

  it('runs the verifier page it carries', async () => {
    const verifier = await visit(`${siteServer.base}/verify/`, 'meta');
    await verifyBundle(verifier.page);
    await finish(verifier);
  });

  it('runs the verifier page opened from disk, as from a USB stick', async () => {
    const verifier = await visit(pathToFileURL(resolve('verifier/dist/index.html')).href, 'meta');
    await verifyBundle(verifier.page);
    await finish(verifier);
  });

  it('comes with the same headers for nginx, frame-ancestors among them', () => {
    const conf = readFileSync(join(site, 'nginx-headers.conf'), 'utf8');
    const header = (name: string) => new RegExp(`^add_header ${name} "([^"]*)" always;$`, 'm').exec(conf)?.[1] ?? '';
    expectSecurityHeaders(
      {
        'content-security-policy': header('Content-Security-Policy'),
        'x-content-type-options': header('X-Content-Type-Options'),
        'x-frame-options': header('X-Frame-Options'),
        'referrer-policy': header('Referrer-Policy'),
      },
      'nginx-headers.conf',
    );
    const meta = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(
      readFileSync(join(site, 'r', THIRD, 'index.html'), 'utf8'),
    )![1]!;
    // The meta policy is the header's, less what a <meta> cannot carry.
    for (const directive of meta.split(';')) expect(header('Content-Security-Policy')).toContain(directive.trim());
    expect(meta).not.toContain('frame-ancestors');
  });
});
