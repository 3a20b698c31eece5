/**
 * An external public value end to end: named at the seal and entered over the live protocol as an operator console
 * does, refused whenever it must be, shown to every client, kept across a restart, then carried by the bundle,
 * re-derived by the verifier, and caught when tampered with.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT, createBundle, schoolFileName, type Bundle } from '../engine/ceremony/bundle.ts';
import { SUBJECT, verifyBundle, type Check } from '../engine/ceremony/verify.ts';
import { writeBundle } from '../controller/bundle-files.ts';
import { verifyCommand } from '../controller/cli/bundle.ts';
import type { OperatorRequest, Result } from '../controller/contract/protocol.ts';
import { openCeremony } from '../controller/ceremony.ts';
import { startController, type RunningController } from '../controller/wiring.ts';
import { closeBrowser, launchBrowser } from './display-harness.ts';
import { command, connect, untilRevision, type Client } from './support/client.ts';
import { demoRequests, FIXED_SERVICES, tempDataDir } from './support/demo-ceremony.ts';

const ANNOUNCED = {
  source: '2026年8月19日 中国福利彩票“3D”第2026219期开奖号码 / China Welfare Lottery 3D draw 2026219',
  value: '509',
};
const HAN = /[\u4e00-\u9fff]/;

let dataDir: string;
let controller: RunningController;
let operator: Client;
let display: Client;
let audience: Client;
/** Every reply the operator got, in order, by request type. */
const replies: { type: string; result: Result<unknown> }[] = [];
let bundle: Bundle;

async function send(request: unknown): Promise<Result<unknown>> {
  const result = await command(operator.socket, request);
  replies.push({ type: (request as { type: string }).type, result });
  return result;
}

const refusalOf = (result: Result<unknown>) => {
  if (result.ok) throw new Error('accepted');
  expect(result.error.zh).toMatch(HAN);
  expect(result.error.en).toMatch(/[a-z]/);
  return result.error;
};

beforeAll(async () => {
  dataDir = tempDataDir();
  controller = await startController(openCeremony(dataDir, FIXED_SERVICES), 0);
  operator = await connect(controller.port, { role: 'console' });
  display = await connect(controller.port, { role: 'display' });
  audience = await connect(controller.port, { role: 'public' });
});

afterAll(async () => {
  for (const client of [operator, display, audience]) client?.socket.close();
  await controller?.close();
});

describe('an external public value over the live protocol', () => {
  let requests: OperatorRequest[];
  const entering = (): OperatorRequest => requests.find((request) => request.type === 'ceremony:enter-public-value')!;
  /** Sends the scripted requests, each accepted, up to the first of `type`. */
  const sendUntil = async (type: OperatorRequest['type']) => {
    while (requests[0]!.type !== type) {
      const request = requests.shift()!;
      expect((await send(request)).ok, request.type).toBe(true);
    }
  };

  it('is named at the seal, refused before it and when malformed, and shown to every client', async () => {
    requests = await demoRequests('primary', ANNOUNCED);
    expect(refusalOf(await send(entering())).code).toBe('wrong-phase');
    await sendUntil('ceremony:seal');
    const seal = requests.shift()!;
    expect(seal).toMatchObject({ publicValueSource: ANNOUNCED.source });
    expect(refusalOf(await send({ ...seal, publicValueSource: '第一行\n第二行' })).code).toBe('bad-public-value');
    expect(await send(seal)).toMatchObject({ ok: true });
    const malformed = refusalOf(await send({ type: 'ceremony:enter-public-value', value: 509 }));
    expect([malformed.code, malformed.details.map((detail) => detail.column)]).toEqual(['invalid-request', ['value']]);

    const revision = controller.service.state.revision;
    await untilRevision(display, revision);
    await untilRevision(audience, revision);
    const named = { source: ANNOUNCED.source, value: null };
    expect(display.updates.at(-1)!.snapshot.seal!.publicValue).toEqual(named);
    expect(audience.updates.at(-1)!.snapshot.seal!.publicValue).toEqual(named);
    expect(display.updates.at(-1)!.events).toEqual([expect.objectContaining({ publicValueSource: ANNOUNCED.source })]);
  });

  it('stops the first draw until it is entered, then is entered once and never changed', async () => {
    await sendUntil('ceremony:enter-public-value');
    const firstDraw = requests.find((request) => request.type === 'school:draw')!;
    const missing = refusalOf(await send(firstDraw));
    expect(missing.code).toBe('public-value-missing');
    expect(missing.zh).toContain(ANNOUNCED.source);

    expect(await send({ type: 'ceremony:enter-public-value', value: `\u3000${ANNOUNCED.value} ` })).toMatchObject({
      ok: true,
      value: { events: [{ type: 'ceremony:public-value-entered', source: ANNOUNCED.source, value: ANNOUNCED.value }] },
    });
    requests.shift();
    const again = refusalOf(await send({ type: 'ceremony:enter-public-value', value: '510' }));
    expect(again.code).toBe('public-value-already-entered');
    expect(controller.service.state.seal!.publicValue).toEqual(ANNOUNCED);

    const revision = controller.service.state.revision;
    await untilRevision(audience, revision);
    expect(audience.updates.at(-1)!.snapshot.seal!.publicValue).toEqual(ANNOUNCED);
  });

  it('draws every school with it, closes, and keeps every refusal in the audit log', async () => {
    for (const request of requests.splice(0)) expect((await send(request)).ok, request.type).toBe(true);
    const { state } = controller.service;
    expect(state.phase).toBe('closed');
    expect(refusalOf(await send({ type: 'ceremony:enter-public-value', value: ANNOUNCED.value })).zh).toContain(
      '不能再录入外部公开随机值',
    );

    const refusals = controller.log.chain().filter((entry) => entry.kind === 'refusal');
    expect(refusals).toHaveLength(replies.filter((reply) => !reply.result.ok).length);
    expect(JSON.stringify(refusals.map((entry) => entry.body))).toContain('public-value-already-entered');
    bundle = createBundle(state, controller.log.chain())!;

    // The controller restarts on the same data and replays to the very same state, the value included.
    await controller.close();
    const reopened = openCeremony(dataDir, FIXED_SERVICES);
    expect(reopened.service.state).toEqual(state);
    reopened.log.close();
  });
});

/** A deep copy of the bundle, as a verifier reads it from disk, free to edit. */
function files() {
  const copy = JSON.parse(JSON.stringify(bundle)) as {
    certificate: Record<string, unknown> & { format: string; publicValue?: { source: string; value: string } | null };
    plan: unknown;
    audit: { body: { command?: { type: string; value?: string } } }[];
    schools: { name: string }[];
  };
  return { ...copy, schools: copy.schools.map((content) => ({ file: schoolFileName(content.name), content })) };
}
const failures = (verification: { checks: readonly Check[]; schools: readonly Check[] }) =>
  [...verification.checks, ...verification.schools].filter((check) => !check.ok);

describe('the bundle of a ceremony with a public value', () => {
  it('carries source and value, and verifies, asking to check the value against the announcement', () => {
    expect(bundle.certificate).toMatchObject({ format: BUNDLE_FORMAT, publicValue: ANNOUNCED });
    const verification = verifyBundle(files());
    expect(failures(verification)).toEqual([]);
    const certificate = verification.checks.find((check) => check.subject === SUBJECT.certificate)!;
    expect(certificate.zh).toContain(`外部公开随机值来源“${ANNOUNCED.source}”，录入值“${ANNOUNCED.value}”`);
    expect(certificate.zh).toContain('请与该来源的官方公告核对');
    expect(certificate.en).toContain("check it against that source's official announcement");
  });

  const differs = [SUBJECT.certificate, '外部公开随机值与审计链中的封装记录不符'] as const;
  const everySeed = () => bundle.schools.map((school) => [school.name, '种子不符'] as const);
  it.each<{
    what: string;
    tamper: (input: ReturnType<typeof files>) => void;
    /** The failing checks, each as [subject, a phrase of its Chinese message]. */
    expected: () => readonly (readonly [string, string])[];
  }>([
    {
      what: 'the value on the certificate',
      tamper: ({ certificate }) => void (certificate.publicValue!.value = '510'),
      expected: () => [differs],
    },
    {
      what: 'the value in the audit chain (every seed changes)',
      tamper: ({ audit }) => {
        const entered = audit.find((entry) => entry.body.command?.type === 'ceremony:enter-public-value')!;
        entered.body.command!.value = '510';
      },
      expected: () => [[SUBJECT.chain, '内容与其哈希不符'], differs, ...everySeed()],
    },
    {
      what: 'the public value, set to none on the certificate',
      tamper: ({ certificate }) => void (certificate.publicValue = null),
      expected: () => [differs],
    },
    {
      what: 'the public value, left out of the certificate',
      tamper: ({ certificate }) => void delete certificate.publicValue,
      expected: () => [[SUBJECT.files, 'certificate.json 格式无效：publicValue']],
    },
  ])('fails naming $what', ({ tamper, expected }) => {
    const input = files();
    tamper(input);
    const failed = failures(verifyBundle(input));
    expect(failed.map((check) => check.subject)).toEqual(expected().map(([subject]) => subject));
    failed.forEach((check, index) => expect(check.zh).toContain(expected()[index]![1]));
  });
});

describe('the offline verifier page, for a bundle with a public value', () => {
  it('recomputes with the value and shows the same lines as sunshine verify', async () => {
    const outDir = resolve(mkdtempSync(join('.tmp', 'verifier-build-')));
    await build({ configFile: 'verifier/vite.config.ts', build: { outDir }, logLevel: 'silent' });
    const page = join(outDir, 'index.html');
    const bundleDir = join(tempDataDir(), 'bundle');
    await writeBundle(bundleDir, bundle, page);
    const cli: string[] = [];
    const sink = (text: string) => void cli.push(...text.split('\n'));
    expect(await verifyCommand([bundleDir], { out: sink, err: sink })).toBe(0);
    expect(cli.join('\n')).toContain(`录入值“${ANNOUNCED.value}”`);

    const browser = await launchBrowser();
    try {
      const tab = await browser.newPage();
      await tab.goto(pathToFileURL(page).href);
      await tab.locator('#bundle').setInputFiles(bundleDir);
      await tab.locator('#summary[data-ok="true"], #summary[data-ok="false"]').waitFor({ timeout: 60_000 });
      const lines = [
        ...(await tab.locator('#verdicts li').allTextContents()),
        await tab.locator('#summary').innerText(),
      ];
      expect(lines).toEqual(cli);
    } finally {
      await closeBrowser(browser);
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 60_000);
});
