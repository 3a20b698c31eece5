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
  return districtScript(join(DEMO_DISTRICT, stage), publicValue);
}

/** The script for a district laid out as the demo's: `plan.csv` and one `<学校>.csv` per school in `rosterDir`. */
async function districtScript(rosterDir: string, publicValue: AnnouncedValue | null): Promise<CeremonyScript> {
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
export function drawnSchools(stage: DemoStage): Promise<string[]> {
  return drawnSchoolsOf(join(DEMO_DISTRICT, stage));
}

async function drawnSchoolsOf(rosterDir: string): Promise<string[]> {
  const { plan } = await readPlanFile('plan.csv', await readFile(join(rosterDir, 'plan.csv')));
  return plan!.schools.filter((school) => school.classes > 1).map((school) => school.name);
}

/**
 * Every request of the ceremony, in order: plan, seal, preview, unseal, imports, the public value if one is given,
 * draws, publications, teams, close.
 */
export function demoRequests(stage: DemoStage, publicValue: AnnouncedValue | null = null): Promise<OperatorRequest[]> {
  return districtRequests(join(DEMO_DISTRICT, stage), publicValue);
}

/** The same for a district laid out as the demo's in `rosterDir`. */
export async function districtRequests(
  rosterDir: string,
  publicValue: AnnouncedValue | null = null,
): Promise<OperatorRequest[]> {
  const schools = await drawnSchoolsOf(rosterDir);
  const steps = ceremonySteps(await districtScript(rosterDir, publicValue), () => schools);
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
