import { afterEach, describe, expect, it } from 'vitest';
import { connect, connectRefused, until } from './support/client.ts';
import { tempDataDir } from './support/demo-ceremony.ts';
import { startServer, stopServers } from './support/server-process.ts';

afterEach(stopServers);

describe('npx sunshine serve --demo', () => {
  it('preloads the demo plan on a fresh data directory and prints where everything is', async () => {
    const server = startServer(tempDataDir(), '--demo');
    const port = await server.port;
    expect(port).not.toBeNull();
    const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as unknown;
    expect(health).toEqual({ status: 'ok', phase: 'planning', revision: 1, schools: 6 });
    await until(() => server.output().includes('结果页'), 'the result pages to be printed');
    const printed = server.output();
    expect(printed).toContain(`http://localhost:${port}/console`);
    expect(printed).toContain(`http://localhost:${port}/display`);
    expect(printed).toContain(`/r/${encodeURIComponent('信州区第一小学')}`);
    // A single-class school has no result page to announce.
    expect(printed).not.toContain('沙溪小学');

    // A console on this machine operates without a code; one on another (127.0.0.2) needs the printed one.
    const code = /设置码 setup code: (\d{4}) (\d{4})/.exec(printed);
    expect(code).not.toBeNull();
    const local = await connect(port!, { role: 'console' });
    expect(local.status).toMatchObject({ operator: true });
    expect(await connectRefused(port!, { role: 'console' }, '127.0.0.2')).toMatchObject({
      code: 'setup-code-required',
    });
    const lan = await connect(port!, { role: 'console', setupCode: `${code![1]}${code![2]}` }, '127.0.0.2');
    expect(lan.status).toMatchObject({ operator: false, operatorPresent: true });
    local.socket.close();
    lan.socket.close();
  });
});
