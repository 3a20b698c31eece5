import { randomInt } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { planHash } from '../../engine/ceremony/canonical.ts';
import { contributionProblem } from '../../engine/ceremony/contribution.ts';
import {
  PHASES,
  SCHOOL_STATUSES,
  type CeremonyState,
  type Phase,
  type SchoolStatus,
  type SealedRules,
} from '../../engine/ceremony/state.ts';
import { describeEvent, describeRefusal } from '../describe.ts';
import type { OperatorRequest } from '../contract/protocol.ts';
import { readPlanFile } from '../plan-file.ts';
import type { CeremonyService } from '../service.ts';
import { dataDirectory, oneOf, parseCommandArgs, UsageError } from './args.ts';
import { checkInputs, readBytes, rosterFileName } from './ceremony-inputs.ts';
import { givenRules, RULE_FLAGS, RULES_USAGE, rulesFrom } from './rules.ts';
import type { Io } from './io.ts';
import { openOrExplain } from './open.ts';

export const CEREMONY_STEPS = [
  'plan',
  'seal',
  'preview',
  'unseal',
  'import',
  'public-value',
  'draw',
  'publish',
  'teachers',
  'close',
] as const;
export type Step = (typeof CEREMONY_STEPS)[number];

export const CEREMONY_USAGE = `sunshine ceremony --plan plan.csv --rosters 名单目录 DIR [--data 目录 DIR]
    [--contribution 数字 DIGITS] [--until ${CEREMONY_STEPS.join('|')}] [--passphrase 口令]
    [--accept-mismatch 理由 REASON] [--public-value-source 来源 SOURCE [--public-value 公布值 VALUE]]
    ${RULES_USAGE}`;

/** What each step is called when a resumed run skips it. */
const STEP_NAME: Readonly<Record<Step, { zh: string; en: string }>> = {
  plan: { zh: '计划', en: 'plan' },
  seal: { zh: '封装', en: 'seal' },
  preview: { zh: '预览', en: 'preview' },
  unseal: { zh: '拆封', en: 'unseal' },
  import: { zh: '导入名单', en: 'import' },
  'public-value': { zh: '录入外部公开随机值', en: 'public value' },
  draw: { zh: '分班', en: 'draw' },
  publish: { zh: '公示', en: 'publication' },
  teachers: { zh: '抽选教师团队', en: 'teacher teams' },
  close: { zh: '结束仪式', en: 'close' },
};

/**
 * The whole ceremony without a browser, for rehearsals, training and automation: every step goes through the same
 * service as the console's commands, is printed as it happens, and the first refusal stops the run (exit 3). Run
 * again on the same data directory, it continues where the last run stopped (however it stopped), skipping what is
 * done, once the files and flags given agree with what is recorded (exit 2 when they do not).
 */
export async function ceremonyCommand(args: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values } = parseCommandArgs(args, {
    plan: { type: 'string' },
    rosters: { type: 'string' },
    data: { type: 'string' },
    contribution: { type: 'string' },
    until: { type: 'string' },
    passphrase: { type: 'string' },
    'accept-mismatch': { type: 'string' },
    'public-value-source': { type: 'string' },
    'public-value': { type: 'string' },
    ...RULE_FLAGS,
  });
  if (values.plan === undefined || values.rosters === undefined) {
    throw new UsageError(`缺少 --plan 或 --rosters\n${CEREMONY_USAGE}`, 'missing --plan or --rosters');
  }
  const until = oneOf(values.until, '--until', CEREMONY_STEPS) ?? 'close';
  const givenContribution = values.contribution ?? null;
  const contributionIssue = givenContribution === null ? null : contributionProblem(givenContribution);
  if (contributionIssue !== null) {
    throw new UsageError(`--contribution：${contributionIssue.zh}`, `--contribution: ${contributionIssue.en}`);
  }
  const contribution = givenContribution ?? String(randomInt(1_000_000)).padStart(6, '0');
  const passphrase = values.passphrase ?? `rehearsal-${randomInt(1_000_000_000)}`;
  const rules = givenRules(values);
  const rosterFiles = await readdir(values.rosters).catch(() => {
    throw new UsageError(`无法读取名单目录 ${values.rosters}`, `cannot read the roster directory ${values.rosters}`);
  });
  const folder = { dir: values.rosters, files: rosterFiles, planFileName: basename(values.plan) };
  const { plan: filePlan } = await readPlanFile(basename(values.plan), await readBytes(values.plan));
  const script: CeremonyScript = {
    planFile: values.plan,
    rosterDir: values.rosters,
    rosterFiles,
    contribution,
    passphrase,
    rules: rulesFrom(values),
    acceptMismatchReason: values['accept-mismatch'] ?? null,
    publicValueSource: values['public-value-source'] ?? null,
    publicValue: values['public-value'] ?? null,
  };

  const dataDir = dataDirectory(values.data, env);
  const ceremony = openOrExplain(dataDir, io);
  if (ceremony === null) return 4;
  const { service } = ceremony;
  try {
    await checkInputs(service.state, dataDir, io, {
      filePlan,
      folder,
      rules,
      publicValueSource: script.publicValueSource,
      publicValue: script.publicValue,
      passphrase: values.passphrase ?? null,
    });
    if (service.state.revision > 0) {
      io.out(
        `继续 ${dataDir} 中已有的仪式（已完成 ${service.state.revision} 项命令）/ ` +
          `resuming the ceremony in ${dataDir} (${service.state.revision} commands done)`,
      );
    }

    const filePlanHash = filePlan === null ? null : planHash(filePlan);
    const steps = ceremonySteps(script, () =>
      service.state.schools.filter((school) => school.status !== 'skipped').map((school) => school.name),
    );
    for (const step of CEREMONY_STEPS) {
      for (const request of await steps[step]()) {
        if (alreadyDone(service.state, request, filePlanHash)) {
          const school = 'school' in request ? `${request.school}：` : '';
          io.out(`– ${school}${STEP_NAME[step].zh}已完成，跳过 / ${STEP_NAME[step].en} already done, skipped`);
          continue;
        }
        // Printed before the seal, so no interruption can record a passphrase nobody has seen.
        if (step === 'seal' && values.passphrase === undefined) io.out(`  操作口令 operator passphrase: ${passphrase}`);
        if (!(await run(service, request, io))) return 3;
        if (step === 'plan') {
          for (const school of service.state.schools.filter((found) => found.status === 'skipped')) {
            io.out(`  ${school.name}：只有 1 个班，无需分班 / single class, skipped`);
          }
        }
      }
      if (step === until) break;
    }
    return 0;
  } finally {
    ceremony.log.close();
  }
}

/**
 * Whether the recorded ceremony has already done what `request` asks: a resumed run skips it rather than be refused
 * (or, before the seal, set the same plan again). `filePlanHash` is the plan file's, which was checked against a
 * sealed plan before.
 */
function alreadyDone(state: CeremonyState, request: OperatorRequest, filePlanHash: string | null): boolean {
  const reached = (phase: Phase) => PHASES.indexOf(state.phase) >= PHASES.indexOf(phase);
  const schoolReached = (name: string, status: SchoolStatus) => {
    const school = state.schools.find((candidate) => candidate.name === name);
    return school !== undefined && SCHOOL_STATUSES.indexOf(school.status) >= SCHOOL_STATUSES.indexOf(status);
  };
  switch (request.type) {
    case 'plan:import':
    case 'plan:set':
      return state.plan !== null && planHash(state.plan) === filePlanHash;
    case 'ceremony:seal':
      return state.seal !== null;
    case 'ceremony:enter-public-value':
      return (state.seal?.publicValue?.value ?? null) !== null;
    case 'ceremony:preview':
      return reached('previewed');
    case 'ceremony:unseal':
      return reached('unsealed');
    case 'school:import':
      return schoolReached(request.school, 'imported');
    case 'school:draw':
      return schoolReached(request.school, 'drawn');
    case 'school:publish':
      return schoolReached(request.school, 'published');
    case 'school:teachers':
      return schoolReached(request.school, 'teachers-drawn');
    case 'ceremony:close':
      return reached('closed');
  }
}

export interface CeremonyScript {
  readonly planFile: string;
  readonly rosterDir: string;
  readonly rosterFiles: readonly string[];
  readonly contribution: string;
  readonly passphrase: string;
  readonly acceptMismatchReason: string | null;
  /** The assignment rules to seal. */
  readonly rules: SealedRules;
  /** The external public value's source, named at the seal; null for none. */
  readonly publicValueSource: string | null;
  /** Its announced value, entered after the imports; null to enter none (a named one then stops the draws). */
  readonly publicValue: string | null;
}

/**
 * The operator requests of each step, in the official order: all imports, the public value (when one is given),
 * then the draws, the publications and the teacher teams school by school. `schools` names the schools that need a draw, once the plan is set.
 */
export function ceremonySteps(
  script: CeremonyScript,
  schools: () => readonly string[],
): Record<Step, () => Promise<OperatorRequest[]>> {
  const { planFile, rosterDir, rosterFiles, contribution, passphrase, acceptMismatchReason, rules } = script;
  const { publicValueSource, publicValue } = script;
  const each = (request: (school: string) => OperatorRequest) => () => Promise.resolve(schools().map(request));
  return {
    plan: async () => [{ type: 'plan:import', fileName: basename(planFile), content: await readBytes(planFile) }],
    seal: () =>
      Promise.resolve([
        {
          type: 'ceremony:seal',
          passphrase,
          rules,
          ...(publicValueSource === null ? {} : { publicValueSource }),
        },
      ]),
    preview: () => Promise.resolve([{ type: 'ceremony:preview' }]),
    unseal: () => Promise.resolve([{ type: 'ceremony:unseal' }]),
    import: () =>
      Promise.all(
        schools().map(async (school): Promise<OperatorRequest> => {
          const fileName = rosterFileName(school, rosterFiles);
          if (fileName === undefined) {
            throw new UsageError(
              `名单目录 ${rosterDir} 中没有 ${school}.csv 或 ${school}.xlsx`,
              `no ${school}.csv or ${school}.xlsx in the roster directory ${rosterDir}`,
            );
          }
          const content = await readBytes(join(rosterDir, fileName));
          return { type: 'school:import', school, fileName, content, acceptMismatchReason };
        }),
      ),
    'public-value': () =>
      Promise.resolve(publicValue === null ? [] : [{ type: 'ceremony:enter-public-value', value: publicValue }]),
    draw: each((school) => ({ type: 'school:draw', school, contribution })),
    publish: each((school) => ({ type: 'school:publish', school })),
    teachers: each((school) => ({ type: 'school:teachers', school, draw: { kind: 'lottery', contribution } })),
    close: () => Promise.resolve([{ type: 'ceremony:close' }]),
  };
}

async function run(service: CeremonyService, request: OperatorRequest, io: Io): Promise<boolean> {
  const result = await service.submit(request, 'cli');
  if (!result.ok) {
    io.err(describeRefusal(result.error));
    return false;
  }
  for (const event of result.value.events) io.out(`✓ ${describeEvent(event)}`);
  return true;
}
