/**
 * The sunshine icon, bundled: the controller answers /favicon.ico and /favicon.svg (which the result pages get, as
 * every browser asks for /favicon.ico), the console and display link theirs, and the verifier page carries its own.
 * Run after `npm run build`.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCeremony } from '../controller/ceremony.ts';
import { startController, type RunningController } from '../controller/wiring.ts';
import { FIXED_SERVICES, tempDataDir } from './support/demo-ceremony.ts';

let controller: RunningController;
let base: string;
beforeAll(async () => {
  controller = await startController(openCeremony(tempDataDir(), FIXED_SERVICES), 0);
  base = `http://127.0.0.1:${controller.port}`;
});
afterAll(() => controller?.close());

/** An icon file: a PNG inside an ICO container, or an SVG. */
async function expectIcon(url: string): Promise<void> {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  const type = response.headers.get('content-type') ?? '';
  expect(type, url).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon|svg\+xml)/);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (type.startsWith('image/svg+xml')) expect(bytes.toString('utf8'), url).toContain('<svg');
  else expect([...bytes.subarray(0, 4)], url).toEqual([0, 0, 1, 0]);
}

const iconLink = (html: string) =>
  /<link rel="icon"[^>]*href="([^"]+)"/.exec(html)?.[1] ?? /<link[^>]*href="([^"]+)"[^>]*rel="icon"/.exec(html)?.[1];

describe('the favicon', () => {
  it('is at /favicon.ico and /favicon.svg, for every page of the controller', async () => {
    await expectIcon(`${base}/favicon.ico`);
    await expectIcon(`${base}/favicon.svg`);
  });

  it.each(['console', 'display'])('is linked by the %s, from its own files', async (app) => {
    const html = await (await fetch(`${base}/${app}/`)).text();
    const href = iconLink(html);
    expect(href, html).toMatch(new RegExp(`^/${app}/`));
    await expectIcon(`${base}${href}`);
  });

  it('is inside the verifier page, which must work from a USB stick', () => {
    const href = iconLink(readFileSync('verifier/dist/index.html', 'utf8'));
    expect(href).toMatch(/^data:image\/svg\+xml/);
  });
});
