/**
 * `npm run bench`: wall time (median of several runs), peak memory and balance of the engine on generated rosters.
 * Speed targets live here, never in timed unit tests.
 */
import { assign, DEFAULT_OPTIONS, type AssignOutcome } from '../engine/assign/index.ts';
import type { Roster } from '../engine/roster.ts';
import { syntheticRoster } from '../test/support/synthetic-roster.ts';

interface Case {
  readonly name: string;
  /** One roster per school, with its class count. */
  readonly schools: readonly { roster: Roster; classes: number }[];
  readonly targetMs: number;
  readonly runs: number;
}

function school(students: number, classes: number, label: string) {
  return { roster: syntheticRoster({ students, withScores: true, label }), classes };
}

const cases: Case[] = [
  { name: '480 students / 12 classes', schools: [school(480, 12, 'a')], targetMs: 50, runs: 7 },
  { name: '2,000 students / 40 classes', schools: [school(2000, 40, 'b')], targetMs: 500, runs: 5 },
  {
    name: 'district: 20,000 students in 40 schools',
    schools: Array.from({ length: 40 }, (_, i) => school(500, 11, `district-${i}`)),
    targetMs: 5000,
    runs: 3,
  },
  { name: '41,434 students / 1,190 classes', schools: [school(41_434, 1190, 'city')], targetMs: 20_000, runs: 1 },
];

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

const worst = (outcomes: AssignOutcome[], pick: (o: Extract<AssignOutcome, { ok: true }>) => number) =>
  Math.max(...outcomes.map((o) => (o.ok ? pick(o) : Infinity)));

for (const testCase of cases) {
  const times: number[] = [];
  let outcomes: AssignOutcome[] = [];
  for (let run = 0; run < testCase.runs; run++) {
    const seed = new Uint8Array(32).fill(run + 1);
    const started = performance.now();
    outcomes = testCase.schools.map(({ roster, classes }) =>
      assign(roster, { classes, cap: 50, ...DEFAULT_OPTIONS }, seed),
    );
    times.push(performance.now() - started);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const failures = outcomes.flatMap((o) =>
    o.ok ? o.report.checks.filter((c) => !c.ok).map((c) => c.id) : ['infeasible'],
  );
  console.log(`\n${testCase.name}`);
  console.log(
    `  median ${median.toFixed(0)} ms over ${testCase.runs} run(s) (target ≤ ${testCase.targetMs} ms: ${median <= testCase.targetMs ? 'met' : 'MISSED'})`,
  );
  console.log(
    `  worst range of class means: ${worst(outcomes, (o) => Math.max(...o.report.subjects.map((s) => s.meanRange))).toFixed(3)} (target ≤ 0.05)`,
  );
  console.log(
    `  worst range of class SDs:   ${worst(outcomes, (o) => Math.max(...o.report.subjects.map((s) => s.sdRange))).toFixed(3)}`,
  );
  console.log(`  checks failed: ${failures.length === 0 ? 'none' : [...new Set(failures)].join(', ')}`);
}
clearInterval(sampler);
console.log(`\npeak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB (target ≤ 300 MB)`);
