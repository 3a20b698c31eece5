/**
 * The bad-input corpus pushed through a ceremony, as an operator's console or the headless CLI would: every refused
 * roster case imported into a sealed and unsealed ceremony, every plan case imported before the seal. Each is refused
 * naming the file, with the rows and columns the reader names, in Chinese then English, and leaves the ceremony's
 * state exactly as it was. The formula-like names of the corpus go through a whole ceremony to the platform export.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCeremony } from '../controller/ceremony.ts';
import { DEMO_DISTRICT } from '../controller/cli/demo.ts';
import { readRosterFile } from '../controller/contract/roster-file/index.ts';
import { readWorkbookSheet } from '../controller/contract/roster-file/workbook.ts';
import type { OperatorRequest, ProtocolError } from '../controller/contract/protocol.ts';
import { describeRefusal } from '../controller/describe.ts';
import { districtSchools, platformRows } from '../controller/export/platform-rows.ts';
import { platformCsv, platformWorkbook } from '../controller/export/spreadsheets.ts';
import { PLAN_CASES, ROSTER_CASES } from './support/bad-input-cases.ts';
import { expectClearMessage } from './support/clear-message.ts';
import { FIXED_SERVICES, demoRequests, drawnSchools, tempDataDir } from './support/demo-ceremony.ts';

type Ceremony = ReturnType<typeof openCeremony>;

const requests = await demoRequests('primary');
const [school] = await drawnSchools('primary');

async function ceremonyAfter(count: number): Promise<Ceremony> {
  const ceremony = openCeremony(tempDataDir(), FIXED_SERVICES);
  for (const request of requests.slice(0, count)) {
    const result = await ceremony.service.submit(request, 'test');
    if (!result.ok) throw new Error(`${request.type}: ${result.error.en}`);
  }
  return ceremony;
}

/** The refusal as the CLI prints it, line by line, each detail clear and naming the file. */
function expectClearRefusal(error: ProtocolError, fileName: string): void {
  expect(error.zh).toContain(fileName);
  expect(error.en).toContain(fileName);
  const lines = describeRefusal(error).split('\n');
  expectClearMessage(lines.slice(0, 2).join('\n'), error.zh, error.en);
  expect(error.details.length).toBeGreaterThan(0);
  error.details.forEach((detail, index) => {
    expect(detail.file).toBe(fileName);
    expectClearMessage(lines[2 + index] ?? '', detail.zh, detail.en);
  });
}

describe('bad roster files imported into a sealed ceremony', () => {
  let ceremony: Ceremony;
  beforeAll(async () => {
    // plan, seal, preview, unseal: the imports are next.
    ceremony = await ceremonyAfter(4);
    expect(ceremony.service.state.phase).toBe('unsealed');
  });
  afterAll(() => ceremony.log.close());

  const refused = ROSTER_CASES.filter((rosterCase) => 'refused' in rosterCase && rosterCase.sheet === undefined);

  it('are most of the corpus', () => {
    expect(refused.length).toBeGreaterThanOrEqual(40);
  });

  it.each(refused.map((rosterCase) => [rosterCase.title, rosterCase] as const))(
    'refuse %s, changing nothing',
    async (_title, rosterCase) => {
      const before = ceremony.service.state;
      const content = await rosterCase.bytes();
      const request: OperatorRequest = {
        type: 'school:import',
        school: school!,
        fileName: rosterCase.fileName,
        content,
        acceptMismatchReason: null,
      };
      const result = await ceremony.service.submit(request, 'test');
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('roster-invalid');
      expectClearRefusal(result.error, rosterCase.fileName);
      const read = await readRosterFile(rosterCase.fileName, content, {}, readWorkbookSheet);
      const errors = read.issues.filter((issue) => issue.severity === 'error');
      expect(result.error.details.map(({ row, column }) => ({ row, column }))).toEqual(
        errors.map(({ row, column }) => ({ row, column })),
      );
      expect(ceremony.service.state).toBe(before);
      expect(ceremony.service.state.revision).toBe(before.revision);
    },
  );
});

describe('bad plan files imported before the seal', () => {
  let ceremony: Ceremony;
  beforeAll(async () => {
    ceremony = await ceremonyAfter(0);
  });
  afterAll(() => ceremony.log.close());

  it.each(PLAN_CASES.map((planCase) => [planCase.title, planCase] as const))(
    'refuse %s, saying where and changing nothing',
    async (_title, planCase) => {
      const before = ceremony.service.state;
      const result = await ceremony.service.submit(
        { type: 'plan:import', fileName: planCase.fileName, content: await planCase.bytes() },
        'test',
      );
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('plan-file-invalid');
      expectClearRefusal(result.error, planCase.fileName);
      expect(result.error.details.map(({ row, column }) => ({ row, column }))).toEqual(planCase.problems);
      expect(result.error.details[0]?.zh).toMatch(planCase.zh);
      expect(ceremony.service.state).toBe(before);
      expect(ceremony.service.state.revision).toBe(0);
    },
  );
});

describe('formula-like names from a roster', () => {
  const PAYLOADS = [`=cmd|' /C calc'!A0`, '+1+cmd|calc!A1', '-2+3', '@SUM(1+1)*cmd|calc!A1'];

  it('stay text through a whole ceremony and are neutralised in the platform export', async () => {
    const withPayloads = await Promise.all(
      requests.map(async (request): Promise<OperatorRequest> => {
        if (request.type !== 'school:import' || request.school !== school) return request;
        const [header = '', ...lines] = (await readFile(join(DEMO_DISTRICT, 'primary', request.fileName), 'utf8'))
          .replace(/^\ufeff/, '')
          .split('\r\n');
        const nameColumn = header.split(',').indexOf('姓名');
        const edited = lines.map((line, index) => {
          const payload = PAYLOADS[index];
          if (payload === undefined) return line;
          const cells = line.split(',');
          cells[nameColumn] = `"${payload.replace(/"/g, '""')}"`;
          return cells.join(',');
        });
        return { ...request, content: new TextEncoder().encode([header, ...edited].join('\r\n')) };
      }),
    );
    const ceremony = openCeremony(tempDataDir(), FIXED_SERVICES);
    for (const request of withPayloads) {
      const result = await ceremony.service.submit(request, 'test');
      if (!result.ok) throw new Error(`${request.type}: ${result.error.en}`);
    }
    const imported = ceremony.service.state.schools.find((record) => record.name === school)?.imported;
    expect(imported?.roster.students.map((student) => student.name)).toEqual(expect.arrayContaining(PAYLOADS));

    const schools = districtSchools(ceremony.service.state);
    ceremony.log.close();
    if ('reason' in schools) throw new Error(schools.en);
    const rows = platformRows(schools);
    const csvNames = Papa.parse<string[]>(platformCsv(rows).replace(/^\ufeff/, '')).data.map((cells) => cells[5]);
    for (const payload of PAYLOADS) expect(csvNames).toContain(`'${payload}`);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await platformWorkbook(rows)).slice().buffer);
    const cells = book.worksheets[0]!.getColumn(6).values.filter((value) => value !== undefined && value !== null);
    for (const payload of PAYLOADS) expect(cells).toContain(`'${payload}`);
    // A formula cell in the export would be an object ({ formula }), never a plain string.
    expect(cells.every((value) => typeof value === 'string')).toBe(true);
  });
});
