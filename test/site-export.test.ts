/**
 * `sunshine export site` end to end: the real command on a small real ceremony, the folder served by an ordinary
 * static server, and the lookup driven in Debian's Chromium.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../controller/cli/main.ts';
import { resultPagePath } from '../controller/contract/public-links.ts';
import { createApp } from '../controller/server/http.ts';
import { openCeremony } from '../controller/ceremony.ts';
import { readBundleFiles } from '../engine/ceremony/bundle-input.ts';
import type { CeremonyState } from '../engine/ceremony/state.ts';
import { verifyBundle } from '../engine/ceremony/verify.ts';
import { unzip } from '../verifier/src/unzip.ts';
import { closeBrowser, launchBrowser } from './display-harness.ts';
import { tempDataDir } from './support/demo-ceremony.ts';
import { fullWidth, lookupSecretLeaks } from './support/lookup-secrets.ts';
import { smallDistrict, type SmallDistrict, type SmallStudent } from './support/small-district.ts';
import { serveFolder, type StaticServer } from './support/static-server.ts';
import { sunshine } from './support/sunshine-cli.ts';

const THIRD = '上饶市第三中学';
const FIFTH = '信州区第五中学';

let district: SmallDistrict;
let state: CeremonyState;
let site: string;
let server: StaticServer;
let browser: BrowserContext;

beforeAll(async () => {
  district = await smallDistrict('close');
  site = join(tempDataDir(), 'site');
  const exported = await sunshine('export', 'site', '--data', district.dataDir, '--out', site);
  expect(exported.stderr).not.toContain('尚未构建');
  expect(exported).toMatchObject({ code: 0 });
  expect(exported.stdout).toContain('2 所学校，2 所已公示');
  const ceremony = openCeremony(district.dataDir);
  state = ceremony.service.state;
  ceremony.log.close();
  [server, browser] = await Promise.all([serveFolder(site), launchBrowser()]);
}, 60_000);
afterAll(async () => {
  await server?.close();
  if (browser !== undefined) await closeBrowser(browser);
}, 30_000);

/** Every file of the exported folder, as text, with its path inside it. */
function siteFiles(folder = site): { path: string; text: string }[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path: path.slice(folder.length + 1), text: readFileSync(path, 'latin1') + readFileSync(path, 'utf8') };
    });
}

/** The verification bundle zip of the site, unzipped. */
async function siteBundle(): Promise<{ path: string; text: string }[]> {
  return unzip(new Uint8Array(readFileSync(join(site, 'verify', 'bundle.zip'))));
}

/** The class the ceremony put a student in. */
function classOf(student: SmallStudent): number {
  const school = state.schools.find((found) => found.name === student.school)!;
  const position = school.imported!.roster.students.findIndex((found) => found.id === student.studentNumber);
  return school.draw!.classOf[position]!;
}

describe('the static result site', () => {
  it("answers the controller's addresses: /r/, /r/<学校> and /verify", async () => {
    for (const path of ['/', '/r/', `${resultPagePath(THIRD)}/`, `${resultPagePath(FIFTH)}/`, '/verify/']) {
      expect((await fetch(`${server.base}${path}`)).status, path).toBe(200);
    }
    expect((await fetch(`${server.base}/verify/bundle.zip`)).status).toBe(200);
    expect(readdirSync(join(site, 'r')).sort()).toEqual(
      ['index.html', 'index.html.gz', 'lookup.js', 'lookup.js.gz', FIFTH, THIRD].sort(),
    );
  });

  it('gives every page, script and data file a gzip twin with the same content, for servers to send as it is', () => {
    const twins = siteFiles().filter((file) => file.path.endsWith('.gz'));
    expect(twins.map((file) => file.path)).toContain(join('r', THIRD, 'index.html.gz'));
    expect(twins.map((file) => file.path)).toContain(join('r', THIRD, 'lookup.json.gz'));
    for (const twin of twins) {
      const original = join(site, twin.path.slice(0, -'.gz'.length));
      expect(gunzipSync(readFileSync(join(site, twin.path))).equals(readFileSync(original)), twin.path).toBe(true);
    }
    const compressible = siteFiles().filter((file) => /\.(html|js|json)$/.test(file.path));
    expect(twins).toHaveLength(compressible.length);
  });

  it('renders the class lists exactly as the controller does', async () => {
    const ceremony = openCeremony(district.dataDir);
    const controller = createServer(createApp(ceremony.service));
    await new Promise<void>((resolve) => controller.listen(0, '127.0.0.1', resolve));
    const served = await (
      await fetch(`http://127.0.0.1:${(controller.address() as AddressInfo).port}${resultPagePath(THIRD)}`)
    ).text();
    controller.close();
    ceremony.log.close();
    const exported = readFileSync(join(site, 'r', THIRD, 'index.html'), 'utf8');
    const lists = (html: string) => html.slice(html.indexOf('<section class="class"'), html.indexOf('<h2>均衡情况'));
    expect(lists(exported).match(/<li>/g)).toHaveLength(24);
    expect(lists(exported)).toBe(lists(served));
  });

  it('holds no full name, nor any piece of a 学籍号 or ID number, the verification bundle included', async () => {
    // Compressed files are twins of files checked here (see above); the zip's files are checked unzipped.
    const files = [...siteFiles().filter((file) => !/(\.gz|\.zip)$/.test(file.path)), ...(await siteBundle())];
    expect(files.map((file) => file.path)).toContain('certificate.json');
    expect(files.map((file) => file.path)).toContain(join('r', THIRD, 'lookup.json'));
    expect(district.students.some((student) => student.studentNumber.length <= 8)).toBe(true);
    for (const file of files) {
      for (const student of district.students) expect(file.text, file.path).not.toContain(student.name);
      expect(lookupSecretLeaks(file.text, district.students), file.path).toEqual([]);
    }
  });

  it('holds the verification bundle after the close, zipped beside the verifier page, and it verifies', async () => {
    const zipped = readBundleFiles(await siteBundle());
    expect('input' in zipped && verifyBundle(zipped.input).ok).toBe(true);
    expect(readdirSync(join(site, 'verify')).sort()).toEqual(['bundle.zip', 'index.html', 'index.html.gz']);
    const index = readFileSync(join(site, 'r', 'index.html'), 'utf8');
    expect(index).toContain('href="../verify/bundle.zip"');
    expect(index).toContain('href="../verify/"');
  });

  it('holds no bundle before the close, links none, and says so', async () => {
    const published = await smallDistrict('publish');
    const early = join(tempDataDir(), 'site');
    const exported = await sunshine('export', 'site', '--data', published.dataDir, '--out', early);
    expect(exported).toMatchObject({ code: 0 });
    expect(exported.stderr).toContain('仪式尚未结束');
    expect(exported.stderr).toContain('the site has no verify/bundle.zip');
    expect(readdirSync(join(early, 'verify')).sort()).toEqual(['index.html', 'index.html.gz']);
    const pages = siteFiles(early).filter((file) => /^(r\/.*)?index\.html$/.test(file.path));
    expect(pages.map((file) => file.path)).toContain(`r/${THIRD}/index.html`);
    for (const page of pages) expect(page.text, page.path).not.toContain('bundle.zip');
  }, 30_000);

  it('looks a student up in the browser by the full ID number or 学籍号, never by the last 4, with a uniform miss', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.base}/`);
    await page.click(`a:text("${THIRD}")`);
    await page.waitForURL(`**${resultPagePath(THIRD)}/`);
    const answer = page.locator('output.answer');
    const ask = async (name: string, code: string) => {
      await page.fill('input[name=name]', name);
      await page.fill('input[name=code]', code);
      await page.click('button[type=submit]');
      await page.waitForFunction(() => !document.querySelector('output.answer')?.textContent?.startsWith('正在查询'));
      return { found: await answer.getAttribute('data-found'), text: (await answer.textContent()) ?? '' };
    };

    const [student, other] = district.students.filter((found) => found.school === THIRD && found.idCard !== null);
    const idCard = student!.idCard!;
    for (const code of [idCard.toLowerCase(), fullWidth(idCard), student!.studentNumber]) {
      const hit = await ask(student!.name, code);
      expect(hit.found, code).toBe('true');
      expect(hit.text).toContain(`${student!.name}：${classOf(student!)} 班`);
    }
    await page.click('output.answer a');
    expect(page.url()).toContain(`#class-${classOf(student!)}`);

    const oldKey = await ask(student!.name, idCard.slice(-4));
    const wrongCode = await ask(student!.name, other!.idCard!);
    const wrongName = await ask(other!.name, idCard);
    expect(oldKey.found).toBe('false');
    expect(oldKey.text).toContain('未找到');
    expect(wrongCode).toEqual(oldKey);
    expect(wrongName).toEqual(oldKey);
    expect((await ask('  ', '1234')).text).toContain('请填写学生姓名');

    const withoutId = district.students.find((found) => found.idCard === null)!;
    const short = district.students.find((found) => found.school === FIFTH && !found.studentNumber.startsWith('G'))!;
    await page.goto(`${server.base}${resultPagePath(FIFTH)}`);
    for (const [found, code] of [
      [withoutId, withoutId.studentNumber.toLowerCase()],
      [withoutId, withoutId.studentNumber.slice(1)],
      [short, short.studentNumber],
    ] as const) {
      expect((await ask(found.name, code)).text, code).toContain(`${found.name}：${classOf(found)} 班`);
    }
    expect((await ask(withoutId.name, withoutId.studentNumber.slice(-4))).text).toContain('未找到');
    await page.close();
  });
});

describe('sunshine export site refuses', () => {
  /** Runs the command in this process, as bin/sunshine.js would, keeping what it prints. */
  async function exportSite(...args: string[]) {
    const printed = { out: '', err: '' };
    const code = await main(['export', 'site', ...args], {
      out: (text) => void (printed.out += `${text}\n`),
      err: (text) => void (printed.err += `${text}\n`),
    });
    return { code, ...printed };
  }

  it('a folder that is not empty, or a file, and changes nothing in it', async () => {
    const result = await exportSite('--data', district.dataDir, '--out', site);
    expect(result.code).toBe(2);
    expect(result.err).toContain('不是空目录');
    expect(result.err).toContain('not an empty folder');
    const file = join(tempDataDir(), 'a-file');
    writeFileSync(file, 'x');
    expect((await exportSite('--data', district.dataDir, '--out', file)).code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('x');
    expect(readdirSync(join(site, 'r')).sort()).toEqual(
      ['index.html', 'index.html.gz', 'lookup.js', 'lookup.js.gz', FIFTH, THIRD].sort(),
    );
  });

  it('to run without --out', async () => {
    const result = await exportSite('--data', district.dataDir);
    expect(result.code).toBe(2);
    expect(result.err).toContain('sunshine export site');
  });
});
