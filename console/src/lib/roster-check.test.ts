import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../../../engine/assign/index.ts';
import type { SealedRules } from '../../../engine/ceremony/state.ts';
import { toCommand } from '../../../controller/requests.ts';
import { checkRosterFile } from './roster-check.ts';

const SEALED: SealedRules = { ...DEFAULT_OPTIONS, balance: ['随班就读'] };

const ROWS = {
  withoutBalanceColumn: [
    ['学籍号', '姓名', '性别'],
    ['G001', '魏怡诗', '女'],
    ['G002', '张三', '男'],
  ],
  withBadBalanceValue: [
    ['学籍号', '姓名', '性别', '随班就读'],
    ['G001', '魏怡诗', '女', '是'],
    ['G002', '张三', '男', '也许'],
  ],
  withGoodBalanceColumn: [
    ['学籍号', '姓名', '性别', '随班就读'],
    ['G001', '魏怡诗', '女', '是'],
    ['G002', '张三', '男', ''],
  ],
};

function csvFile(rows: readonly (readonly string[])[]): File {
  return new File([rows.map((row) => row.join(',')).join('\r\n')], '信州区第一小学.csv');
}

async function workbookFile(rows: readonly (readonly string[])[]): Promise<File> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('名单').addRows(rows.map((row) => [...row]));
  return new File([await workbook.xlsx.writeBuffer()], '信州区第一小学.xlsx');
}

/** What the controller says to the import of `file` under `rules`: the errors it refuses with, or none. */
async function controllerErrors(file: File, rules: SealedRules): Promise<unknown[]> {
  const translation = await toCommand(
    {
      type: 'school:import',
      school: '信州区第一小学',
      fileName: file.name,
      content: new Uint8Array(await file.arrayBuffer()),
      acceptMismatchReason: null,
    },
    { entropy: (bytes) => new Uint8Array(bytes), buildHash: () => Promise.resolve('unused') },
    rules,
  );
  if ('command' in translation) return [];
  expect(translation.refusal.code).toBe('roster-invalid');
  return translation.refusal.details.map(({ row, column, zh, en }) => ({ row, column, zh, en }));
}

describe('the console pre-check and the controller import judge a roster alike under the sealed rules', () => {
  it.each([
    ['a sealed balance column is missing', ROWS.withoutBalanceColumn, ['unknown-balance-column']],
    ['a sealed balance column holds a value that is not yes or no', ROWS.withBadBalanceValue, ['invalid-flag']],
    ['the sealed balance column is there and sound', ROWS.withGoodBalanceColumn, []],
  ])('when %s', async (_case, rows, codes) => {
    for (const file of [csvFile(rows), await workbookFile(rows)]) {
      const check = await checkRosterFile(file, SEALED);
      const errors = check.issues.filter((issue) => issue.severity === 'error');
      expect(errors.map((issue) => issue.code)).toEqual(codes);
      expect(errors.map(({ row, column, zh, en }) => ({ row, column, zh, en }))).toEqual(
        await controllerErrors(file, SEALED),
      );
      expect(check.figures === null).toBe(codes.length > 0);
    }
  });
});
