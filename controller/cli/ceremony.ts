import { randomInt } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describeEvent, describeRefusal } from '../describe.ts';
import type { OperatorRequest } from '../contract/protocol.ts';
import type { CeremonyService } from '../service.ts';
import type { SealedRules } from '../../engine/ceremony/state.ts';
import { dataDirectory, oneOf, parseCommandArgs, UsageError } from './args.ts';
import { RULE_FLAGS, RULES_USAGE, rulesFrom } from './rules.ts';
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

/**
 * The whole ceremony without a browser, for rehearsals, training and automation: every step goes through the same
 * service as the console's commands, is printed as it happens, and the first refusal stops the run (exit 3).
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
  const contribution = values.contribution ?? String(randomInt(1_000_000)).padStart(6, '0');
  const passphrase = values.passphrase ?? `rehearsal-${randomInt(1_000_000_000)}`;
  const rosterFiles = await readdir(values.rosters).catch(() => {
    throw new UsageError(`无法读取名单目录 ${values.rosters}`, `cannot read the roster directory ${values.rosters}`);
  });
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

  const ceremony = openOrExplain(dataDirectory(values.data, env), io);
  if (ceremony === null) return 4;
  const { service } = ceremony;
  try {
    const steps = ceremonySteps(script, () =>
      service.state.schools.filter((school) => school.status !== 'skipped').map((school) => school.name),
    );
    for (const step of CEREMONY_STEPS) {
      for (const request of await steps[step]()) {
        if (!(await run(service, request, io))) return 3;
      }
      if (step === 'seal' && values.passphrase === undefined) io.out(`  操作口令 operator passphrase: ${passphrase}`);
      if (step === 'plan') {
        for (const school of service.state.schools.filter((found) => found.status === 'skipped')) {
          io.out(`  ${school.name}：只有 1 个班，无需分班 / single class, skipped`);
        }
      }
      if (step === until) break;
    }
    return 0;
  } finally {
    ceremony.log.close();
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
          const fileName = rosterFiles.find((file) => file === `${school}.csv` || file === `${school}.xlsx`);
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

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch {
    throw new UsageError(`无法读取文件 ${path}`, `cannot read the file ${path}`);
  }
}
