/**
 * The verification bundle's files: one JSON file per part, schools in their own folder, a README for whoever opens
 * the folder and the verifier page. One list of files is written as a folder (`sunshine export bundle`) and zipped
 * (the controller's `/verify/bundle.zip`, the static site's `verify/bundle.zip`), so the two cannot differ. Reading
 * gives the parsed JSON untouched, so the pure verifier judges every byte itself.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
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
- ${VERIFIER_PAGE} — 离线验证页面：用浏览器打开，选择本文件夹或其 zip 压缩包 / the offline verifier: open it in a
  browser, choose this folder or its zip
`;

/** The words for asking a bundle of a ceremony not closed: the CLI, the controller and the site say the same. */
export const NO_BUNDLE_BEFORE_CLOSE = {
  zh: '仪式尚未结束：结束时才公开密钥，之前没有验证包',
  en: 'the ceremony is not closed: the secret is revealed at the close, so there is no bundle before it',
} as const;

/** One file of the bundle: its path inside the bundle, parts joined by "/", and its bytes. */
export interface BundleOutputFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);

/** Every file of the bundle; `verifierPage` is the built verifier's path, or null when it is not built. */
export async function bundleFiles(bundle: Bundle, verifierPage: string | null): Promise<BundleOutputFile[]> {
  return [
    { path: 'README.md', bytes: new TextEncoder().encode(README) },
    { path: BUNDLE_FILES.certificate, bytes: json(bundle.certificate) },
    { path: BUNDLE_FILES.plan, bytes: json(bundle.plan) },
    { path: BUNDLE_FILES.audit, bytes: json(bundle.audit) },
    ...bundle.schools.map((school) => ({
      path: `${SCHOOLS_FOLDER}/${schoolFileName(school.name)}`,
      bytes: json(school),
    })),
    ...(verifierPage === null ? [] : [{ path: VERIFIER_PAGE, bytes: await readFile(verifierPage) }]),
  ];
}

/** Writes the bundle as a folder. */
export async function writeBundle(dir: string, bundle: Bundle, verifierPage: string | null): Promise<void> {
  await mkdir(join(dir, SCHOOLS_FOLDER), { recursive: true });
  for (const file of await bundleFiles(bundle, verifierPage)) {
    const path = join(dir, ...file.path.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.bytes);
  }
}

/**
 * The bundle as one zip: the same files, deflated, every one dated at the chain's last entry (and no folder entries,
 * which JSZip would date now), so one bundle always zips to the same bytes, on the controller and in the site.
 */
export async function bundleZip(bundle: Bundle, verifierPage: string | null): Promise<Uint8Array> {
  const zip = new JSZip();
  const date = new Date(bundle.audit.at(-1)!.at);
  for (const file of await bundleFiles(bundle, verifierPage)) {
    zip.file(file.path, file.bytes, { date, createFolders: false });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
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
