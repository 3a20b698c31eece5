/**
 * `sunshine export print | media | excel | csv`: the publication files, made from the stored ceremony. Each refuses
 * (exit 3) what is not available yet — a school before its publication, the final report before the close — and
 * names what it skipped. PDFs and PNGs need a Chromium, Chrome or Edge on this machine; without one the HTML is
 * written instead, to print from any browser, and the command says how to install one (exit 3).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CeremonyState } from '../../engine/ceremony/state.ts';
import { districtSchools, platformRows, type PlatformRow } from '../export/platform-rows.ts';
import { platformCsv, platformWorkbook } from '../export/spreadsheets.ts';
import { findChromium } from '../print/chromium.ts';
import { ceremonyContext, type DocumentContext } from '../print/context.ts';
import { fileSafe, finishedCopies, printJob, render, type PrintJob, type PrintRequest } from '../print/documents.ts';
import { Printer } from '../print/printer.ts';
import { publishedSchool, type PublishedSchool, type Unavailable } from '../print/published.ts';
import { siteBase } from '../contract/public-links.ts';
import { dataDirectory, outputPath, parseCommandArgs, publicUrlFlag, UsageError } from './args.ts';
import type { Io } from './io.ts';
import { openOrExplain } from './open.ts';

const DATA_OUT = '[--data 目录 DIR] --out 目录 DIR [--school 学校 NAME]';
export const EXPORT_PRINT_USAGE = `sunshine export print ${DATA_OUT} [--public-url URL]`;
export const EXPORT_MEDIA_USAGE = `sunshine export media ${DATA_OUT} --public-url URL`;
export const EXPORT_EXCEL_USAGE = `sunshine export excel ${DATA_OUT}`;
export const EXPORT_CSV_USAGE = `sunshine export csv ${DATA_OUT}`;

const OPTIONS = {
  data: { type: 'string' },
  out: { type: 'string' },
  school: { type: 'string' },
  'public-url': { type: 'string' },
} as const;

interface Opened {
  readonly state: CeremonyState;
  readonly context: DocumentContext;
  readonly out: string;
  readonly school: string | undefined;
  readonly publicUrl: string | null;
}

/** Parses the common options and reads the ceremony (then closes its log: exports only read). */
function open(args: string[], usage: string, io: Io, env: NodeJS.ProcessEnv): Opened | null {
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  if (positionals.length !== 0 || values.out === undefined) {
    throw new UsageError(`用法：${usage}`, `usage: ${usage}`);
  }
  const givenUrl = publicUrlFlag(values['public-url']);
  const publicUrl = givenUrl === undefined ? null : siteBase(givenUrl);
  const out = outputPath(values.out, 'folder');
  const ceremony = openOrExplain(dataDirectory(values.data, env), io);
  if (ceremony === null) return null;
  try {
    const { state } = ceremony.service;
    return { state, context: ceremonyContext(ceremony), out, school: values.school, publicUrl };
  } finally {
    ceremony.log.close();
  }
}

/** A refusal the user asked for by name: an unknown school is a command-line mistake (2), an early one exit 3. */
function refuse(unavailable: Unavailable, io: Io): number {
  if (unavailable.reason === 'unknown') throw new UsageError(unavailable.zh, unavailable.en);
  io.err(`✗ ${unavailable.zh}\n✗ ${unavailable.en}`);
  return 3;
}

/** The seal certificate, each published school's lists (four copies each) and the final report, as far as ready. */
export async function exportPrintCommand(args: string[], io: Io, env: NodeJS.ProcessEnv): Promise<number> {
  const opened = open(args, EXPORT_PRINT_USAGE, io, env);
  if (opened === null) return 4;
  const { state, school, publicUrl } = opened;
  const requests: PrintRequest[] =
    school !== undefined
      ? [{ kind: 'school-lists', school }]
      : [
          { kind: 'seal-certificate' },
          ...state.schools
            .filter((record) => record.status !== 'skipped')
            .map((record): PrintRequest => ({ kind: 'school-lists', school: record.name })),
          { kind: 'final-report', publicUrl },
        ];
  return printJobs(opened, requests, io, env);
}

/** One PNG per published school for WeChat and the press; the QR code needs an address phones can open. */
export async function exportMediaCommand(args: string[], io: Io, env: NodeJS.ProcessEnv): Promise<number> {
  const opened = open(args, EXPORT_MEDIA_USAGE, io, env);
  if (opened === null) return 4;
  const { state, school, publicUrl } = opened;
  if (publicUrl === null) {
    throw new UsageError(
      `缺少 --public-url：图片上的二维码要指向手机能打开的结果页（如静态导出所在的公开网站）\n用法：${EXPORT_MEDIA_USAGE}`,
      `--public-url is missing: the image's QR code must open a result page phones can reach (e.g. the public site ` +
        `serving the static export)\nusage: ${EXPORT_MEDIA_USAGE}`,
    );
  }
  const names =
    school !== undefined
      ? [school]
      : state.schools.filter((record) => record.status !== 'skipped').map((record) => record.name);
  return printJobs(
    opened,
    names.map((name) => ({ kind: 'media', school: name, publicUrl })),
    io,
    env,
  );
}

/** Renders every available job with one browser; skipped ones are listed, and none at all is a refusal. */
async function printJobs(
  opened: Opened,
  requests: readonly PrintRequest[],
  io: Io,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const jobs: PrintJob[] = [];
  for (const request of requests) {
    const job = printJob(opened.state, opened.context, request);
    if (!('reason' in job)) jobs.push(job);
    else if (opened.school !== undefined) return refuse(job, io);
    else io.out(`– 跳过 skipped: ${job.zh} / ${job.en}`);
  }
  if (jobs.length === 0) {
    io.err('✗ 现在没有可以生成的文件 / there is nothing to make yet');
    return 3;
  }
  await mkdir(opened.out, { recursive: true });
  const chromium = findChromium(env);
  if (!chromium.found) {
    for (const job of jobs) {
      const copies = await finishedCopies(job);
      for (const [index, html] of copies.entries()) {
        const name = copies.length === 1 ? job.name : `${job.name}-第${index + 1}份`;
        await writeFile(join(opened.out, `${name}.html`), html);
      }
    }
    io.err(
      `✗ ${chromium.zh}\n✗ ${chromium.en}\n` +
        `已改为写出 HTML 文件（${opened.out}），可用任何浏览器打开后打印 / ` +
        `wrote the HTML files instead (${opened.out}): open them in any browser and print`,
    );
    return 3;
  }
  const printer = await Printer.launch(chromium.path);
  try {
    for (const job of jobs) {
      const file = join(opened.out, `${job.name}.${job.format}`);
      await writeFile(file, await render(printer, job));
      io.out(`✓ ${file}`);
    }
  } finally {
    await printer.close();
  }
  return 0;
}

export async function exportExcelCommand(args: string[], io: Io, env: NodeJS.ProcessEnv): Promise<number> {
  return exportSpreadsheets(args, EXPORT_EXCEL_USAGE, 'xlsx', platformWorkbook, io, env);
}

export async function exportCsvCommand(args: string[], io: Io, env: NodeJS.ProcessEnv): Promise<number> {
  return exportSpreadsheets(args, EXPORT_CSV_USAGE, 'csv', platformCsv, io, env);
}

/** The district file (every published school) and one file per published school; or one school's with --school. */
async function exportSpreadsheets(
  args: string[],
  usage: string,
  extension: string,
  write: (rows: PlatformRow[]) => Promise<Uint8Array> | string,
  io: Io,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const opened = open(args, usage, io, env);
  if (opened === null) return 4;
  const { state, school, out } = opened;
  let files: { name: string; schools: PublishedSchool[] }[];
  if (school !== undefined) {
    const published = publishedSchool(state, school);
    if ('reason' in published) return refuse(published, io);
    files = [{ name: fileSafe(school), schools: [published] }];
  } else {
    const schools = districtSchools(state);
    if ('reason' in schools) return refuse(schools, io);
    files = [{ name: '全区', schools }, ...schools.map((one) => ({ name: fileSafe(one.plan.name), schools: [one] }))];
    const skipped = state.schools.filter((record) => record.status === 'skipped').length;
    const waiting = state.schools.length - schools.length - skipped;
    if (waiting > 0) io.out(`– ${waiting} 所学校尚未公示，未导出 / ${waiting} schools not published yet, not exported`);
  }
  await mkdir(out, { recursive: true });
  for (const file of files) {
    const path = join(out, `${file.name}-分班名单.${extension}`);
    await writeFile(path, await write(platformRows(file.schools)));
    io.out(`✓ ${path}`);
  }
  return 0;
}
