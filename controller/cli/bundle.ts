import { resolve } from 'node:path';
import { createBundle } from '../../engine/ceremony/bundle.ts';
import { verdictLine, verifyBundle } from '../../engine/ceremony/verify.ts';
import { builtVerifierPage, NO_BUNDLE_BEFORE_CLOSE, readBundle, VERIFIER_PAGE, writeBundle } from '../bundle-files.ts';
import { dataDirectory, outputPath, parseCommandArgs, UsageError } from './args.ts';
import type { Io } from './io.ts';
import { openOrExplain } from './open.ts';

export const EXPORT_BUNDLE_USAGE = 'sunshine export bundle [--data 目录 DIR] --out 目录 DIR';
export const VERIFY_USAGE = 'sunshine verify 验证包目录 BUNDLE_DIR';

/**
 * Writes the verification bundle of a closed ceremony. The stored log is verified and replayed first (as on every
 * start), so a bundle is only ever written from data that rebuilds consistently; exit 3 before the close.
 */
export async function exportBundleCommand(args: string[], io: Io, env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { data: { type: 'string' }, out: { type: 'string' } });
  if (positionals.length !== 0 || values.out === undefined) {
    throw new UsageError(`用法：${EXPORT_BUNDLE_USAGE}`, `usage: ${EXPORT_BUNDLE_USAGE}`);
  }
  const out = outputPath(values.out, 'folder');
  const ceremony = openOrExplain(dataDirectory(values.data, env), io);
  if (ceremony === null) return 4;
  const bundle = createBundle(ceremony.service.state, ceremony.log.chain());
  ceremony.log.close();
  if (bundle === null) {
    io.err(`✗ ${NO_BUNDLE_BEFORE_CLOSE.zh}\n✗ ${NO_BUNDLE_BEFORE_CLOSE.en}`);
    return 3;
  }
  const verifierPage = builtVerifierPage();
  await writeBundle(out, bundle, verifierPage);
  io.out(
    `✓ 验证包已写入 ${out}：${bundle.schools.length} 所学校，${bundle.audit.length} 条审计记录\n` +
      `✓ bundle written to ${out}: ${bundle.schools.length} schools, ${bundle.audit.length} audit entries`,
  );
  if (verifierPage === null) {
    io.err(
      `离线验证页面尚未构建（npm run build），包中没有 ${VERIFIER_PAGE}\n` +
        `the offline verifier page is not built (npm run build): the bundle has no ${VERIFIER_PAGE}`,
    );
  }
  return 0;
}

/** Checks a bundle and prints one line per check and per school; exit 1 on any mismatch, 2 if it cannot be read. */
export async function verifyCommand(args: string[], io: Io): Promise<number> {
  const { positionals } = parseCommandArgs(args, {});
  if (positionals.length !== 1) throw new UsageError(`用法：${VERIFY_USAGE}`, `usage: ${VERIFY_USAGE}`);
  const reading = await readBundle(resolve(positionals[0]!));
  if ('problem' in reading) {
    io.err(`✗ ${reading.problem.zh}\n✗ ${reading.problem.en}`);
    return 2;
  }
  const verification = verifyBundle(reading.input);
  for (const check of [...verification.checks, ...verification.schools]) {
    if (check.ok) io.out(verdictLine(check));
    else io.err(verdictLine(check));
  }
  io.out(
    verification.ok
      ? '✓ 全部一致：每所学校的分班都可由公开数据重现 / all match: every draw is reproduced from public data'
      : '✗ 验证未通过 / verification failed',
  );
  return verification.ok ? 0 : 1;
}
