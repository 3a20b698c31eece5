import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sunshine } from './support/sunshine-cli.ts';

const sample = fileURLToPath(new URL('fixtures/信州区第五中学-gbk.csv', import.meta.url));
const utf8Sample = fileURLToPath(new URL('../controller/demo-district/junior/信州区第五中学.csv', import.meta.url));
const seed = 'c0ffee'.repeat(10) + 'c0ff';

describe('npx sunshine assign', () => {
  it('writes id,class,name for every student and prints the checks; same seed, same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sunshine-'));
    const first = await sunshine('assign', sample, '--classes', '10', '--seed', seed, '--out', join(dir, 'a.csv'));
    const second = await sunshine('assign', sample, '--classes', '10', '--seed', seed, '--out', join(dir, 'b.csv'));
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    const written = readFileSync(join(dir, 'a.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(written[0]).toBe('id,class,name');
    expect(written).toHaveLength(469);
    expect(new Set(written.slice(1).map((line) => line.split(',')[1]))).toEqual(
      new Set(Array.from({ length: 10 }, (_, i) => String(i + 1))),
    );
    expect(readFileSync(join(dir, 'b.csv'), 'utf8')).toBe(readFileSync(join(dir, 'a.csv'), 'utf8'));
    expect(first.stdout).toContain(`种子 seed: ${seed}`);
    expect(first.stdout).not.toContain('✗');
  });

  it('prints the metrics as JSON with --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sunshine-'));
    const result = await sunshine(
      'assign',
      sample,
      '--classes',
      '10',
      '--seed',
      seed,
      '--out',
      join(dir, 'a.csv'),
      '--json',
    );
    const parsed = JSON.parse(result.stdout) as { seed: string; report: { checks: { ok: boolean }[] } };
    expect(parsed.seed).toBe(seed);
    expect(parsed.report.checks.every((check) => check.ok)).toBe(true);
  });

  it('spreads score bands and extremes and separates dialect sound-alikes on request, with their tables', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sunshine-'));
    const options = ['--bands', '4', '--rank-by', '数学', '--extremes', '5', '--names', 'dialect', '--seed', seed];
    const json = await sunshine('assign', sample, '--classes', '10', ...options, '--out', join(dir, 'a.csv'), '--json');
    const parsed = JSON.parse(json.stdout) as {
      options: { bands: number; names: string };
      report: {
        distribution: { rankedBy: string; bands: { perClass: number[] }[]; top: { perClass: number[] } };
        checks: { id: string; ok: boolean }[];
      };
    };
    expect(parsed.options).toMatchObject({ bands: 4, names: 'dialect' });
    expect(parsed.report.distribution.rankedBy).toBe('数学');
    expect(parsed.report.distribution.bands).toHaveLength(4);
    expect(Math.max(...parsed.report.distribution.top.perClass)).toBe(1);
    expect(parsed.report.checks.filter((check) => check.id.startsWith('band') || check.id.endsWith('share'))).toEqual([
      expect.objectContaining({ id: 'band-spread', ok: true }),
      expect.objectContaining({ id: 'top-share', ok: true }),
      expect.objectContaining({ id: 'bottom-share', ok: true }),
    ]);
    const text = await sunshine('assign', sample, '--classes', '10', ...options, '--out', join(dir, 'b.csv'));
    expect(text.stdout).toContain('按 数学 排名');
    expect(text.stdout).toContain('第1档');
  });

  it('spreads a yes/no balance column evenly and tabulates it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sunshine-'));
    // The UTF-8 sample with a 留守儿童 column added: every seventh student.
    const lines = readFileSync(utf8Sample, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const withFlag = lines.map((line, index) => `${line},${index === 0 ? '留守儿童' : index % 7 === 0 ? '是' : '否'}`);
    const roster = join(dir, 'flags.csv');
    writeFileSync(roster, withFlag.join('\n'));
    const result = await sunshine(
      'assign',
      roster,
      '--classes',
      '10',
      '--balance',
      '留守儿童',
      '--seed',
      seed,
      '--out',
      join(dir, 'a.csv'),
      '--json',
    );
    const parsed = JSON.parse(result.stdout) as {
      report: {
        distribution: { flags: { label: string; perClass: number[] }[] };
        checks: { id: string; ok: boolean }[];
      };
    };
    const [row] = parsed.report.distribution.flags;
    expect(row?.label).toBe('留守儿童');
    expect(row?.perClass.reduce((a, b) => a + b, 0)).toBe(Math.floor((lines.length - 1) / 7));
    expect(Math.max(...row!.perClass) - Math.min(...row!.perClass)).toBeLessThanOrEqual(1);
    expect(parsed.report.checks.find((check) => check.id === 'flag-spread')?.ok).toBe(true);
  });

  it.each([
    [['assign', sample, '--classes', '10', '--balance', '少数民族', '--out', 'x.csv'], '少数民族'],
    [['assign', sample, '--classes', '10', '--rank-by', '体育', '--out', 'x.csv'], '体育'],
    [['assign', sample, '--classes', '10', '--names', 'loose', '--out', 'x.csv'], '--names'],
    [['assign', sample, '--out', 'x.csv'], '--classes'],
    [['assign', sample, '--classes', 'ten', '--out', 'x.csv'], '--classes'],
    [['assign', sample, '--classes', '10', '--seed', 'abc', '--out', 'x.csv'], '--seed'],
    [['assign', sample, '--classes', '10', '--siblings', 'maybe', '--out', 'x.csv'], '--siblings'],
    [['assign', 'missing.csv', '--classes', '3', '--out', 'x.csv'], 'missing.csv'],
    [['frobnicate'], 'frobnicate'],
  ])('refuses %j with a message naming %s (exit 2)', async (args, named) => {
    const result = await sunshine(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(named);
    expect(result.stderr).toMatch(/[\u4e00-\u9fff]/);
  });

  it('explains an impossible draw (exit 3)', async () => {
    const result = await sunshine('assign', sample, '--classes', '2', '--cap', '50', '--out', join(tmpdir(), 'x.csv'));
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('无法分班');
    expect(result.stderr).toContain('cannot assign');
  });
});
