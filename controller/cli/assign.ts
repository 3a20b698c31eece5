import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import Papa from 'papaparse';
import { assign, type AssignOptions } from '../../engine/assign/index.ts';
import { parseSeedHex, seedToHex, type Seed } from '../../engine/random.ts';
import type { Roster } from '../../engine/roster.ts';
import { formatIssue, readRosterFile } from '../contract/roster-file/index.ts';
import { readWorkbookSheet } from '../contract/roster-file/workbook.ts';
import { neutraliseFormula } from '../spreadsheet-safety.ts';
import { outputPath, parseCommandArgs, UsageError, wholeNumber } from './args.ts';
import type { Io } from './io.ts';
import { columnNames, RULE_FLAGS, RULES_USAGE, rulesFrom } from './rules.ts';
import { summarise } from './summary.ts';

export const ASSIGN_USAGE = `sunshine assign <名单 roster.csv|.xlsx> --classes K [--cap N] [--seed HEX64]
    [--sheet 工作表] [--scores 语文,数学] --out 结果 result.csv [--json]
    ${RULES_USAGE}`;

/** Default cap when none is given: the junior-school limit, the larger of the two standard caps. */
const DEFAULT_CAP = 50;

export async function assignCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    classes: { type: 'string' },
    cap: { type: 'string' },
    seed: { type: 'string' },
    ...RULE_FLAGS,
    sheet: { type: 'string' },
    scores: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  });
  const [rosterPath, ...extra] = positionals;
  if (rosterPath === undefined || extra.length > 0) {
    throw new UsageError(`需要且只需要一个名单文件\n${ASSIGN_USAGE}`, `give exactly one roster file\n${ASSIGN_USAGE}`);
  }
  const classes = wholeNumber(values.classes, '--classes', 1);
  if (classes === undefined) throw new UsageError('缺少 --classes（班级数）', 'missing --classes (number of classes)');
  if (values.out === undefined) throw new UsageError('缺少 --out（结果文件）', 'missing --out (result file)');
  const out = outputPath(values.out, 'file');
  const options: AssignOptions = {
    classes,
    cap: wholeNumber(values.cap, '--cap', 1) ?? DEFAULT_CAP,
    ...rulesFrom(values),
  };
  const seed = readSeed(values.seed);

  const roster = await readRoster(rosterPath, values.sheet, values.scores, options.balance, io);
  if (roster === null) return 2;
  if (options.rankBy !== null && !roster.subjects.includes(options.rankBy)) {
    throw new UsageError(
      `--rank-by：名单中没有科目“${options.rankBy}”（有：${roster.subjects.join('、')}）`,
      `--rank-by: the roster has no subject "${options.rankBy}" (it has: ${roster.subjects.join(', ')})`,
    );
  }

  const outcome = assign(roster, options, seed);
  if (!outcome.ok) {
    io.err(`无法分班：${outcome.error.zh}\ncannot assign: ${outcome.error.en}`);
    return 3;
  }
  const rows = roster.students.map((student, index) => [
    neutraliseFormula(student.id),
    String(outcome.classOf[index]),
    neutraliseFormula(student.name),
  ]);
  // The BOM lets Excel, which most schools open results with, recognise UTF-8 Chinese.
  await writeFile(out, '\uFEFF' + Papa.unparse([['id', 'class', 'name'], ...rows]) + '\r\n');

  if (values.json) {
    io.out(JSON.stringify({ seed: seedToHex(seed), options, ...outcome }, null, 2));
  } else {
    io.out(
      `${basename(rosterPath)}：${roster.students.length} 名学生分入 ${classes} 个班 / ${roster.students.length} students in ${classes} classes`,
    );
    io.out(`种子 seed: ${seedToHex(seed)}`);
    io.out(`结果 result: ${out}\n`);
    io.out(summarise(roster, outcome));
  }
  return 0;
}

function readSeed(hex: string | undefined): Seed {
  if (hex === undefined) return new Uint8Array(randomBytes(32));
  const seed = parseSeedHex(hex);
  if (seed === null) {
    throw new UsageError('--seed 应为 64 位十六进制数（256 位）', '--seed must be 64 hexadecimal digits (256 bits)');
  }
  return seed;
}

async function readRoster(
  path: string,
  sheet: string | undefined,
  scores: string | undefined,
  flags: readonly string[],
  io: Io,
): Promise<Roster | null> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.err(`无法读取名单文件 ${path}：${reason}\ncannot read roster file ${path}: ${reason}`);
    return null;
  }
  const result = await readRosterFile(
    basename(path),
    bytes,
    {
      ...(sheet === undefined ? {} : { sheet }),
      ...(scores === undefined ? {} : { scores: columnNames(scores) }),
      flags,
    },
    readWorkbookSheet,
  );
  for (const issue of result.issues) io.err(`${basename(path)} ${formatIssue(issue)}`);
  return result.roster;
}
