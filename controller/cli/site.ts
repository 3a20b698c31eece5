/**
 * `sunshine export site`: the result pages as plain files for any web server or CDN, the way results reach a whole
 * city. The pages come from the controller's renderer; the lookup runs in the browser against sealed per-school
 * files (publication/sealed-lookup.ts), so no full name or ID number is in the folder in clear.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import JSZip from 'jszip';
import { createBundle } from '../../engine/ceremony/bundle.ts';
import type { ChainEntry } from '../../engine/ceremony/audit-chain.ts';
import type { CeremonyState } from '../../engine/ceremony/state.ts';
import { builtVerifierPage, writeBundle } from '../bundle-files.ts';
import { RESULTS_FOLDER, VERIFIER_FOLDER } from '../contract/public-links.ts';
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
import {
  BUNDLE_FOLDER,
  BUNDLE_ZIP,
  folderNameProblem,
  LOOKUP_DATA,
  LOOKUP_SCRIPT,
  staticLinks,
} from '../publication/site-paths.ts';
import { dataDirectory, outputPath, parseCommandArgs, UsageError } from './args.ts';
import type { Io } from './io.ts';
import { openOrExplain } from './open.ts';

export const EXPORT_SITE_USAGE = 'sunshine export site [--data 目录 DIR] --out 目录 DIR [--with-bundle]';

const LOOKUP_PAGE_SOURCE = fileURLToPath(new URL('../publication/lookup-page.ts', import.meta.url));

export interface SiteOptions {
  /** The built offline verifier page, or null when it is not built. */
  readonly verifierPage: string | null;
  /** The audit chain, to publish the verification bundle beside the pages (after the close); null for none. */
  readonly bundleChain: readonly ChainEntry[] | null;
  readonly kdfIterations?: number;
}

export interface SiteSummary {
  readonly schools: number;
  readonly published: number;
}

export async function exportSiteCommand(args: string[], io: Io, env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    data: { type: 'string' },
    out: { type: 'string' },
    'with-bundle': { type: 'boolean' },
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
  if (values['with-bundle'] && state.phase !== 'closed') {
    problems.push({
      zh: '仪式尚未结束：结束时才公开密钥，之前不能发布验证包（去掉 --with-bundle 即可导出结果页）',
      en: 'the ceremony is not closed: no bundle before the secret is revealed (leave out --with-bundle to export the pages)',
    });
  }
  if (problems.length > 0) {
    for (const problem of problems) io.err(`✗ ${problem.zh}\n✗ ${problem.en}`);
    return 3;
  }

  const verifierPage = builtVerifierPage();
  const summary = await writeSite(out, state, {
    verifierPage,
    bundleChain: values['with-bundle'] ? chain : null,
  });
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
  if (values['with-bundle']) {
    io.err(
      `注意：${BUNDLE_FOLDER}/ 与 ${BUNDLE_ZIP} 是验证包，不含姓名和证件号，但含各生的成绩、是/否标记（无成绩的名单含出生日期）（见 docs/verification.md）\n` +
        `note: ${BUNDLE_FOLDER}/ and ${BUNDLE_ZIP} are the verification bundle: no names or ID numbers, but each student's scores and yes/no flags (birth dates where there are no scores)`,
    );
  }
  return 0;
}

/** The headers for nginx, beside the pages: what the controller sends, for the result pages and the verifier page. */
export const NGINX_HEADERS = 'nginx-headers.conf';

/** Writes the site into `out` (an empty or new folder). */
export async function writeSite(out: string, state: CeremonyState, options: SiteOptions): Promise<SiteSummary> {
  const ceremony = publicCeremony(state);
  const withBundle = options.bundleChain !== null;
  const links = (depth: number) => staticLinks(depth, { verifier: options.verifierPage !== null, bundle: withBundle });
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

  if (options.verifierPage !== null) {
    await mkdir(join(out, VERIFIER_FOLDER));
    await copyFile(options.verifierPage, join(out, VERIFIER_FOLDER, 'index.html'));
  }
  if (options.bundleChain !== null) await writeBundleAndZip(out, state, options.bundleChain, options.verifierPage);
  for (const icon of FAVICONS) await copyFile(icon.path, join(out, icon.file));
  await writeFile(join(out, NGINX_HEADERS), await nginxHeaders(options.verifierPage));
  await precompress(out);
  return { schools: ceremony.schools.length, published: publishedCount(ceremony) };
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

/** The verification bundle as a folder, and zipped for the verifier page (which reads a folder or a zip). */
async function writeBundleAndZip(
  out: string,
  state: CeremonyState,
  chain: readonly ChainEntry[],
  verifierPage: string | null,
): Promise<void> {
  const folder = join(out, BUNDLE_FOLDER);
  await writeBundle(folder, createBundle(state, chain)!, verifierPage);
  const zip = new JSZip();
  for (const file of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!file.isFile()) continue;
    const path = join(file.parentPath, file.name);
    zip.file(relative(folder, path).split('\\').join('/'), await readFile(path));
  }
  await writeFile(join(out, BUNDLE_ZIP), await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}
