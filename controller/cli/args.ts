import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { dirname, resolve } from 'node:path';
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

type Options = NonNullable<ParseArgsConfig['options']>;

/** A value that reads as a negative number: after a flag it is that flag's value (to be refused as such). */
const NEGATIVE_NUMBER = /^-[\d.]/;

/**
 * Parses a command's flags strictly, with every mistake said in both languages and naming the flag. Node's own strict
 * parser explains in English only, and takes `--cap -3` for a forgotten value; here `-3` is the value, so the number
 * check can name it.
 */
export function parseCommandArgs<T extends Options>(args: string[], options: T) {
  const { tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  const normalised: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') normalised.push(token.value);
    else if (token.kind === 'option-terminator') normalised.push('--');
    else normalised.push(checkedOption(token, options[token.name]));
  }
  return parseArgs({ args: normalised, options, allowPositionals: true, strict: true });
}

type OptionToken = Extract<NonNullable<ReturnType<typeof parseArgs>['tokens']>[number], { kind: 'option' }>;

/** The option as `--name=value` (or `--name`), once it is known, has the value it needs and none it must not. */
function checkedOption(token: OptionToken, option: Options[string] | undefined): string {
  const flag = token.rawName;
  if (option === undefined) {
    throw new UsageError(`未知选项 ${flag}（加 --help 查看用法）`, `unknown option ${flag} (add --help for the usage)`);
  }
  if (option.type === 'boolean') {
    if (token.value === undefined) return flag;
    throw new UsageError(`${flag} 不带值，收到“${token.value}”`, `${flag} takes no value, got "${token.value}"`);
  }
  const value = token.value;
  // Taken from the next argument, a value starting with "-" is another flag, unless it reads as a negative number.
  if (value === undefined || (!token.inlineValue && value.startsWith('-') && !NEGATIVE_NUMBER.test(value))) {
    throw new UsageError(
      `${flag} 缺少值${value === undefined ? '' : `（其后是 ${value}）`}；值以“-”开头时请写成 ${flag}=值`,
      `${flag} needs a value${value === undefined ? '' : ` (it is followed by ${value})`}; ` +
        `write ${flag}=VALUE for a value starting with "-"`,
    );
  }
  return `${flag}=${value}`;
}

/** No count a flag takes (classes, caps, bands, students, ports) comes near it: a bigger number is a typing mistake. */
const MAX_WHOLE_NUMBER = 65_535;

export function wholeNumber(value: string | undefined, flag: string, minimum: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < minimum || Number(value) > MAX_WHOLE_NUMBER) {
    throw new UsageError(
      `${flag} 应为 ${minimum} 至 ${MAX_WHOLE_NUMBER} 之间的整数，收到“${value}”`,
      `${flag} must be a whole number from ${minimum} to ${MAX_WHOLE_NUMBER}, got "${value}"`,
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

/**
 * `--out`, checked before any work is done, so a long draw or render never ends in a failed write: a `file` needs an
 * existing folder to go in and must not be a folder; a `folder` is made with its missing parents, so the nearest
 * existing one must be a folder. Either way it must be writable. Returns the absolute path.
 */
export function outputPath(path: string, kind: 'file' | 'folder'): string {
  const target = resolve(path);
  const found = existing(target);
  if (found !== undefined) {
    if (kind === 'file' && found.isDirectory()) {
      throw new UsageError(
        `--out ${target} 是一个文件夹，应为结果文件的路径`,
        `--out ${target} is a folder; give the path of the result file`,
      );
    }
    if (kind === 'folder' && !found.isDirectory()) {
      throw new UsageError(
        `--out ${target} 是一个文件，应为输出文件夹`,
        `--out ${target} is a file; give a folder to write into`,
      );
    }
    return writable(target, target);
  }
  let parent = dirname(target);
  let parentFound = existing(parent);
  while (kind === 'folder' && parentFound === undefined && dirname(parent) !== parent) {
    parent = dirname(parent);
    parentFound = existing(parent);
  }
  if (parentFound === undefined) {
    throw new UsageError(
      `--out ${target}：文件夹 ${parent} 不存在，请先建立或换一个路径`,
      `--out ${target}: the folder ${parent} does not exist; create it or choose another path`,
    );
  }
  if (!parentFound.isDirectory()) {
    throw new UsageError(
      `--out ${target}：${parent} 是一个文件，不是文件夹`,
      `--out ${target}: ${parent} is a file, not a folder`,
    );
  }
  return writable(parent, target);
}

/** What is at `path`, or undefined when nothing is (also when a file stands where a folder on the way should be). */
function existing(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

function writable(checked: string, target: string): string {
  try {
    accessSync(checked, constants.W_OK);
  } catch {
    throw new UsageError(
      `--out ${target}：没有写入 ${checked} 的权限`,
      `--out ${target}: no permission to write ${checked}`,
    );
  }
  return target;
}

/** `--help` or `-h` among a command's arguments (before any `--`, after which everything is a file name). */
export function helpAsked(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}
