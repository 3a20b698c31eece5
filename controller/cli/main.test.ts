import { describe, expect, it } from 'vitest';
import { EXPORTERS } from './export.ts';
import { COMMANDS, main } from './main.ts';

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

describe('sunshine <command> --help', () => {
  const commands = [...Object.keys(COMMANDS), ...Object.keys(EXPORTERS).map((kind) => `export ${kind}`)];
  const asked = commands.flatMap((command) => [`${command} --help`, `${command} -h`]);

  it.each(asked)('sunshine %s answers with its usage (exit 0)', async (line) => {
    const argv = line.split(' ');
    const command = argv.slice(0, -1).join(' ');
    const { code, out, err } = await run(...argv);
    expect(err).toBe('');
    expect(code).toBe(0);
    const [heading, usage, description] = out.split('\n');
    expect(heading).toBe('用法 usage:');
    expect(usage).toMatch(new RegExp(`^  sunshine ${command}( |$)`));
    if (command === 'export') return; // The list of every export, as `sunshine --help` shows it.
    expect(out.split(`sunshine ${argv[0]} `).length, 'only this command').toBeLessThanOrEqual(2);
    expect(HAN.test(description!), 'what it does, in Chinese').toBe(true);
  });

  it('takes --help after -- for a file name', async () => {
    const { code, out } = await run('verify', '--', '--help');
    expect(code).toBe(2);
    expect(out).not.toContain('用法');
  });
});
