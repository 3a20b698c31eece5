/** Runs the real `sunshine` command (bin/sunshine.js) as a user would, for end-to-end tests of the CLI. */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { DEMO_DISTRICT } from '../../controller/cli/demo.ts';

const execute = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/sunshine.js', import.meta.url));

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function sunshine(...args: string[]): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await execute(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as CommandResult;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The command as a running process, for tests that kill it part-way. */
export function startSunshine(...args: string[]): ChildProcess {
  return spawn(process.execPath, [bin, ...args], { stdio: 'pipe' });
}

const junior = join(DEMO_DISTRICT, 'junior');

/** The headless ceremony over the demo district's junior schools, in `data`. */
export const juniorCeremony = (data: string, ...extra: string[]): Promise<CommandResult> =>
  sunshine(...juniorCeremonyArgs(data, ...extra));

export const juniorCeremonyArgs = (data: string, ...extra: string[]): string[] => [
  'ceremony',
  '--plan',
  join(junior, 'plan.csv'),
  '--rosters',
  junior,
  '--data',
  data,
  ...extra,
];
