import type { AssignOutcome } from '../../engine/assign/index.ts';
import type { Roster } from '../../engine/roster.ts';

type Success = Extract<AssignOutcome, { ok: true }>;

const format = (value: number | null, digits: number) => (value === null ? '—' : value.toFixed(digits));

/** The metrics summary printed after an assignment: per class figures, then every check, Chinese first. */
export function summarise(roster: Roster, outcome: Success): string {
  const { report } = outcome;
  const header = ['班级 class', '人数 size', '男 boys', '女 girls', ...roster.subjects, '平均出生日期 mean birth'];
  const rows = report.classes.map((summary) => [
    String(summary.classNumber),
    String(summary.size),
    String(summary.boys),
    String(summary.girls),
    ...summary.subjects.map((subject) => format(subject.mean, 2)),
    summary.meanBirthDate ?? '—',
  ]);
  const lines = [table([header, ...rows]), ''];
  for (const subject of report.subjects) {
    lines.push(
      `${subject.subject}：平均分极差 ${subject.meanRange.toFixed(3)}，标准差极差 ${subject.sdRange.toFixed(3)}` +
        ` / ${subject.subject}: range of class means ${subject.meanRange.toFixed(3)}, of class SDs ${subject.sdRange.toFixed(3)}` +
        (subject.missing > 0 ? `（缺 ${subject.missing} / ${subject.missing} missing）` : ''),
    );
  }
  if (report.birthDateMeanRangeDays !== null) {
    const days = report.birthDateMeanRangeDays.toFixed(1);
    lines.push(`平均出生日期极差 ${days} 天 / range of class mean birth dates: ${days} days`);
  }
  lines.push(...distributionTable(report.distribution, report.classes.length));
  lines.push('', '检查 / checks:');
  for (const check of report.checks) {
    lines.push(`${check.ok ? '✓' : '✗'} ${check.zh} / ${check.en}: ${check.value}（上限 limit ${check.limit}）`);
  }
  for (const relaxation of outcome.relaxations) lines.push(`! ${relaxation.zh} / ${relaxation.en}`);
  return lines.join('\n');
}

/** Per class: how many of each score band (第1档 highest), of the top and bottom students, of each balance group. */
function distributionTable(distribution: Success['report']['distribution'], classes: number): string[] {
  const { bands, top, bottom, flags, rankedBy } = distribution;
  const rows = [
    ...bands.map((row) => [`第${row.label}档 band ${row.label}`, ...row.perClass.map(String)]),
    ...(top === null ? [] : [[`前 ${sum(top.perClass)} 名 top`, ...top.perClass.map(String)]]),
    ...(bottom === null ? [] : [[`后 ${sum(bottom.perClass)} 名 bottom`, ...bottom.perClass.map(String)]]),
    ...flags.map((row) => [`${row.label} ${sum(row.perClass)} 人`, ...row.perClass.map(String)]),
  ];
  if (rows.length === 0) return [];
  const by = rankedBy ?? '总分 total';
  const header = [`按 ${by} 排名 / ranked by`, ...Array.from({ length: classes }, (_, c) => `${c + 1}班`)];
  return ['', table([header, ...rows])];
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Columns padded by display width: CJK characters take two cells in a terminal. */
function table(rows: readonly (readonly string[])[]): string {
  const width = (text: string) => [...text].reduce((sum, char) => sum + (/[\u2E80-\uFFEF]/.test(char) ? 2 : 1), 0);
  const columns = rows[0]!.length;
  const widths = Array.from({ length: columns }, (_, c) => Math.max(...rows.map((row) => width(row[c] ?? ''))));
  return rows
    .map((row) =>
      row
        .map((cell, c) => cell + ' '.repeat(widths[c]! - width(cell)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
