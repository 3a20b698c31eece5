import { buildHash } from '../build-hash.ts';
import { ASSIGN_USAGE, assignCommand } from './assign.ts';
import { UsageError } from './args.ts';
import { AUDIT_USAGE, auditCommand } from './audit.ts';
import { VERIFY_USAGE, verifyCommand } from './bundle.ts';
import { EXPORT_USAGE, exportCommand } from './export.ts';
import { CEREMONY_USAGE, ceremonyCommand } from './ceremony.ts';
import { demoCommand } from './demo.ts';
import { processIo, type Io } from './io.ts';
import { SERVE_USAGE, serveCommand } from './serve.ts';

const USAGE = `阳光分班 Sunshine Class Draw

用法 usage:
  ${SERVE_USAGE}
      启动分班控制器（控制台、大屏、结果页）；--demo 在新数据目录中预置示例区县计划
      start the controller (console, display, result pages); --demo preloads the demo district's plan
  ${CEREMONY_USAGE}
      无界面完整走一遍仪式（计划→封装→预览→拆封→导入→分班→公示→教师团队→结束），遇拒绝即停
      run the whole ceremony headlessly, step by step, stopping at the first refusal
  ${AUDIT_USAGE}
      校验审计日志哈希链并报告第一处断裂，再重放核对已存结果
      check the audit log's hash chain, report the first break, then replay and compare the stored results
  ${EXPORT_USAGE}
  ${VERIFY_USAGE}
      复核验证包：承诺、审计链，并重算每所学校的分班；不一致则退出码 1
      check a bundle: commitment, audit chain, and every school's draw recomputed; exit 1 on any mismatch
  sunshine build-hash
      计算本软件的哈希（与封装证书核对）/ print this software's build hash (to check against the seal)
  ${ASSIGN_USAGE}
      不经仪式，直接为一份名单分班并打印均衡检查（同一名单与种子，任何机器结果相同）
      assign one roster's classes without a ceremony and print the balance checks (same roster and seed, same result)
  sunshine demo
      在内置示例区县上演示分班 / draw the bundled demo district once

数据目录 data directory: --data，或环境变量 SUNSHINE_DATA，默认 ./data；端口 port: --port 或 PORT，默认 8080`;

/**
 * Runs one `sunshine` command and returns its exit status: 0 done, 1 audit chain broken or a bundle that does not
 * verify, 2 bad input, 3 refused or no assignment possible, 4 the stored ceremony does not replay (tampered or
 * inconsistent data).
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'assign':
        return await assignCommand(args, io);
      case 'demo':
        return await demoCommand(io);
      case 'serve':
        return await serveCommand(args, io);
      case 'ceremony':
        return await ceremonyCommand(args, io);
      case 'audit':
        return auditCommand(args, io);
      case 'export':
        return await exportCommand(args, io);
      case 'verify':
        return await verifyCommand(args, io);
      case 'build-hash':
        io.out(await buildHash());
        return 0;
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
