/**
 * `sunshine export site`: the result pages as plain files for any web server or CDN, the way results reach a whole
 * city. The pages come from the controller's renderer; the lookup runs in the browser against sealed per-school
 * files (publication/sealed-lookup.ts), so no full name or ID number is in the folder in clear.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { createBundle } from '../../engine/ceremony/bundle.ts';
import type { ChainEntry } from '../../engine/ceremony/audit-chain.ts';
import type { CeremonyState } from '../../engine/ceremony/state.ts';
import { builtVerifierPage, bundleZip, NO_BUNDLE_BEFORE_CLOSE } from '../bundle-files.ts';
import { BUNDLE_ZIP, RESULTS_FOLDER, VERIFIER_FOLDER } from '../contract/public-links.ts';
import { lookupIndex } from '../publication/lookup.ts';
import { publicCeremony, type PublicCeremony } from '../publication/model.ts';
import { renderIndex, renderSchool } from '../publication/render.ts';
import { DEFAULT_KDF_ITERATIONS, sealLookup } from '../publication/sealed-lookup.ts';
import { FAVICONS } from '../server/http.ts';
import {
  allOf,
  contentPolicy,
  inlineCodeOf,
  RESULT_PAGES,
  SECURITY_HEADERS,
  withPolicyMeta,
} from '../server/security.ts';
import { folderNameProblem, LOOKUP_DATA, LOOKUP_SCRIPT, staticLinks } from '../publication/site-paths.ts';
import { dataDirectory, outputPath, parseCommandArgs, UsageError } from './args.ts';
import type { Io } from './io.ts';
import { openOrExplain } from './open.ts';

export const EXPORT_SITE_USAGE = 'sunshine export site [--data 目录 DIR] --out 目录 DIR';

const LOOKUP_PAGE_SOURCE = fileURLToPath(new URL('../publication/lookup-page.ts', import.meta.url));

export interface SiteOptions {
  /** The built offline verifier page, or null when it is not built. */
  readonly verifierPage: string | null;
  /** The audit chain: after the close the site holds the verification bundle it makes, zipped. */
  readonly chain: readonly ChainEntry[];
  readonly kdfIterations?: number;
}

export interface SiteSummary {
  readonly schools: number;
  readonly published: number;
  /** Whether the site holds the verification bundle (the ceremony is closed). */
  readonly bundle: boolean;
}

export async function exportSiteCommand(args: string[], io: Io, env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    data: { type: 'string' },
    out: { type: 'string' },
  });
  if (positionals.length !== 0 || values.out === undefined) {
    throw new UsageError(`用法：${EXPORT_SITE_USAGE}`, `usage: ${EXPORT_SITE_USAGE}`);
  }
  const out = outputPath(values.out, 'folder');
  // Writing over an earlier export would mix two salts and leave stale files: always a fresh folder.
  const present = existsSync(out) ? await readdir(out).catch(() => null) : [];
  if (present === null || present.length > 0) {
    throw new UsageError(
      `输出目录 ${out} 已存在且不是空目录：请指定新的或空的目录`,
      `the output folder ${out} exists and is not an empty folder: choose a new or empty folder`,
    );
  }
  const ceremony = openOrExplain(dataDirectory(values.data, env), io);
  if (ceremony === null) return 4;
  const { state } = ceremony.service;
  const chain = ceremony.log.chain();
  ceremony.log.close();

  const problems = state.schools.flatMap((school) => folderNameProblem(school.name) ?? []);
  if (problems.length > 0) {
    for (const problem of problems) io.err(`✗ ${problem.zh}\n✗ ${problem.en}`);
    return 3;
  }

  const verifierPage = builtVerifierPage();
  const summary = await writeSite(out, state, { verifierPage, chain });
  io.out(
    `✓ 静态结果站点已写入 ${out}：${summary.schools} 所学校，${summary.published} 所已公示（可查询）\n` +
      `✓ static result site written to ${out}: ${summary.schools} schools, ${summary.published} published (with lookup)\n` +
      '把整个文件夹作为网站根目录发布（须 HTTPS，查询才能使用）：学校页即 <网址>/r/<学校>，与控制器相同，\n' +
      '用 sunshine serve --public-url <网址> 让大屏二维码指向它。\n' +
      'Serve the whole folder as a web site’s root, over HTTPS (the lookup needs it): school pages are then at\n' +
      '<address>/r/<school>, as on the controller, so sunshine serve --public-url <address> points the QR codes there.',
  );
  if (verifierPage === null) {
    io.err(
      '离线验证页面尚未构建（npm run build），站点中没有验证页面\n' +
        'the offline verifier page is not built (npm run build): the site has no verifier page',
    );
  }
  const zip = `${VERIFIER_FOLDER}/${BUNDLE_ZIP}`;
  if (summary.bundle) {
    io.err(
      `注意：${zip} 是验证包，供验证页面一键核验，不含姓名和证件号，但含各生的成绩、是/否标记（无成绩的名单含出生日期）（见 docs/verification.md）\n` +
        `note: ${zip} is the verification bundle, which the verifier page checks in one tap: no names or ID numbers, but each student's scores and yes/no flags (birth dates where there are no scores)`,
    );
  } else {
    io.err(
      `${NO_BUNDLE_BEFORE_CLOSE.zh}：站点中没有 ${zip}，结束后重新导出即有\n` +
        `${NO_BUNDLE_BEFORE_CLOSE.en}: the site has no ${zip}; export again after the close for one`,
    );
  }
  return 0;
}

/** The headers for nginx, beside the pages: what the controller sends, for the result pages and the verifier page. */
export const NGINX_HEADERS = 'nginx-headers.conf';

/** Writes the site into `out` (an empty or new folder). */
export async function writeSite(out: string, state: CeremonyState, options: SiteOptions): Promise<SiteSummary> {
  const ceremony = publicCeremony(state);
  const bundle = createBundle(state, options.chain);
  const links = (depth: number) =>
    staticLinks(depth, { verifier: options.verifierPage !== null, bundle: bundle !== null });
  // Any server, any CDN: each page carries its policy; the header file adds what only headers can (frame-ancestors).
  const resultPage = (html: string) => withPolicyMeta(html, contentPolicy(RESULT_PAGES, 'meta'));
  const results = join(out, RESULTS_FOLDER);
  await mkdir(results, { recursive: true });
  await writeFile(join(out, 'index.html'), resultPage(renderIndex(ceremony, links(0))));
  await writeFile(join(results, 'index.html'), resultPage(renderIndex(ceremony, links(1))));
  await writeFile(join(results, LOOKUP_SCRIPT), await lookupScript());

  const salt = new Uint8Array(randomBytes(16));
  for (const [position, school] of ceremony.schools.entries()) {
    const folder = join(results, school.name);
    await mkdir(folder);
    const page = renderSchool(school, ceremony.verification, links(2), {
      kind: 'static',
      script: `../${LOOKUP_SCRIPT}`,
      data: LOOKUP_DATA,
    });
    await writeFile(join(folder, 'index.html'), resultPage(page));
    if (school.status !== 'published') continue;
    const { imported, draw } = state.schools[position]!;
    const index = lookupIndex(school.name, imported!.roster, draw!.classOf);
    const sealed = await sealLookup(index, salt, options.kdfIterations ?? DEFAULT_KDF_ITERATIONS);
    await writeFile(join(folder, LOOKUP_DATA), JSON.stringify(sealed));
  }

  const verifier = join(out, VERIFIER_FOLDER);
  if (options.verifierPage !== null || bundle !== null) await mkdir(verifier);
  if (options.verifierPage !== null) await copyFile(options.verifierPage, join(verifier, 'index.html'));
  // Where the verifier page fetches it, as on the controller: the same zip, byte for byte.
  if (bundle !== null) await writeFile(join(verifier, BUNDLE_ZIP), await bundleZip(bundle, options.verifierPage));
  for (const icon of FAVICONS) await copyFile(icon.path, join(out, icon.file));
  await writeFile(join(out, NGINX_HEADERS), await nginxHeaders(options.verifierPage));
  await precompress(out);
  return { schools: ceremony.schools.length, published: publishedCount(ceremony), bundle: bundle !== null };
}

/**
 * The controller's security headers as nginx `add_header` lines. One policy for the whole site, naming the inline
 * code of the result pages and of the verifier page (the same build in verify/ and in the bundle).
 */
async function nginxHeaders(verifierPage: string | null): Promise<string> {
  const pages =
    verifierPage === null ? RESULT_PAGES : allOf(RESULT_PAGES, inlineCodeOf(await readFile(verifierPage, 'utf8')));
  const headers = { ...SECURITY_HEADERS, 'Content-Security-Policy': contentPolicy(pages, 'header') };
  return [
    '# 阳光分班 静态结果站点的安全响应头 / Sunshine Class Draw: security headers for this exported site',
    '# (docs/publication.md). In the nginx server block serving this folder: include <this file>;',
    '# nginx drops inherited add_header lines in a location that has its own add_header: include it there too.',
    '# The pages carry the same Content-Security-Policy in a <meta> tag, but frame-ancestors and X-Frame-Options',
    '# (no framing by other sites) work only as headers.',
    ...Object.entries(headers).map(([name, value]) => `add_header ${name} "${value}" always;`),
    '',
  ].join('\n');
}

/** Text files gain a gzip twin (`index.html.gz`), which nginx (`gzip_static on`) and most servers send as they are. */
const COMPRESSIBLE = /\.(html|js|json)$/;

async function precompress(folder: string): Promise<void> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) await precompress(path);
    else if (COMPRESSIBLE.test(entry.name)) await writeFile(`${path}.gz`, gzipSync(await readFile(path), { level: 9 }));
  }
}

const publishedCount = (ceremony: PublicCeremony) =>
  ceremony.schools.filter((school) => school.status === 'published').length;

/** Whoever reads the site's source learns what the lookup data protects, and what it does not. */
const LOOKUP_SCRIPT_BANNER = `/*
 * 阳光分班 · 分班结果查询 / Sunshine Class Draw result lookup (source: controller/publication/ in the software).
 * Each student's entry in lookup.json is found and decrypted (AES-GCM) with PBKDF2-SHA-256 of the name with the
 * full ID number or 学籍号, salted per export: no name or number is stored in clear. Residual risk: whoever knows a
 * student's name, and so can narrow the ID number to the region and birth year, can try the remaining 10^5 or so
 * offline and learn the class and the ID number; unknown names must be guessed as well, far costlier
 * (docs/publication.md §5).
 */`;

/** lookup-page.ts and what it imports, as one small script for the browser. */
async function lookupScript(): Promise<string> {
  const result = await build({
    entryPoints: [LOOKUP_PAGE_SOURCE],
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    platform: 'browser',
    target: ['es2020'],
    legalComments: 'none',
    banner: { js: LOOKUP_SCRIPT_BANNER },
  });
  return result.outputFiles[0]!.text;
}
