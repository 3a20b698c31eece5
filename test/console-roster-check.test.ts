/**
 * The console's roster pre-check, in Chromium against a real controller, reads a file as the controller's import
 * will: under the sealed rules (here a balance column), and a workbook with the Excel reader it fetches only then. A
 * file the pre-check refuses is never sent, so no refusal reaches the audit log.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../engine/assign/index.ts';
import type { OperatorRequest } from '../controller/contract/protocol.ts';
import { demoRequests, drawnSchools, PASSPHRASE } from './support/demo-ceremony.ts';
import { closeBrowser, ConsoleRig, launchBrowser, openConsole, pageErrors, PRIMARY_DIR } from './console-harness.ts';

const BALANCE = '随班就读';
const AFTER_UNSEAL = 4;

let context: BrowserContext;
let requests: OperatorRequest[];
let school: string;

beforeAll(async () => {
  context = await launchBrowser();
  requests = (await demoRequests('primary')).map((request) =>
    request.type === 'ceremony:seal' ? { ...request, rules: { ...DEFAULT_OPTIONS, balance: [BALANCE] } } : request,
  );
  [school = ''] = await drawnSchools('primary');
});

afterAll(async () => {
  await closeBrowser(context);
  expect(pageErrors).toEqual([]);
});

/** The school's demo roster as an .xlsx, with a balance column (`是` on every third row) when asked for. */
async function workbookOf(withBalance: boolean): Promise<string> {
  const text = readFileSync(join(PRIMARY_DIR, `${school}.csv`), 'utf8').replace(/^\uFEFF/, '');
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const workbook = new ExcelJS.Workbook();
  workbook
    .addWorksheet('名单')
    .addRows(
      withBalance ? rows.map((row, index) => [...row, index === 0 ? BALANCE : index % 3 === 0 ? '是' : '']) : rows,
    );
  const path = join(mkdtempSync(join('.tmp', 'console-files-')), `${school}.xlsx`);
  writeFileSync(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
  return path;
}

function workbookChunkRequests(page: Page): string[] {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (/\/assets\/workbook-[^/]*\.js$/.test(request.url())) fetched.push(request.url());
  });
  return fetched;
}

it('refuses a roster without the sealed balance column before sending it, and imports it once the column is in', async () => {
  const rig = await ConsoleRig.start();
  try {
    await rig.submit(...requests.slice(0, AFTER_UNSEAL));
    const entries = rig.controller.log.entryCount();
    const page = await openConsole(context, rig.url);
    const fetched = workbookChunkRequests(page);
    await page.getByLabel('操作口令').fill(PASSPHRASE);
    await page.getByRole('button', { name: '连接' }).click();
    await page.getByRole('button', { name: new RegExp(`^${school}`) }).click();
    const picker = page.getByLabel(`选择${school}的名单文件`);
    const missingColumn = `指定的平衡列“${BALANCE}”不存在`;

    await picker.setInputFiles(join(PRIMARY_DIR, `${school}.csv`));
    await page.getByText('有 1 处错误，不能导入').waitFor();
    expect(await page.locator('table.problems').textContent()).toContain(missingColumn);
    expect(fetched).toEqual([]);

    await picker.setInputFiles(await workbookOf(false));
    await page.getByText(/xlsx 有 1 处错误，不能导入/).waitFor();
    expect(await page.locator('table.problems').textContent()).toContain(missingColumn);
    expect(fetched).toHaveLength(1);
    expect(await page.getByLabel(/请输入学校名称以确认/).count()).toBe(0);
    expect(rig.controller.log.entryCount()).toBe(entries);

    await picker.setInputFiles(await workbookOf(true));
    await page.getByText(/xlsx：读取 \d+ 名学生，无错误/).waitFor();
    await page.getByLabel(`请输入学校名称以确认：${school}`).fill(school);
    await page.getByRole('button', { name: '导入名单', exact: true }).click();
    await expect
      .poll(() => rig.controller.service.state.schools.find((found) => found.name === school)?.imported?.roster.flags)
      .toEqual([BALANCE]);
    expect(rig.controller.log.entryCount()).toBe(entries + 1);
  } finally {
    await rig.close();
  }
});
