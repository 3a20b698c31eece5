/** The operator's downloads over HTTP, on a real controller: passphrase, refusals, and the files themselves. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintingPress } from '../controller/print/press.ts';
import { operatorDownloadPaths as paths, passphraseHeaders } from '../controller/contract/http-routes.ts';
import { operatorDownloads } from '../controller/server/operator-http.ts';
import { openCeremony, WALL_CLOCK } from '../controller/ceremony.ts';
import { OperatorGate } from '../controller/server/operator-gate.ts';
import { startController, type RunningController } from '../controller/wiring.ts';
import { ceremonyOnDisk, EAST, WEST } from './print-ceremony.ts';
import { FIXED_SERVICES, PASSPHRASE } from './support/demo-ceremony.ts';

let controller: RunningController;

beforeAll(async () => {
  controller = await startController(openCeremony(await ceremonyOnDisk('east-published'), FIXED_SERVICES), 0);
});

afterAll(() => controller.close());

const get = (path: string, passphrase: string | null = PASSPHRASE) =>
  fetch(`http://127.0.0.1:${controller.port}${path}`, {
    headers: passphrase === null ? {} : passphraseHeaders(passphrase),
  });

describe('operator downloads', () => {
  it('answers 401 without the passphrase or with a wrong one, in both languages', async () => {
    for (const passphrase of [null, 'not the passphrase']) {
      const response = await get(paths.schoolSpreadsheet(EAST.plan.name, 'xlsx'), passphrase);
      expect(response.status).toBe(401);
      const body = (await response.json()) as { zh: string; en: string };
      expect(body.zh).toContain('操作员口令');
      expect(body.en).toContain('passphrase');
    }
  });

  it('answers 409 for what is not ready yet and 404 for an unknown school', async () => {
    for (const path of [paths.schoolLists(WEST.plan.name), paths.finalReport(), paths.media(WEST.plan.name)]) {
      const response = await get(path);
      expect(response.status, path).toBe(409);
    }
    const notPublished = (await (await get(paths.schoolSpreadsheet(WEST.plan.name, 'csv'))).json()) as { en: string };
    expect(notPublished.en).toContain('not published yet');
    expect((await get(paths.schoolLists('南湖小学'))).status).toBe(404);
  });

  it('serves the seal certificate as a PDF, named in UTF-8', async () => {
    const response = await get(paths.sealCertificate());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="seal-certificate.pdf"; filename*=UTF-8''${encodeURIComponent('封装证书.pdf')}`,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it("serves a published school's lists, its Excel file and the district CSV", async () => {
    const lists = await get(paths.schoolLists(EAST.plan.name));
    expect(lists.status).toBe(200);
    expect(lists.headers.get('content-type')).toBe('application/pdf');

    const excel = await get(paths.schoolSpreadsheet(EAST.plan.name, 'xlsx'));
    expect(excel.status).toBe(200);
    expect(excel.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await excel.arrayBuffer());
    expect(workbook.worksheets[0]!.rowCount).toBe(EAST.roster.students.length + 1);

    const csv = await get(paths.districtSpreadsheet('csv'));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.startsWith('\uFEFF学校,年级,班级')).toBe(true);
  });

  it('serves the media image as a PNG', async () => {
    const response = await get(paths.media(EAST.plan.name));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer()).readUInt32BE(16)).toBe(1080);
  });
});

describe('operator downloads rendering', () => {
  it('renders a document once per state and event, sharing a rendering in progress, retrying after a failure', async () => {
    const ceremony = openCeremony(await ceremonyOnDisk('east-published'), FIXED_SERVICES);
    const printed: string[] = [];
    let failNext = false;
    const press: PrintingPress = {
      print: async (job) => {
        printed.push(job.name);
        await new Promise((resolve) => setTimeout(resolve, 50));
        if (failNext) {
          failNext = false;
          throw new Error('the browser crashed');
        }
        return new TextEncoder().encode(`%PDF-${printed.length}`);
      },
      close: () => Promise.resolve(),
    };
    const server = createServer(
      express().use(operatorDownloads(ceremony, press, new OperatorGate(ceremony, WALL_CLOCK)).router),
    );
    await new Promise<void>((resolve) => server.listen(0, resolve));
    const port = (server.address() as AddressInfo).port;
    const fetchText = async () => {
      const response = await fetch(`http://127.0.0.1:${port}${paths.sealCertificate()}`, {
        headers: passphraseHeaders(PASSPHRASE),
      });
      return `${response.status} ${await response.text()}`;
    };
    try {
      expect(await Promise.all([fetchText(), fetchText()])).toEqual(['200 %PDF-1', '200 %PDF-1']);
      expect(await fetchText()).toBe('200 %PDF-1');
      expect(printed).toEqual(['封装证书']);

      ceremony.presentations.set({
        ...ceremony.presentations.presentation,
        event: { ...ceremony.presentations.presentation.event, notary: '另一位公证员' },
      });
      failNext = true;
      expect(await fetchText()).toBe(
        '500 {"zh":"生成文件失败：the browser crashed","en":"could not make the file: the browser crashed"}',
      );
      expect(await fetchText()).toBe('200 %PDF-3');
      expect(printed).toHaveLength(3);
    } finally {
      server.close();
      ceremony.log.close();
    }
  });
});
