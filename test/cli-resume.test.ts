/** `sunshine ceremony` run again on the same data: it continues where it stopped, never redoing or altering a step. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CEREMONY_STEPS } from '../controller/cli/ceremony.ts';
import { DEMO_DISTRICT } from '../controller/cli/demo.ts';
import { AuditLog } from '../controller/storage/audit-log.ts';
import { openCeremony } from '../controller/ceremony.ts';
import type { CeremonyCommand } from '../engine/ceremony/state.ts';
import { tempDataDir } from './support/demo-ceremony.ts';
import { sunshineHere } from './print-ceremony.ts';
import { juniorCeremonyArgs, startSunshine } from './support/sunshine-cli.ts';

const junior = join(DEMO_DISTRICT, 'junior');

/** The command itself, run in this process: what the clean stops test; the kills need a process of its own. */
const juniorCeremony = (data: string, ...extra: string[]) => sunshineHere(...juniorCeremonyArgs(data, ...extra));

/** What a data directory holds: each accepted command (type and school), the refusals, and where each school is. */
function recorded(data: string) {
  const log = AuditLog.open(data);
  const commands = log.commands().map((entry) => (entry.body as { command: CeremonyCommand }).command);
  const refusals = log.entryCount() - commands.length;
  log.close();
  const ceremony = openCeremony(data);
  const { state } = ceremony.service;
  ceremony.log.close();
  return {
    steps: commands.map((command) => `${command.type} ${'school' in command ? command.school : ''}`.trim()),
    refusals,
    phase: state.phase,
    schools: state.schools.map((school) => `${school.name} ${school.status}`),
  };
}

/** The ceremony in `data` holds exactly what one uninterrupted run holds, and its audit log verifies. */
async function expectFinishedOnce(data: string): Promise<void> {
  const reference = tempDataDir();
  expect((await juniorCeremony(reference)).code).toBe(0);
  const expected = recorded(reference);
  expect(expected.phase).toBe('closed');
  expect(expected.schools).toEqual(['上饶市第三中学 teachers-drawn', '信州区第五中学 teachers-drawn']);
  expect(expected.steps.filter((step) => step.startsWith('school:draw '))).toEqual([
    'school:draw 上饶市第三中学',
    'school:draw 信州区第五中学',
  ]);

  // Each command once, in the same order, and no command ever tried twice (a refusal would be logged).
  expect(recorded(data)).toEqual(expected);
  const verified = await sunshineHere('audit', 'verify', '--data', data);
  expect(verified.stderr).toBe('');
  expect(verified.code).toBe(0);
}

/** Runs the ceremony and kills it (SIGKILL) as soon as it has printed `done` more accepted commands. */
function killedAfter(data: string, done: number): Promise<{ signal: string | null; output: string }> {
  const child = startSunshine(...juniorCeremonyArgs(data));
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if ((output.match(/^✓ /gm) ?? []).length >= done) child.kill('SIGKILL');
  });
  return new Promise((resolve) => child.once('exit', (_, signal) => resolve({ signal, output })));
}

describe('sunshine ceremony, run again on the same data', () => {
  it('continues after stopping at every step, skipping what is done, as if never interrupted', async () => {
    const data = tempDataDir();
    for (const step of CEREMONY_STEPS) {
      const run = await juniorCeremony(data, '--until', step);
      expect(run.stderr, step).toBe('');
      expect(run.code, step).toBe(0);
      if (step !== 'plan') expect(run.stdout, step).toContain('继续');
    }
    const again = await juniorCeremony(data);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('– 上饶市第三中学：分班已完成，跳过 / draw already done, skipped');
    expect(again.stdout).toContain('– 结束仪式已完成，跳过 / close already done, skipped');
    expect(again.stdout).not.toContain('✓');
    await expectFinishedOnce(data);
  });

  it('continues after kill -9 part-way through, several times', async () => {
    const data = tempDataDir();
    // Each run is killed once it has done a few more commands (at least 8 of the 13 in all, whatever the timing):
    // the next command may be under way when the signal lands.
    for (const done of [2, 1, 3, 2]) {
      const killed = await killedAfter(data, done);
      expect(killed.signal, killed.output).toBe('SIGKILL');
    }
    const resumed = await juniorCeremony(data);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('仪式结束');
    await expectFinishedOnce(data);
  }, 180_000); // Five ceremony processes started, on a machine that may be busy.

  it('refuses other files or rules than those recorded, changing nothing, and continues with the same', async () => {
    const data = tempDataDir();
    expect((await juniorCeremony(data, '--extremes', '5', '--until', 'import')).code).toBe(0);
    const before = recorded(data);

    const changedPlan = join(tempDataDir(), 'plan.csv');
    writeFileSync(changedPlan, readFileSync(join(junior, 'plan.csv'), 'utf8').replace(',50,', ',49,'));
    const rosters = tempDataDir();
    cpSync(junior, rosters, { recursive: true });
    const roster = join(rosters, '信州区第五中学.csv');
    writeFileSync(roster, readFileSync(roster, 'utf8').replace(/,男,/, ',女,'));
    const cases: [string[], RegExp][] = [
      [['ceremony', '--plan', changedPlan, '--rosters', junior, '--data', data], /计划哈希[\s\S]*plan hash/],
      [
        juniorCeremonyArgs(data, '--extremes', '6'),
        /--extremes 为 6，封装时为 5[\s\S]*--extremes is 6; the seal has 5/,
      ],
      [juniorCeremonyArgs(data, '--passphrase', 'not the passphrase'), /操作口令不符[\s\S]*operator passphrase/],
      [
        ['ceremony', '--plan', join(junior, 'plan.csv'), '--rosters', rosters, '--data', data],
        /信州区第五中学：名单文件 信州区第五中学\.csv[\s\S]*信州区第五中学: the roster file/,
      ],
    ];
    for (const [args, said] of cases) {
      const refused = await sunshineHere(...args);
      expect(refused.code, args.join(' ')).toBe(2);
      expect(refused.stderr).toMatch(/^\S+ 中已有的仪式与本次给出的文件或参数不一致，未作任何更改/);
      expect(refused.stderr).toMatch(said);
      expect(refused.stdout).toBe('');
    }
    expect(recorded(data)).toEqual(before);

    // Without the rule flags, the sealed rules go on.
    const resumed = await juniorCeremony(data);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('仪式结束');
    const ceremony = openCeremony(data);
    expect(ceremony.service.state.seal?.rules.extremes).toBe(5);
    ceremony.log.close();
  });
});
