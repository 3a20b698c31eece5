import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRosterFile } from '../../controller/contract/roster-file/index.ts';
import { readWorkbookSheet } from '../../controller/contract/roster-file/workbook.ts';
import { parseSeedHex } from '../random.ts';
import { assign, DEFAULT_OPTIONS } from './index.ts';

const demo = (path: string) => new URL(`../../controller/demo-district/${path}`, import.meta.url);
const golden = new URL('./fixtures/golden-上饶市第三中学.csv', import.meta.url);
const SEED = parseSeedHex('5eed'.repeat(16))!;

describe('determinism', () => {
  it('reproduces the committed golden draw of 上饶市第三中学 byte for byte', async () => {
    const { roster } = await readRosterFile(
      '上饶市第三中学.csv',
      readFileSync(demo('junior/上饶市第三中学.csv')),
      {},
      readWorkbookSheet,
    );
    if (roster === null) throw new Error('demo roster must read');
    const outcome = assign(roster, { classes: 12, cap: 50, ...DEFAULT_OPTIONS }, SEED);
    if (!outcome.ok) throw new Error(outcome.error.en);
    const lines = roster.students.map((student, index) => `${student.id},${outcome.classOf[index]}`);
    expect(['id,class', ...lines].join('\n') + '\n').toBe(readFileSync(golden, 'utf8'));
  });
});
