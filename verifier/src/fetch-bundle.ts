/**
 * The bundle from the site the page was opened from: `bundle.zip` in the page's own folder (`/verify/bundle.zip` on
 * the controller and on a static site), fetched from the same origin — the one request the page makes, which its
 * security policy allows (`default-src 'self'`). Opened from disk (file://) there is no site: the page asks for a
 * folder or a zip instead.
 */
import { BUNDLE_ZIP } from '../../controller/contract/public-links.ts';
import type { BundleFile } from '../../engine/ceremony/bundle-input.ts';
import { unzip } from './unzip.ts';

export class BundleFetchError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'BundleFetchError';
  }
}

/** Whether the page came from a web site, which can hold the bundle beside it. */
export function servedFromSite(page: string): boolean {
  return /^https?:$/.test(new URL(page).protocol);
}

/**
 * The zip's address for a page at `page`: in the page's folder. An address that names no file (`/verify`, which a
 * server may answer without adding the slash) is that folder itself, so the zip is never looked for one level up.
 */
export function bundleZipUrl(page: string): string {
  const url = new URL(page);
  url.search = '';
  url.hash = '';
  const last = url.pathname.split('/').at(-1)!;
  if (last !== '' && !last.includes('.')) url.pathname += '/';
  return new URL(BUNDLE_ZIP, url).href;
}

/** Fetches and unzips the bundle beside `page`; a refusal or a missing zip is said in words, never as a bad zip. */
export async function fetchBundle(page: string): Promise<BundleFile[]> {
  let response: Response;
  try {
    // JSON asks for the controller's refusal in words (`{ zh, en }`): before the close it says why there is none.
    // Revalidated, never taken from the cache unasked: the page checks what the site serves now.
    response = await fetch(bundleZipUrl(page), {
      headers: { Accept: 'application/zip, application/json' },
      cache: 'no-cache',
    });
  } catch {
    throw new BundleFetchError(
      '无法连接本站，取不到验证包；请检查网络后重试',
      'this site cannot be reached for the bundle: check the connection and try again',
    );
  }
  if (!response.ok) throw refusalOf(response.status, await response.text());
  return unzip(new Uint8Array(await response.arrayBuffer()));
}

/** Why the site gave no bundle: its own words when it gave some, else what the status means. */
export function refusalOf(status: number, body: string): BundleFetchError {
  const said = wordsIn(body);
  if (said !== null) return new BundleFetchError(said.zh, said.en);
  if (status === 404) {
    return new BundleFetchError(
      '本站没有验证包：仪式结束后才发布；也可以选择下载的验证包文件夹或 zip',
      'this site has no verification bundle: it is published after the close; or choose a downloaded bundle folder or zip',
    );
  }
  return new BundleFetchError(`取不到验证包（HTTP ${status}）`, `could not get the bundle (HTTP ${status})`);
}

function wordsIn(body: string): { zh: string; en: string } | null {
  try {
    const parsed = JSON.parse(body) as { zh?: unknown; en?: unknown } | null;
    return typeof parsed?.zh === 'string' && typeof parsed.en === 'string' ? { zh: parsed.zh, en: parsed.en } : null;
  } catch {
    return null;
  }
}
