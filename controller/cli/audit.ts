import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AuditLog } from '../storage/audit-log.ts';
import { DATABASE_FILE } from '../storage/database.ts';
import { dataDirectory, parseCommandArgs, UsageError } from './args.ts';
import type { Io } from './io.ts';
import { explainUntrusted, openOrExplain } from './open.ts';

export const AUDIT_USAGE = 'sunshine audit verify [--data 目录 DIR]';

/**
 * Checks the audit log's hash chain from the first entry, then replays the accepted commands and compares the
 * stored results; exit 1 with the first broken entry, or the schools whose results differ.
 */
export function auditCommand(args: string[], io: Io, env: NodeJS.ProcessEnv = process.env): number {
  const { values, positionals } = parseCommandArgs(args, { data: { type: 'string' } });
  if (positionals.length !== 1 || positionals[0] !== 'verify') {
    throw new UsageError(`用法：${AUDIT_USAGE}`, `usage: ${AUDIT_USAGE}`);
  }
  const dataDir = dataDirectory(values.data, env);
  if (!existsSync(join(dataDir, DATABASE_FILE))) {
    throw new UsageError(`${dataDir} 中没有仪式数据库`, `no ceremony database in ${dataDir}`);
  }
  let log: AuditLog;
  try {
    log = AuditLog.open(dataDir);
  } catch (error) {
    if (!explainUntrusted(error, io)) throw error;
    return 1;
  }
  const broken = log.verify();
  const count = log.entryCount();
  log.close();
  if (broken !== null) {
    io.err(`✗ 审计日志第 ${broken.seq} 条记录：${broken.zh}\n✗ audit log entry ${broken.seq}: ${broken.en}`);
    return 1;
  }
  io.out(`✓ 审计日志完好：${count} 条记录，哈希链连续 / audit log intact: ${count} entries, hash chain unbroken`);
  const ceremony = openOrExplain(dataDir, io);
  if (ceremony === null) return 1;
  ceremony.log.close();
  io.out('✓ 重放全部命令，与已存的分班结果一致 / every command replays to the stored results');
  return 0;
}
