/** `sunshine serve --host` / `SUNSHINE_HOST`: which network interfaces the controller answers on, said when it starts. */
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { until } from './support/client.ts';
import { tempDataDir } from './support/demo-ceremony.ts';
import { startServer, stopServers } from './support/server-process.ts';
import { sunshine } from './support/sunshine-cli.ts';

afterEach(stopServers);

/** This machine's addresses that other machines could reach. */
const lanAddresses = () =>
  Object.values(networkInterfaces())
    .flat()
    .filter((address) => address !== undefined && !address.internal)
    .map((address) => address!.address);

async function started(...args: string[]): Promise<{ port: number; printed: string }> {
  const server = startServer(tempDataDir(), ...args);
  const port = await server.port;
  expect(port, server.output()).not.toBeNull();
  await until(() => server.output().includes('结果页'), 'the addresses to be printed');
  return { port: port!, printed: server.output() };
}

describe('sunshine serve', () => {
  it('by default answers on every interface, and says so', async () => {
    const { port, printed } = await started();
    expect(printed).toContain('所有网络接口');
    expect(printed).toContain('every network interface');
    expect(printed).toContain(`http://localhost:${port}/console`);
    for (const address of lanAddresses().filter((found) => !found.includes(':'))) {
      expect(printed).toContain(`http://${address}:${port}/display`);
    }
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });

  it('with --host 127.0.0.1 answers on this machine only, and prints no other address', async () => {
    const { port, printed } = await started('--host', '127.0.0.1');
    expect(printed).toContain('仅本机');
    expect(printed).toContain('this machine only');
    expect(printed).toContain(`http://127.0.0.1:${port}/console`);
    expect(printed).not.toContain('所有网络接口');
    for (const address of lanAddresses()) expect(printed).not.toContain(address);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    for (const address of lanAddresses().filter((found) => !found.includes(':'))) {
      await expect(fetch(`http://${address}:${port}/healthz`)).rejects.toThrow();
    }
  });

  it('takes SUNSHINE_HOST when there is no --host', async () => {
    process.env['SUNSHINE_HOST'] = '127.0.0.1';
    try {
      const { port, printed } = await started();
      expect(printed).toContain('仅本机');
      expect(printed).toContain(`http://127.0.0.1:${port}/console`);
    } finally {
      delete process.env['SUNSHINE_HOST'];
    }
  });

  it('on an address this machine does not have, says why it cannot start, without a stack trace', async () => {
    // 203.0.113.0/24 is set aside for documentation: no machine has it.
    const result = await sunshine('serve', '--data', tempDataDir(), '--port', '0', '--host', '203.0.113.7');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('无法在 203.0.113.7');
    expect(result.stderr).toContain('cannot listen on 203.0.113.7');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('--help says what the default exposes and how to restrict it', async () => {
    const result = await sunshine('serve', '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--host');
    expect(result.stdout).toContain('SUNSHINE_HOST');
    expect(result.stdout).toContain('所有网络接口');
    expect(result.stdout).toContain('127.0.0.1');
  });
});
