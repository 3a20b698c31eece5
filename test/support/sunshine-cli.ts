/** Runs the real `sunshine` command (bin/sunshine.js) as a user would, for end-to-end tests of the CLI. */
import { execFile } from 'node:child_process';
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

const junior = join(DEMO_DISTRICT, 'junior');

/** The headless ceremony over the demo district's junior schools, in `data`. */
export const juniorCeremony = (data: string, ...extra: string[]): Promise<CommandResult> =>
  sunshine('ceremony', '--plan', join(junior, 'plan.csv'), '--rosters', junior, '--data', data, ...extra);
