/**
 * The verifier page: checks the bundle of the site it was opened from in one tap (`fetch-bundle.ts`), or the picked
 * bundle folder or zip (offline, from disk), and shows the same verdict lines as `sunshine verify`, computed by the
 * same pure code (engine/ceremony/verify.ts), built into this one HTML file.
 */
// First: before any module defines a zod schema (see there).
import '../../controller/contract/zod-without-eval.ts';
import { readBundleFiles, type BundleFile } from '../../engine/ceremony/bundle-input.ts';
import { verdictLine, verifyBundle } from '../../engine/ceremony/verify.ts';
import { BundleFetchError, fetchBundle, servedFromSite } from './fetch-bundle.ts';
import { unzip, ZipError } from './unzip.ts';

const fromSite = document.querySelector<HTMLElement>('#from-site')!;
const verifyAll = document.querySelector<HTMLButtonElement>('#verify-all')!;
const folderPicker = document.querySelector<HTMLInputElement>('#bundle')!;
const zipPicker = document.querySelector<HTMLInputElement>('#zip')!;
const summary = document.querySelector<HTMLParagraphElement>('#summary')!;
const verdicts = document.querySelector<HTMLUListElement>('#verdicts')!;

// From disk there is no site to fetch from: the pickers only.
fromSite.hidden = !servedFromSite(location.href);
verifyAll.addEventListener('click', () => void verify(() => fetchBundle(location.href)));
folderPicker.addEventListener('change', () => {
  const files = Array.from(folderPicker.files ?? []);
  void verify(() =>
    Promise.all(files.map(async (file) => ({ path: file.webkitRelativePath || file.name, text: await file.text() }))),
  );
});
zipPicker.addEventListener('change', () => {
  const zip = zipPicker.files?.[0];
  if (zip !== undefined) void verify(async () => unzip(new Uint8Array(await zip.arrayBuffer())));
});

async function verify(read: () => Promise<BundleFile[]>): Promise<void> {
  // One check at a time: a second tap while the draws are re-run would only start them again.
  verifyAll.disabled = true;
  try {
    verdicts.replaceChildren();
    show(null, '正在重算… / recomputing…');
    let files: BundleFile[];
    try {
      files = await read();
    } catch (error) {
      if (!(error instanceof ZipError || error instanceof BundleFetchError)) throw error;
      show(false, `✗ ${error.zh} / ${error.en}`);
      return;
    }
    const reading = readBundleFiles(files);
    if ('problem' in reading) {
      show(false, `✗ ${reading.problem.zh} / ${reading.problem.en}`);
      return;
    }
    // Let the "recomputing" line paint before the draws, which take a few seconds, block the page.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const verification = verifyBundle(reading.input);
    verdicts.replaceChildren(
      ...[...verification.checks, ...verification.schools].map((check) => {
        const item = document.createElement('li');
        item.dataset['ok'] = String(check.ok);
        item.textContent = verdictLine(check);
        return item;
      }),
    );
    show(
      verification.ok,
      verification.ok
        ? '✓ 全部一致：每所学校的分班都可由公开数据重现 / all match: every draw is reproduced from public data'
        : '✗ 验证未通过 / verification failed',
    );
  } finally {
    verifyAll.disabled = false;
  }
}

function show(ok: boolean | null, text: string): void {
  summary.dataset['ok'] = String(ok);
  summary.textContent = text;
}
