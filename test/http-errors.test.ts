/**
 * Whatever a request gets wrong, the controller answers with a status and words, Chinese first and English too —
 * JSON to a client that asks for JSON, a small page to a browser — and never a stack trace or a path of this machine.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCeremony } from '../controller/ceremony.ts';
import { startController, type RunningController } from '../controller/wiring.ts';
import { PROJECT_ROOT } from '../controller/build-hash.ts';
import { tempDataDir } from './support/demo-ceremony.ts';

let controller: RunningController;
beforeAll(async () => {
  controller = await startController(openCeremony(tempDataDir()), 0);
});
afterAll(() => controller?.close());

interface Answer {
  readonly status: number;
  readonly type: string;
  readonly body: string;
}

/** A request sent exactly as given (fetch would refuse or repair some of these). */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port: controller.port, path, method: options.method ?? 'GET', headers: options.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode!,
            type: response.headers['content-type'] ?? '',
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

const HAN = /\p{Script=Han}/u;

/** Nothing of the machine's insides: no stack frame, no install path, no error class. */
function expectNothingInternal(answer: Answer): void {
  expect(answer.body).not.toMatch(/\n\s+at /);
  expect(answer.body).not.toMatch(/&nbsp;at |<pre>/);
  expect(answer.body).not.toContain('node_modules');
  expect(answer.body).not.toContain(PROJECT_ROOT);
  expect(answer.body).not.toMatch(/\b(URIError|PayloadTooLargeError|SyntaxError|UnsupportedMediaTypeError)\b/);
}

/** A browser's page: the status, Chinese words before English ones. */
function expectPage(answer: Answer, status: number, english: RegExp): void {
  expect(answer.status).toBe(status);
  expect(answer.type).toMatch(/^text\/html/);
  expectNothingInternal(answer);
  const text = answer.body.replace(/<[^>]*>/g, ' ');
  const englishAt = text.search(english);
  expect(englishAt, text).toBeGreaterThan(0);
  expect(text.search(HAN), text).toBeLessThan(englishAt);
}

/** An API client's answer: `{ zh, en }`, as the operator's downloads refuse. */
function expectJson(answer: Answer, status: number, english: RegExp): void {
  expect(answer.status).toBe(status);
  expect(answer.type).toMatch(/^application\/json/);
  expectNothingInternal(answer);
  const parsed = JSON.parse(answer.body) as { zh: unknown; en: unknown };
  expect(parsed.zh).toMatch(HAN);
  expect(parsed.en).toMatch(english);
}

const FORM = 'application/x-www-form-urlencoded';
const lookup = (headers: Record<string, string>, body: string) =>
  send(`/r/${encodeURIComponent('某校')}/lookup`, { method: 'POST', headers, body });

describe('a malformed address', () => {
  it.each(['/r/%E0%A4%A', '/r/%E0%A4%A/', '/r/%FF', '/console/%E0%A4%A', '/display/assets/%E0%A4%A.js', '/verify/%C0'])(
    '%s gets a 400 page, not a stack trace',
    async (path) => {
      expectPage(await send(path), 400, /address/i);
    },
  );

  it('gets JSON when the client asks for JSON', async () => {
    expectJson(await send('/r/%E0%A4%A', { headers: { Accept: 'application/json' } }), 400, /address/i);
  });

  it('posted to, gets the same 400', async () => {
    expectPage(
      await send('/r/%E0%A4%A/lookup', { method: 'POST', headers: { 'Content-Type': FORM } }),
      400,
      /address/i,
    );
  });
});

describe('a lookup body', () => {
  const oversized = `name=${'张'.repeat(3000)}&code=1234`;

  it('too large gets a 413 page', async () => {
    expectPage(await lookup({ 'Content-Type': FORM }, oversized), 413, /too large/i);
  });

  it('too large gets JSON when the client asks for JSON', async () => {
    expectJson(await lookup({ 'Content-Type': FORM, Accept: 'application/json' }, oversized), 413, /too large/i);
  });

  it('in a character set no one reads gets a 415 page', async () => {
    expectPage(await lookup({ 'Content-Type': `${FORM}; charset=klingon` }, 'name=x'), 415, /character set|encoding/i);
  });

  it('compressed in a way no one reads gets a 415 page', async () => {
    expectPage(await lookup({ 'Content-Type': FORM, 'Content-Encoding': 'bogus' }, 'name=x'), 415, /encoding/i);
  });

  it('that does not unzip gets a 400 page', async () => {
    expectPage(await lookup({ 'Content-Type': FORM, 'Content-Encoding': 'gzip' }, 'not gzip'), 400, /request/i);
  });

  it('of broken JSON is not read as JSON: the lookup asks for the name, in words', async () => {
    const answer = await lookup({ 'Content-Type': 'application/json' }, '{"name": "张');
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expectNothingInternal(answer);
    expect(answer.body).toMatch(HAN);
  });
});

describe('an unknown route', () => {
  it.each(['/no-such-page', '/r/a/b/c', '/console.php', '/.env'])('%s gets a bilingual 404 page', async (path) => {
    expectPage(await send(path), 404, /not found|no page/i);
  });

  it('gets JSON when the client asks for JSON, and for any method', async () => {
    expectJson(await send('/no-such-page', { headers: { Accept: 'application/json' } }), 404, /not found|no page/i);
    expectPage(await send('/healthz', { method: 'DELETE' }), 404, /not found|no page/i);
  });
});
