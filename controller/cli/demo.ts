import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { assign, DEFAULT_OPTIONS } from '../../engine/assign/index.ts';
import { formatIssue, readRosterFile } from '../contract/roster-file/index.ts';
import { readWorkbookSheet } from '../contract/roster-file/workbook.ts';
import type { Io } from './io.ts';

/** The bundled demo district: the plan and rosters of a primary and a junior round, as a bureau would supply them. */
export const DEMO_DISTRICT = fileURLToPath(new URL('../demo-district/', import.meta.url));
export const DEMO_STAGES = ['primary', 'junior'] as const;

/**
 * Until the ceremony controller exists, `npm start` draws every school of the demo district once with a fresh seed
 * and prints each result's balance, so a new machine shows at once that the engine works.
 */
export async function demoCommand(io: Io): Promise<number> {
  for (const stage of DEMO_STAGES) {
    const planText = await readFile(`${DEMO_DISTRICT}${stage}/plan.csv`, 'utf8');
    const plan = Papa.parse<Record<string, string>>(planText.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    }).data;
    for (const row of plan) {
      const school = row['学校']!;
      const classes = Number(row['班级数']);
      const cap = Number(row['班额上限']);
      if (classes < 2) {
        io.out(`${school}：仅 ${classes} 个班，无需分班 / single class, no draw needed`);
        continue;
      }
      const file = `${school}.csv`;
      const read = await readRosterFile(
        file,
        await readFile(`${DEMO_DISTRICT}${stage}/${file}`),
        {},
        readWorkbookSheet,
      );
      if (read.roster === null) {
        for (const issue of read.issues) io.err(`${file} ${formatIssue(issue)}`);
        return 2;
      }
      const started = performance.now();
      const outcome = assign(read.roster, { classes, cap, ...DEFAULT_OPTIONS }, new Uint8Array(randomBytes(32)));
      const milliseconds = (performance.now() - started).toFixed(0);
      if (!outcome.ok) {
        io.err(`${school}：${outcome.error.zh} / ${outcome.error.en}`);
        return 3;
      }
      const failed = outcome.report.checks.filter((check) => !check.ok).map((check) => check.zh);
      const means = outcome.report.subjects.map((s) => `${s.subject} ±${s.meanRange.toFixed(3)}`).join(' ');
      const birth = outcome.report.birthDateMeanRangeDays;
      io.out(
        `${school}：${read.roster.students.length} 人 → ${classes} 班，${milliseconds} ms；` +
          `${failed.length === 0 ? '全部检查通过 ✓ all checks pass' : `未通过 ✗ ${failed.join('、')}`}；` +
          (means || `出生日期极差 birth-date range ${birth?.toFixed(1)} 天 days`),
      );
    }
  }
  return 0;
}
