import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolve } from 'node:path';
import { PublicUrlSchema } from '../contract/presentation.ts';

/** A command-line mistake, said in Chinese and English; the command exits with status 2 and changes nothing. */
export class UsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'UsageError';
  }
}

export function parseCommandArgs<T extends ParseArgsConfig['options']>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new UsageError(`命令行参数有误：${detail}`, `bad command-line arguments: ${detail}`);
  }
}

export function wholeNumber(value: string | undefined, flag: string, minimum: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < minimum) {
    throw new UsageError(
      `${flag} 应为不小于 ${minimum} 的整数，收到“${value}”`,
      `${flag} must be a whole number of at least ${minimum}, got "${value}"`,
    );
  }
  return Number(value);
}

export function oneOf<T extends string>(value: string | undefined, flag: string, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(
      `${flag} 只能是 ${choices.join(' / ')}，收到“${value}”`,
      `${flag} must be one of ${choices.join(', ')}, got "${value}"`,
    );
  }
  return value as T;
}

/** `--public-url`: where phones reach the result pages (the hall's LAN address or a public site). */
export function publicUrlFlag(value: string | undefined): string | undefined {
  if (value === undefined || PublicUrlSchema.safeParse(value).success) return value;
  throw new UsageError(
    `--public-url 应为 http:// 或 https:// 开头的网址，收到“${value}”`,
    `--public-url must be an http:// or https:// address, got "${value}"`,
  );
}

/** The data directory: `--data`, else `SUNSHINE_DATA`, else `./data`. */
export function dataDirectory(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return resolve(flag ?? env['SUNSHINE_DATA'] ?? 'data');
}
