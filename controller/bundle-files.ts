/**
 * The verification bundle on disk: one JSON file per part, schools in their own folder, and a README for whoever
 * opens the folder. Reading gives the parsed JSON untouched, so the pure verifier judges every byte itself.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLE_FILES, SCHOOLS_FOLDER, schoolFileName, type Bundle } from '../engine/ceremony/bundle.ts';
import { readBundleFiles, type BundleFile, type BundleReading } from '../engine/ceremony/bundle-input.ts';
import { PROJECT_ROOT } from './build-hash.ts';

/** The offline verifier page, copied into every bundle when it is built (`npm run build`). */
export const VERIFIER_PAGE = 'verifier.html';

/**
 * The offline verifier page as `npm run build` leaves it — one self-contained HTML file, which bundles and static
 * sites carry — or null when it is not built.
 */
export function builtVerifierPage(root: string = PROJECT_ROOT): string | null {
  const page = join(root, 'verifier', 'dist', 'index.html');
  return existsSync(page) ? page : null;
}

const README = `# 阳光分班验证包 / Sunshine Class Draw verification bundle

本文件夹包含复核本次分班仪式所需的全部公开数据。用 \`npx sunshine verify <本文件夹>\` 或离线验证页面复核；
每一步的含义与手工复核方法见软件的 docs/verification.md。
This folder holds everything needed to re-run this ceremony's draws. Check it with \`npx sunshine verify <this folder>\`
or the offline verifier page; docs/verification.md explains every field and how to check by hand.

- ${BUNDLE_FILES.certificate} — 封装证书数据与结束时公开的密钥；如封装时指定了外部公开随机值，还有其来源与录入值，
  请与该来源的官方公告核对 / seal certificate data and the secret revealed at the close; with the external public
  value's source and value when the seal named one: check the value against that source's official announcement
- ${BUNDLE_FILES.plan} — 封装的计划 / the sealed plan
- ${SCHOOLS_FOLDER}/<学校>.json — 引擎读取的名单（无身份证号、无姓名，学号为名次）、家长代表随机数、种子、分班结果、
  教师团队 / the roster as the engine reads it (no ID numbers, no names, ranks for ids), the contribution, seed,
  classes and teacher teams
- ${BUNDLE_FILES.audit} — 完整审计哈希链 / the full audit hash chain
- ${VERIFIER_PAGE} — 离线验证页面：用浏览器打开，选择本文件夹 / the offline verifier: open it in a browser, choose this folder
`;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Writes the bundle; `verifierPage` is the built verifier's path, or null when it is not built. */
export async function writeBundle(dir: string, bundle: Bundle, verifierPage: string | null): Promise<void> {
  await mkdir(join(dir, SCHOOLS_FOLDER), { recursive: true });
  await writeFile(join(dir, 'README.md'), README);
  await writeFile(join(dir, BUNDLE_FILES.certificate), json(bundle.certificate));
  await writeFile(join(dir, BUNDLE_FILES.plan), json(bundle.plan));
  await writeFile(join(dir, BUNDLE_FILES.audit), json(bundle.audit));
  for (const school of bundle.schools) {
    await writeFile(join(dir, SCHOOLS_FOLDER, schoolFileName(school.name)), json(school));
  }
  if (verifierPage !== null) await copyFile(verifierPage, join(dir, VERIFIER_PAGE));
}

/** Reads a bundle folder as the offline verifier page does; a missing or non-JSON file is a problem to show. */
export async function readBundle(dir: string): Promise<BundleReading> {
  const schools = await readdir(join(dir, SCHOOLS_FOLDER)).catch(() => []);
  const paths = [...Object.values(BUNDLE_FILES), ...schools.map((file) => join(SCHOOLS_FOLDER, file))];
  const files = await Promise.all(
    paths.map(async (path) => ({ path, text: await readFile(join(dir, path), 'utf8').catch(() => null) })),
  );
  return readBundleFiles(files.filter((file): file is BundleFile => file.text !== null));
}
