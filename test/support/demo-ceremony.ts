/** The operator requests of a whole ceremony over the bundled demo district, built the way the headless CLI builds them. */
import { readdir, readFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_OPTIONS } from '../../engine/assign/index.ts';
import { CEREMONY_STEPS, ceremonySteps, type CeremonyScript } from '../../controller/cli/ceremony.ts';
import { DEMO_DISTRICT } from '../../controller/cli/demo.ts';
import { readPlanFile } from '../../controller/plan-file.ts';
import type { OperatorRequest } from '../../controller/contract/protocol.ts';
import type { ServiceOptions } from '../../controller/service.ts';
import type { AnnouncedValue } from '../../engine/ceremony/seed.ts';

export const PASSPHRASE = '公证处 notary 2026';

export type DemoStage = 'primary' | 'junior';

/** `publicValue`: an external public value to name at the seal and enter before the draws; none by default. */
export async function demoScript(stage: DemoStage, publicValue: AnnouncedValue | null = null): Promise<CeremonyScript> {
  const rosterDir = join(DEMO_DISTRICT, stage);
  return {
    planFile: join(rosterDir, 'plan.csv'),
    rosterDir,
    rosterFiles: await readdir(rosterDir),
    contribution: '20260820',
    passphrase: PASSPHRASE,
    acceptMismatchReason: null,
    rules: DEFAULT_OPTIONS,
    publicValueSource: publicValue?.source ?? null,
    publicValue: publicValue?.value ?? null,
  };
}

/** The schools of a stage that need a draw (more than one class), from its plan file. */
export async function drawnSchools(stage: DemoStage): Promise<string[]> {
  const file = join(DEMO_DISTRICT, stage, 'plan.csv');
  const { plan } = await readPlanFile('plan.csv', await readFile(file));
  return plan!.schools.filter((school) => school.classes > 1).map((school) => school.name);
}

/**
 * Every request of the ceremony, in order: plan, seal, preview, unseal, imports, the public value if one is given,
 * draws, publications, teams, close.
 */
export async function demoRequests(
  stage: DemoStage,
  publicValue: AnnouncedValue | null = null,
): Promise<OperatorRequest[]> {
  const schools = await drawnSchools(stage);
  const steps = ceremonySteps(await demoScript(stage, publicValue), () => schools);
  const requests: OperatorRequest[] = [];
  for (const step of CEREMONY_STEPS) requests.push(...(await steps[step]()));
  return requests;
}

/** Deterministic services, so two runs of the same requests give the same ceremony. */
export const FIXED_SERVICES: ServiceOptions = {
  clock: { now: () => new Date('2026-08-20T09:00:00Z') },
  entropy: (bytes) => new Uint8Array(bytes).fill(7),
  buildHash: () => Promise.resolve('b1'.repeat(32)),
};

export const tempDataDir = () => mkdtempSync(join(tmpdir(), 'sunshine-data-'));
