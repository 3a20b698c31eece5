/** Bad flag values and output paths: a located message, Chinese then English, exit 2, and never a stack trace. */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXPORTERS } from '../controller/cli/export.ts';
import { sunshineHere } from './print-ceremony.ts';
import type { CommandResult } from './support/sunshine-cli.ts';
import { sunshine } from './support/sunshine-cli.ts';

const roster = fileURLToPath(new URL('../controller/demo-district/junior/信州区第五中学.csv', import.meta.url));
const install = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'sunshine-bad-'));
const aFile = join(scratch, 'a-file');
writeFileSync(aFile, '');

const HAN = /\p{Script=Han}/u;

/** Refused as bad input, in both languages, naming `named`, with nothing of the software's insides shown. */
function expectExplained(result: CommandResult, ...named: string[]): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const [first, ...rest] = result.stderr.trim().split('\n');
  expect(first, result.stderr).toMatch(HAN);
  expect(
    rest.some((line) => /[a-z]{3}/.test(line) && !HAN.test(line)),
    `an English line in ${result.stderr}`,
  ).toBe(true);
  for (const text of named) expect(result.stderr).toContain(text);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toContain(install);
  expect(result.stderr).not.toMatch(/node:internal|\.ts:\d+/);
}

const assign = ['assign', roster, '--out', join(scratch, 'x.csv')];
const ceremony = ['ceremony', '--plan', 'plan.csv', '--rosters', scratch];

/** Each numeric flag, the arguments it is given after, and its least value. */
const NUMERIC_FLAGS: [string, string[], number][] = [
  ['--classes', assign, 1],
  ['--cap', [...assign, '--classes', '10'], 1],
  ['--bands', [...assign, '--classes', '10'], 0],
  ['--extremes', [...assign, '--classes', '10'], 0],
  ['--bands', ceremony, 0],
  ['--extremes', ceremony, 0],
  ['--port', ['serve'], 0],
];

const numericCases = NUMERIC_FLAGS.flatMap(([flag, before, minimum]) => [
  ...['-3', '2.5', 'ten', '1e3', '+4', '65536', '99999999999999999999', ...(minimum > 0 ? ['0'] : [])].map(
    (value) => [flag, before, value] as const,
  ),
  [flag, before, ''] as const,
  [flag, before, null] as const,
]);

describe('numeric flags with bad values', () => {
  it.each(numericCases)('%s after %j given %j', async (flag, before, value) => {
    const result = await sunshineHere(...before, ...(value === null ? [flag] : [flag, value]));
    expectExplained(result, flag, ...(value === null ? ['缺少值', 'needs a value'] : [`“${value}”`, `"${value}"`]));
  });

  it.each(['-3', '', 'ten', '1'.repeat(65)])('--contribution given %j', async (value) => {
    expectExplained(await sunshineHere(...ceremony, '--contribution', value), '--contribution', `“${value}”`);
  });

  it.each<[string[], string[]]>([
    [
      [...assign, '--classes', '10', '--json=yes'],
      ['--json', '“yes”'],
    ],
    [[...assign, '--classes', '10', '--frobnicate'], ['--frobnicate']],
    [[...assign, '--cap', '--classes', '10'], ['--cap 缺少值（其后是 --classes）']],
    [[...ceremony, '-x'], ['-x']],
  ])('%j, a flag misused, names %j', async (args, named) => {
    expectExplained(await sunshineHere(...args), ...named);
  });

  it('says so from the real command, in both languages, without a stack trace', async () => {
    const result = await sunshine(...assign, '--classes', '10', '--cap', '-3');
    expectExplained(result, '--cap 应为 1 至 65535 之间的整数，收到“-3”', '--cap must be a whole number');
  });
});

describe('--out where nothing can be written', () => {
  const missingFolder = join(scratch, 'no-such-folder', 'x.csv');
  it.each([
    [missingFolder, `文件夹 ${join(scratch, 'no-such-folder')} 不存在`],
    [scratch, '是一个文件夹'],
    [join(aFile, 'x.csv'), `${aFile} 是一个文件，不是文件夹`],
  ])('assign --out %s is refused before the draw', async (out, said) => {
    expectExplained(await sunshineHere('assign', roster, '--classes', '10', '--out', out), `--out ${out}`, said);
    // Before the roster is even read: a missing roster is not what is reported.
    const unread = await sunshineHere('assign', join(scratch, 'no-roster.csv'), '--classes', '10', '--out', out);
    expectExplained(unread, `--out ${out}`, said);
    expect(unread.stderr).not.toContain('no-roster.csv');
  });

  const exports = Object.keys(EXPORTERS).flatMap((kind) => [
    [kind, aFile, `--out ${aFile} 是一个文件，应为输出文件夹`] as const,
    [kind, join(aFile, 'deeper'), `${aFile} 是一个文件，不是文件夹`] as const,
  ]);
  it.each(exports)('export %s --out %s is refused before the data is read', async (kind, out, said) => {
    // A data directory that holds no ceremony: the output is checked first.
    const data = join(scratch, `no-data-${kind}`);
    expectExplained(await sunshineHere('export', kind, '--data', data, '--out', out), said);
    expect(existsSync(data), 'the data directory was never opened').toBe(false);
  });

  it('says so from the real command before drawing, without a stack trace', async () => {
    const result = await sunshine('assign', roster, '--classes', '10', '--out', missingFolder);
    expectExplained(result, `--out ${missingFolder}`, 'does not exist');
  });
});

describe('a file the system will not read or write', () => {
  const plan = fileURLToPath(new URL('../controller/demo-district/junior/plan.csv', import.meta.url));
  it.each([
    ['ceremony', '--plan', plan, '--rosters', scratch, '--data', aFile],
    ['serve', '--data', aFile],
  ])('%s … --data <a file> is said in both languages', async (...args) => {
    expectExplained(await sunshineHere(...args), `无法读写文件 ${aFile}`, `cannot read or write ${aFile}`);
  });
});
