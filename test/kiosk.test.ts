import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const kiosk = (path: string) => fileURLToPath(new URL(`../kiosk-config/${path}`, import.meta.url));
const flags = readFileSync(kiosk('browser-flags.txt'), 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'));

describe('kiosk launchers', () => {
  it('open the display full screen and offline, from the shared switches, in a profile of its own', async () => {
    const { stdout } = await run('bash', [
      kiosk('linux/sunshine-kiosk.sh'),
      'display',
      '--url',
      'http://10.0.0.5:8080',
      '--screen',
      '1920,0',
      '--print',
    ]);
    for (const flag of flags) expect(stdout).toContain(flag);
    expect(stdout).toContain('--app=http://10.0.0.5:8080/display');
    expect(stdout).toContain('--window-position=1920,0');
    expect(stdout).toMatch(/--user-data-dir=\S*sunshine-kiosk\/display/);
    expect(flags).toEqual(
      expect.arrayContaining(['--kiosk', '--disable-background-networking', '--disable-component-update']),
    );
  });

  it('refuses an unknown role with a usage line (exit 2)', async () => {
    const failure = await run('bash', [kiosk('linux/sunshine-kiosk.sh'), 'projector']).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining('usage') as unknown });
  });

  it('gives the Windows launcher the same switches file and both roles', () => {
    const script = readFileSync(kiosk('windows/sunshine-kiosk.ps1'), 'utf8');
    expect(script).toContain("'..\\browser-flags.txt'");
    expect(script).toContain("ValidateSet('display', 'console')");
    expect(readFileSync(kiosk('windows/sunshine-kiosk.cmd'), 'utf8')).toContain('sunshine-kiosk.ps1');
  });
});
