import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../../../engine/assign/index.ts';
import { readRosterFile, rosterReadOptions } from './index.ts';
import { readWorkbookSheet } from './workbook.ts';

const roster = new TextEncoder().encode('学籍号,姓名,性别,随班就读,留守儿童\nG1,魏怡诗,女,是,\nG2,龙奕,男,,是\n');

describe('rosterReadOptions: a roster read under the sealed rules', () => {
  it('reads the balance columns the rules name, and only those, as yes/no groups', async () => {
    const options = rosterReadOptions({ ...DEFAULT_OPTIONS, balance: ['留守儿童'] });
    const { roster: read, issues } = await readRosterFile('名单.csv', roster, options, readWorkbookSheet);
    expect(read?.flags).toEqual(['留守儿童']);
    expect(read?.students.map((student) => student.flags)).toEqual([[false], [true]]);
    expect(issues.map((issue) => [issue.code, issue.column])).toEqual([['ignored-column', '随班就读 (D)']]);
  });

  it('refuses a roster without a balance column the rules name', async () => {
    const options = rosterReadOptions({ ...DEFAULT_OPTIONS, balance: ['家庭困难'] });
    const { roster: read, issues } = await readRosterFile('名单.csv', roster, options, readWorkbookSheet);
    expect(read).toBeNull();
    expect(issues.filter((issue) => issue.severity === 'error').map((issue) => issue.code)).toEqual([
      'unknown-balance-column',
    ]);
  });

  it('reads no balance column before the seal or when none is sealed', () => {
    expect(rosterReadOptions(null)).toEqual({ flags: [] });
    expect(rosterReadOptions({ ...DEFAULT_OPTIONS })).toEqual({ flags: [] });
  });
});
