import { describe, expect, it } from 'vitest';
import { EXPORTERS } from './export.ts';
import { main } from './main.ts';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (text) => (out += `${text}\n`), err: (text) => (err += `${text}\n`) });
  return { code, out, err };
}

const HAN = /\p{Script=Han}/u;

describe('sunshine --help', () => {
  it('describes every export, in Chinese and then in English', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(Object.keys(EXPORTERS).sort()).toEqual(['bundle', 'csv', 'excel', 'media', 'print', 'site']);
    const lines = out.split('\n');
    for (const kind of Object.keys(EXPORTERS)) {
      const at = lines.findIndex((line) => line.startsWith(`  sunshine export ${kind} `));
      expect(at, kind).toBeGreaterThan(0);
      const following = lines.slice(at + 1);
      const own = following.slice(
        0,
        following.findIndex((line) => !line.startsWith('      ')),
      );
      expect(HAN.test(own[0]!), `${kind}: Chinese first`).toBe(true);
      expect(
        own.some((line) => /^[\x20-\x7e]+$/.test(line)),
        `${kind}: then English`,
      ).toBe(true);
    }
  });

  it('answers an unknown export with the list, once, and exit 2', async () => {
    const { code, err } = await run('export', 'pdf');
    expect(code).toBe(2);
    expect(err).toContain('未知的导出类型“pdf”');
    expect(err).toContain('unknown export "pdf"');
    expect(err.split('sunshine export media ').length - 1).toBe(1);
  });
});
