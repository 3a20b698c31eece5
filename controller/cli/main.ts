import { ASSIGN_USAGE, assignCommand } from './assign.ts';
import { UsageError } from './args.ts';
import { demoCommand } from './demo.ts';
import { processIo, type Io } from './io.ts';

const USAGE = `阳光分班 Sunshine Class Draw

用法 usage:
  ${ASSIGN_USAGE}
  sunshine demo        在内置示例区县上演示分班 / draw the bundled demo district once`;

/** Runs one `sunshine` command and returns its exit status: 0 done, 2 bad input, 3 no assignment possible. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'assign':
        return await assignCommand(args, io);
      case 'demo':
        return await demoCommand(io);
      case undefined:
      case 'help':
      case '--help':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`未知命令“${command}”\n${USAGE}`, `unknown command "${command}"`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${error.zh}\n${error.en}`);
    return 2;
  }
}
