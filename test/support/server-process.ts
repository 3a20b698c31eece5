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
  /** Everything printed on standard error so far. */
  readonly errors: () => string;
}

/** Starts `sunshine serve` on a free port, or on the one `--port N` among `extra` names (as after a restart). */
export function startServer(dataDir: string, ...extra: string[]): ServerProcess {
  const port = extra.includes('--port') ? [] : ['--port', '0'];
  const child = spawn(process.execPath, [bin, 'serve', '--data', dataDir, ...port, ...extra], { stdio: 'pipe' });
  started.push(child);
  let output = '';
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const listening = new Promise<number | null>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /端口 (\d+)/.exec(output)?.[1];
      if (found !== undefined) resolve(Number(found));
    });
    child.once('exit', () => resolve(null));
  });
  return { child, port: listening, output: () => output, errors: () => errors };
}

/** Resolves once the process has exited (at once if it already has). */
export const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));

/** `kill -9`, as a power cut or the OOM killer would: no handler runs, nothing is flushed. Resolves once it is gone. */
export function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  return exited(child);
}

/** Kills every server a test started and left running. */
export function stopServers(): void {
  for (const child of started.splice(0)) child.kill('SIGKILL');
}
