/** The controller's public result pages over HTTP, on a small real ceremony: content, masking, caching, lookup. */
import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { maskName } from '../controller/mask.ts';
import { resultPagePath } from '../controller/contract/public-links.ts';
import { LOOKUPS_PER_MINUTE } from '../controller/server/results.ts';
import type { CeremonyService } from '../controller/service.ts';
import { openCeremony } from '../controller/ceremony.ts';
import { startController, type RunningController } from '../controller/wiring.ts';
import { connect } from './support/client.ts';
import { fullWidth, lookupSecretLeaks } from './support/lookup-secrets.ts';
import { smallDistrict, type SmallDistrict, type SmallStudent } from './support/small-district.ts';

let closed: SmallDistrict;
let drawn: SmallDistrict;
beforeAll(async () => {
  [closed, drawn] = await Promise.all([smallDistrict('close'), smallDistrict('draw')]);
}, 60_000);

const controllers: RunningController[] = [];
afterEach(async () => {
  await Promise.all(controllers.splice(0).map((controller) => controller.close()));
});

/** The real controller (its server answers the pages before Express) over the ceremony in `dataDir`. */
async function serve(dataDir: string): Promise<{ base: string; service: CeremonyService }> {
  const controller = await startController(openCeremony(dataDir), 0);
  controllers.push(controller);
  return { base: `http://127.0.0.1:${controller.port}`, service: controller.service };
}

const THIRD = '上饶市第三中学';
const FIFTH = '信州区第五中学';
const studentsOf = (district: SmallDistrict, school: string) =>
  district.students.filter((student) => student.school === school);

const lookup = (base: string, school: string, fields: Record<string, string>) =>
  fetch(`${base}${resultPagePath(school)}/lookup`, { method: 'POST', body: new URLSearchParams(fields) });

/** The answer box of a lookup page. */
const answerOf = (html: string) => /<div class="answer"[^>]*>(.*?)<\/div>/s.exec(html)?.[1] ?? '';

/** Every way a student's identity could leak: the full name, or any piece of the 学籍号 or ID number (the lookup's keys). */
function expectNothingPersonal(text: string, students: readonly SmallStudent[]): void {
  for (const student of students) expect(text).not.toContain(student.name);
  expect(lookupSecretLeaks(text, students)).toEqual([]);
}

/** A GET with exactly these headers and the body as sent (fetch would decompress it). */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    httpRequest(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    })
      .on('error', reject)
      .end();
  });
}

describe('the results index', () => {
  it('lists every school with where it stands, linking to its page', async () => {
    const { base } = await serve(closed.dataDir);
    for (const path of ['/r', '/r/']) {
      const html = await (await fetch(`${base}${path}`)).text();
      expect(html).toContain(`<a href="${resultPagePath(THIRD)}">${THIRD}</a>`);
      expect(html).toContain(`<a href="${resultPagePath(FIFTH)}">${FIFTH}</a>`);
      expect(html.match(/已公示/g)).toHaveLength(2);
      expect(html).toContain('href="/verify"');
      expect(html).not.toContain('http-equiv="refresh"');
    }
    const waiting = await (await fetch(`${(await serve(drawn.dataDir)).base}/r/`)).text();
    expect(waiting.match(/已分班，待公示/g)).toHaveLength(2);
    expect(waiting).toContain('http-equiv="refresh"');
  });
});

describe("a school's result page", () => {
  it('lists every class with masked names, its balance and the verification data, and nothing personal', async () => {
    const { base, service } = await serve(closed.dataDir);
    const response = await fetch(`${base}/r/${encodeURIComponent(THIRD)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html.match(/<section class="class"/g)).toHaveLength(2);
    expect(html).toContain('2 班 <span class="en" lang="en">Class 2</span>');
    for (const student of studentsOf(closed, THIRD)) expect(html).toContain(`<li>${maskName(student.name)}</li>`);
    expectNothingPersonal(html, closed.students);
    expect(html).toContain('均衡情况');
    expect(html).toContain('✓ 各班人数差');
    expect(html).toContain('语文：各班平均分最多相差');
    expect(html).toContain('教师团队');
    expect(html).toContain(service.state.seal!.commitment);
    expect(html).toContain(service.state.seal!.secretHex);
    expect(html).toContain(`action="${resultPagePath(THIRD)}/lookup"`);
  });

  it('says a school is not published yet, and reloads itself until it is', async () => {
    const { base, service } = await serve(drawn.dataDir);
    const before = await (await fetch(`${base}${resultPagePath(FIFTH)}`)).text();
    expect(before).toContain('尚未公示');
    expect(before).toContain('http-equiv="refresh"');
    expect(before).not.toContain('class="names"');
    expect(before).not.toContain(service.state.schools[1]!.draw!.seedHex);

    // Served from memory until the ceremony moves on; then rebuilt.
    expect(await service.submit({ type: 'school:publish', school: FIFTH }, 'test')).toMatchObject({ ok: true });
    const after = await (await fetch(`${base}${resultPagePath(FIFTH)}`)).text();
    expect(after).not.toContain('尚未公示');
    for (const student of studentsOf(drawn, FIFTH)) expect(after).toContain(`<li>${maskName(student.name)}</li>`);
  });

  it('answers 404, in both languages, for a school that is not in the plan', async () => {
    const { base } = await serve(closed.dataDir);
    const response = await fetch(`${base}/r/${encodeURIComponent('不存在的学校')}`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('没有学校“不存在的学校”');
    expect(html).toContain('There is no school &#34;不存在的学校&#34;');
  });

  it('is sent compressed when the phone accepts it, and as 304 when the phone has it already', async () => {
    const { base } = await serve(closed.dataDir);
    const url = `${base}${resultPagePath(THIRD)}`;
    const plain = await rawGet(url, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gzip = await rawGet(url, { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body)).toEqual(plain.body);
    const brotli = await rawGet(url, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.body)).toEqual(plain.body);
    expect(brotli.body.length).toBeLessThan(plain.body.length / 3);

    const refused = await rawGet(url, { 'Accept-Encoding': 'br;q=0, gzip;q=0.5' });
    expect(refused.headers['content-encoding']).toBe('gzip');

    const etag = plain.headers['etag'] as string;
    expect(gzip.headers['etag']).toBe(etag);
    const again = await rawGet(url, { 'If-None-Match': `"other", ${etag}` });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // From a QR code with a tracking query, or a trailing slash: the same page.
    for (const variant of [`${url}?from=qr`, `${url}/`]) expect((await rawGet(variant, {})).body).toEqual(plain.body);
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.headers.get('etag')).toBe(etag);
    expect(await head.text()).toBe('');
  });
});

describe('the lookup', () => {
  it('gives the full name and class for the name with the full ID number, or with the full 学籍号', async () => {
    const { base, service } = await serve(closed.dataDir);
    const [student] = studentsOf(closed, THIRD);
    const record = service.state.schools[0]!;
    const classNumber =
      record.draw!.classOf[record.imported!.roster.students.findIndex((s) => s.name === student!.name)];
    const idCard = student!.idCard!;
    for (const code of [idCard, idCard.toLowerCase(), fullWidth(idCard), student!.studentNumber]) {
      const response = await lookup(base, THIRD, { name: ` ${student!.name} `, code });
      expect(response.status, code).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const answer = answerOf(await response.text());
      expect(answer, code).toContain(`${student!.name}：${classNumber} 班`);
      expect(answer).toContain(`href="${resultPagePath(THIRD)}#class-${classNumber}"`);
    }
    // A school's own short number is the student's 学籍号 too.
    const short = studentsOf(closed, THIRD).find((found) => !found.studentNumber.startsWith('G'))!;
    const byShort = await lookup(base, THIRD, { name: short.name, code: short.studentNumber.toLowerCase() });
    expect(answerOf(await byShort.text())).toContain(`${short.name}：`);
  });

  it('no longer finds a student by the name with the last 4 ID characters', async () => {
    const { base } = await serve(closed.dataDir);
    const withIdNumbers = studentsOf(closed, THIRD).filter((found) => found.idCard !== null);
    for (const student of withIdNumbers.slice(0, LOOKUPS_PER_MINUTE)) {
      const response = await lookup(base, THIRD, { name: student.name, code: student.idCard!.slice(-4) });
      expect(response.status).toBe(200);
      expect(answerOf(await response.text()), student.name).toContain('未找到');
    }
  });

  it('finds a student without an ID number by 学籍号, or by the ID number it holds', async () => {
    const { base } = await serve(closed.dataDir);
    const student = closed.students.find((found) => found.idCard === null)!;
    for (const code of [student.studentNumber, student.studentNumber.slice(1)]) {
      const answer = answerOf(await (await lookup(base, FIFTH, { name: student.name, code })).text());
      expect(answer, code).toContain(`${student.name}：`);
    }
    const byDigits = await lookup(base, FIFTH, { name: student.name, code: student.studentNumber.slice(-4) });
    expect(answerOf(await byDigits.text())).toContain('未找到');
  });

  it('answers the same "not found" whichever half is wrong, and says what is missing', async () => {
    const { base } = await serve(closed.dataDir);
    const [student, other] = studentsOf(closed, THIRD);
    const ask = async (name: string, code: string) => (await lookup(base, THIRD, { name, code })).text();
    const wrongName = await ask(other!.name, student!.idCard!);
    const wrongCode = await ask(student!.name, other!.idCard!);
    const wrongNumber = await ask(other!.name, student!.studentNumber);
    expect(answerOf(wrongName)).toContain('未找到');
    expect(wrongName).toBe(wrongCode);
    expect(wrongNumber).toBe(wrongCode);
    // The school of the student matters too: the right pair at another school finds nothing.
    const otherSchool = await (await lookup(base, FIFTH, { name: student!.name, code: student!.studentNumber })).text();
    expect(answerOf(otherSchool)).toContain('未找到');

    const missing = await lookup(base, THIRD, { name: student!.name });
    expect(missing.status).toBe(400);
    expect(answerOf(await missing.text())).toContain('请填写完整的身份证号（18 位）或学籍号');
    const mistyped = `${student!.idCard!.slice(0, 8)}${student!.idCard![8] === '9' ? '8' : '9'}${student!.idCard!.slice(9)}`;
    const typo = await lookup(base, THIRD, { name: student!.name, code: mistyped });
    expect(typo.status).toBe(400);
    expect(answerOf(await typo.text())).toContain('校验不符');
  });

  it('refuses before the school is published', async () => {
    const { base } = await serve(drawn.dataDir);
    const [student] = studentsOf(drawn, THIRD);
    const response = await lookup(base, THIRD, { name: student!.name, code: student!.studentNumber });
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain('尚未公示');
    expect(html).not.toContain(`${student!.name}：`);
  });

  it(`allows ${LOOKUPS_PER_MINUTE} lookups a minute from one address, then answers 429 in both languages`, async () => {
    const { base } = await serve(closed.dataDir);
    const [student] = studentsOf(closed, THIRD);
    const query = { name: student!.name, code: student!.studentNumber };
    for (let attempt = 0; attempt < LOOKUPS_PER_MINUTE; attempt++) {
      expect((await lookup(base, THIRD, query)).status).toBe(200);
    }
    const limited = await lookup(base, THIRD, query);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    const html = await limited.text();
    expect(html).toContain('查询过于频繁');
    expect(html).toContain('Too many lookups');
    expect(html).not.toContain(`${student!.name}：`);
    // The pages themselves are not limited.
    expect((await fetch(`${base}${resultPagePath(THIRD)}`)).status).toBe(200);
  });
});

describe('what the public can read', () => {
  it('finds no piece of any ID number or 学籍号 in the pages or the answers, short school numbers included', async () => {
    expect(closed.students.some((student) => student.studentNumber.length <= 8)).toBe(true);
    for (const district of [drawn, closed]) {
      const { base } = await serve(district.dataDir);
      const pages = [`${base}/r/`, ...[THIRD, FIFTH].map((school) => `${base}${resultPagePath(school)}`)];
      for (const url of pages) expectNothingPersonal(await (await fetch(url)).text(), district.students);
      // An answer shows the one full name asked for, and nothing of the number typed.
      const [student, other] = studentsOf(district, THIRD);
      for (const code of [student!.idCard!, student!.studentNumber, '0000']) {
        const html = await (await lookup(base, THIRD, { name: student!.name, code })).text();
        expectNothingPersonal(html.replaceAll(student!.name, ''), district.students);
        expect(html).not.toContain(other!.name);
      }
    }
  });

  it('gives a public socket.io client a snapshot with no piece of any ID number or 学籍号', async () => {
    for (const district of [drawn, closed]) {
      const controller = await startController(openCeremony(district.dataDir), 0);
      controllers.push(controller);
      const audience = await connect(controller.port, { role: 'public' });
      const fetched = await audience.socket.emitWithAck('snapshot:get');
      audience.socket.close();
      const text = JSON.stringify([audience.snapshot, fetched]);
      expect(audience.snapshot.schools[0]!.roster!.students.length).toBe(studentsOf(district, THIRD).length);
      expectNothingPersonal(text, district.students);
    }
  });
});
