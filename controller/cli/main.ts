import { buildHash } from '../build-hash.ts';
import { ASSIGN_USAGE, assignCommand } from './assign.ts';
import { helpAsked, parseCommandArgs, UsageError } from './args.ts';
import { AUDIT_USAGE, auditCommand } from './audit.ts';
import { VERIFY_USAGE, verifyCommand } from './bundle.ts';
import { EXPORT_USAGE, exportCommand, exporterNamed } from './export.ts';
import { CEREMONY_USAGE, ceremonyCommand } from './ceremony.ts';
import { demoCommand } from './demo.ts';
import { describeCommand, processIo, type Command, type Io } from './io.ts';
import { SERVE_OPTIONS, SERVE_USAGE, serveCommand } from './serve.ts';

/** Every command, in the order `sunshine --help` lists them. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  serve: {
    usage: SERVE_USAGE,
    lines: [
      '启动分班控制器（控制台、大屏、结果页）；--demo 在新数据目录中预置示例区县计划',
      "start the controller (console, display, result pages); --demo preloads the demo district's plan",
    ],
    options: SERVE_OPTIONS,
    run: serveCommand,
  },
  ceremony: {
    usage: CEREMONY_USAGE,
    lines: [
      '无界面完整走一遍仪式（计划→封装→预览→拆封→导入→分班→公示→教师团队→结束），遇拒绝即停；',
      '对同一数据目录再次运行，从上次停下处继续',
      'run the whole ceremony headlessly, step by step, stopping at the first refusal;',
      'run again on the same data directory, it continues where it stopped',
    ],
    run: ceremonyCommand,
  },
  audit: {
    usage: AUDIT_USAGE,
    lines: [
      '校验审计日志哈希链并报告第一处断裂，再重放核对已存结果',
      "check the audit log's hash chain, report the first break, then replay and compare the stored results",
    ],
    run: auditCommand,
  },
  export: { usage: EXPORT_USAGE, lines: [], run: exportCommand },
  verify: {
    usage: VERIFY_USAGE,
    lines: [
      '复核验证包：承诺、审计链，并重算每所学校的分班；不一致则退出码 1',
      "check a bundle: commitment, audit chain, and every school's draw recomputed; exit 1 on any mismatch",
    ],
    run: verifyCommand,
  },
  'build-hash': {
    usage: 'sunshine build-hash',
    lines: ["计算本软件的哈希（与封装证书核对）/ print this software's build hash (to check against the seal)"],
    run: async (args, io) => {
      noArguments(args, 'sunshine build-hash');
      io.out(await buildHash());
      return 0;
    },
  },
  assign: {
    usage: ASSIGN_USAGE,
    lines: [
      '不经仪式，直接为一份名单分班并打印均衡检查（同一名单与种子，任何机器结果相同）',
      "assign one roster's classes without a ceremony and print the balance checks (same roster and seed, same result)",
    ],
    run: assignCommand,
  },
  demo: {
    usage: 'sunshine demo',
    lines: ['在内置示例区县上演示分班 / draw the bundled demo district once'],
    run: (args, io) => {
      noArguments(args, 'sunshine demo');
      return demoCommand(io);
    },
  },
};

const USAGE = `阳光分班 Sunshine Class Draw

用法 usage:
  ${Object.values(COMMANDS).map(describeCommand).join('\n  ')}

数据目录 data directory: --data，或环境变量 SUNSHINE_DATA，默认 ./data；端口 port: --port 或 PORT，默认 8080`;

function noArguments(args: string[], usage: string): void {
  if (parseCommandArgs(args, {}).positionals.length > 0) {
    throw new UsageError(`此命令不带参数。用法：${usage}`, `this command takes no arguments; usage: ${usage}`);
  }
}

/**
 * Runs one `sunshine` command and returns its exit status: 0 done, 1 audit chain broken or a bundle that does not
 * verify, 2 bad input (or a file that cannot be read or written), 3 refused or no assignment possible, 4 the stored
 * ceremony does not replay (tampered or inconsistent data). `sunshine <command> --help` prints that command's usage.
 */
export async function main(argv: string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  try {
    if (command === undefined) throw new UsageError(`未知命令“${name}”\n${USAGE}`, `unknown command "${name}"`);
    if (helpAsked(args)) {
      const described = (name === 'export' ? exporterNamed(args) : undefined) ?? command;
      io.out(
        `用法 usage:\n  ${describeCommand(described)}${described.options === undefined ? '' : `\n\n${described.options}`}`,
      );
      return 0;
    }
    return await command.run(args, io, env);
  } catch (error) {
    const problem = explained(error);
    if (problem === null) throw error;
    io.err(`${problem.zh}\n${problem.en}`);
    return 2;
  }
}

/**
 * A command-line mistake, or a file the system would not read or write (a full disk, a folder in the way): either is
 * said in both languages, without a stack trace. Anything else is a fault of the software and keeps its trace.
 */
function explained(error: unknown): { zh: string; en: string } | null {
  if (error instanceof UsageError) return error;
  if (!(error instanceof Error) || !('syscall' in error) || !('path' in error)) return null;
  const { code, syscall, path } = error as NodeJS.ErrnoException;
  return {
    zh: `无法读写文件 ${path}（${code ?? '?'}，${syscall}）`,
    en: `cannot read or write ${path} (${code ?? '?'}, ${syscall})`,
  };
}
