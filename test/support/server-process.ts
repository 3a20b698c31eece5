/** The real controller as its own process (`sunshine serve`), for tests that kill it or read what it prints. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/sunshine.js', import.meta.url));
const started: ChildProcess[] = [];

export interface ServerProcess {
  readonly child: ChildProcess;
  /** Resolves with the port once the controller listens, or with null if it exits first. */
  readonly port: Promise<number | null>;
  /** Everything printed on standard output so far. */
  readonly output: () => string;
}

export function startServer(dataDir: string, ...extra: string[]): ServerProcess {
  const child = spawn(process.execPath, [bin, 'serve', '--data', dataDir, '--port', '0', ...extra], { stdio: 'pipe' });
  started.push(child);
  let output = '';
  const port = new Promise<number | null>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /端口 (\d+)/.exec(output)?.[1];
      if (found !== undefined) resolve(Number(found));
    });
    child.once('exit', () => resolve(null));
  });
  return { child, port, output: () => output };
}

/** Kills every server a test started and left running. */
export function stopServers(): void {
  for (const child of started.splice(0)) child.kill('SIGKILL');
}
