/**
 * What `sunshine ceremony` checks before it runs a single command: that the roster folder holds a file for every
 * school of the plan that is drawn, and — when the data directory already holds part of this ceremony — that the files
 * and flags given agree with what is recorded, so a resumed run continues the same ceremony or does not start.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalJson, canonicalRoster, planHash, rosterHash } from '../../engine/ceremony/canonical.ts';
import type { Plan } from '../../engine/ceremony/plan.ts';
import { normalizedPublicText } from '../../engine/ceremony/public-value.ts';
import type { CeremonyState, SealedRules } from '../../engine/ceremony/state.ts';
import { transition } from '../../engine/ceremony/transition.ts';
import { checkPassphrase } from '../passphrase.ts';
import { readRosterFile, rosterReadOptions } from '../contract/roster-file/index.ts';
import { readWorkbookSheet } from '../contract/roster-file/workbook.ts';
import { UsageError } from './args.ts';
import type { Io } from './io.ts';
import { RULE_FLAG_OF } from './rules.ts';

interface Problem {
  readonly zh: string;
  readonly en: string;
}

/**
 * Throws a UsageError, before anything is recorded, when the inputs disagree with the ceremony in `dataDir` or a
 * school to draw has no roster; warns of roster files no school of the plan is named after.
 */
export async function checkInputs(state: CeremonyState, dataDir: string, io: Io, given: GivenInputs): Promise<void> {
  const problems = await disagreements(state, given);
  if (problems.length > 0) {
    throw new UsageError(
      `${dataDir} 中已有的仪式与本次给出的文件或参数不一致，未作任何更改：\n` +
        problems.map((problem) => `  ${problem.zh}`).join('\n'),
      `the ceremony recorded in ${dataDir} disagrees with the files or flags given; nothing was changed:\n` +
        problems.map((problem) => `  ${problem.en}`).join('\n'),
    );
  }
  const roster = checkRosterFolder(state, given.filePlan, given.folder);
  if (roster === null) return;
  const { missing, strangers } = roster;
  if (missing.length > 0) {
    const files = (or: string) => missing.map((school) => `  ${school}.csv ${or} ${school}.xlsx`).join('\n');
    throw new UsageError(
      `名单目录 ${given.folder.dir} 中缺少计划中 ${missing.length} 所学校的名单，未作任何更改：\n${files('或')}`,
      `the roster folder ${given.folder.dir} lacks the roster of ${missing.length} school(s) of the plan; ` +
        `nothing was changed:\n${files('or')}`,
    );
  }
  for (const file of strangers) {
    io.err(`注意：${file} 不是计划中的学校，不会导入 / note: ${file} names no school of the plan; it is not imported`);
  }
}

/** A school's roster in the roster folder: named after the school, as CSV or Excel. */
export function rosterFileName(school: string, files: readonly string[]): string | undefined {
  return files.find((file) => file === `${school}.csv` || file === `${school}.xlsx`);
}

const ROSTER_FILE = /\.(csv|xlsx)$/i;

export interface RosterFolder {
  readonly dir: string;
  readonly files: readonly string[];
  /** The plan file's name, which may sit among the rosters and is not one. */
  readonly planFileName: string;
}

interface RosterCheck {
  /** Schools to draw whose roster is not in the folder: the ceremony must not start. */
  readonly missing: readonly string[];
  /** CSV and Excel files named after no school of the plan: never imported, worth a warning. */
  readonly strangers: readonly string[];
}

/**
 * Compares the roster folder with the plan: the recorded one once sealed, else the plan file's (null when the plan
 * file does not make a valid plan, which the plan step then refuses with its reasons).
 */
function checkRosterFolder(state: CeremonyState, filePlan: Plan | null, folder: RosterFolder): RosterCheck | null {
  const schools = state.seal === null ? plannedSchools(state, filePlan) : state.schools;
  if (schools === null) return null;
  const names = new Set(schools.flatMap((school) => [`${school.name}.csv`, `${school.name}.xlsx`]));
  return {
    missing: schools
      .filter((school) => school.status !== 'skipped' && rosterFileName(school.name, folder.files) === undefined)
      .map((school) => school.name),
    strangers: folder.files.filter(
      (file) => ROSTER_FILE.test(file) && file !== folder.planFileName && !names.has(file),
    ),
  };
}

/** The schools the plan file would set, as the engine sets them (which ones a single class skips). */
function plannedSchools(state: CeremonyState, plan: Plan | null) {
  if (plan === null) return null;
  const outcome = transition(state, { type: 'plan:set', plan });
  return outcome.ok ? outcome.state.schools : null;
}

export interface GivenInputs {
  /** The plan file as read; null when it does not make a valid plan. */
  readonly filePlan: Plan | null;
  readonly folder: RosterFolder;
  /** The rule flags given on this command line (the others are not compared). */
  readonly rules: Partial<SealedRules>;
  readonly publicValueSource: string | null;
  readonly publicValue: string | null;
  readonly passphrase: string | null;
}

/**
 * Where the inputs given disagree with the ceremony already recorded: nothing sealed, drawn or published may be
 * continued with other files or other rules. Before the seal nothing is fixed yet, so nothing can disagree.
 */
async function disagreements(state: CeremonyState, given: GivenInputs): Promise<Problem[]> {
  const { seal } = state;
  if (seal === null) return [];
  const problems: Problem[] = [];
  const planFile = given.folder.planFileName;
  const fileHash = given.filePlan === null ? null : planHash(given.filePlan);
  if (fileHash !== seal.planHash) {
    problems.push({
      zh: `计划文件 ${planFile}${fileHash === null ? '无法读取为有效计划' : `的计划哈希为 ${fileHash}`}，已封装的计划哈希为 ${seal.planHash}`,
      en: `the plan file ${planFile} ${fileHash === null ? 'does not read as a valid plan' : `has plan hash ${fileHash}`}; the sealed plan's hash is ${seal.planHash}`,
    });
  }
  for (const [rule, value] of Object.entries(given.rules) as [keyof SealedRules, SealedRules[keyof SealedRules]][]) {
    if (canonicalJson(value) === canonicalJson(seal.rules[rule])) continue;
    const flag = `--${RULE_FLAG_OF[rule]}`;
    problems.push({
      zh: `${flag} 为 ${shown(value)}，封装时为 ${shown(seal.rules[rule])}`,
      en: `${flag} is ${shown(value)}; the seal has ${shown(seal.rules[rule])}`,
    });
  }
  const source = seal.publicValue?.source ?? null;
  if (given.publicValueSource !== null && normalizedPublicText(given.publicValueSource) !== source) {
    problems.push({
      zh: `--public-value-source 为“${given.publicValueSource}”，封装时${source === null ? '未指定来源' : `为“${source}”`}`,
      en: `--public-value-source is "${given.publicValueSource}"; the seal ${source === null ? 'named none' : `named "${source}"`}`,
    });
  }
  const entered = seal.publicValue?.value ?? null;
  if (given.publicValue !== null && entered !== null && normalizedPublicText(given.publicValue) !== entered) {
    problems.push({
      zh: `--public-value 为“${given.publicValue}”，已录入的外部公开随机值为“${entered}”`,
      en: `--public-value is "${given.publicValue}"; the public value entered is "${entered}"`,
    });
  }
  if (given.passphrase !== null && !(await checkPassphrase(given.passphrase, seal.operatorKey))) {
    problems.push({
      zh: '--passphrase 与封装时设定的操作口令不符',
      en: '--passphrase is not the operator passphrase set at the seal',
    });
  }
  for (const school of state.schools) {
    if (school.imported === null) continue;
    const file = rosterFileName(school.name, given.folder.files);
    if (file === undefined) continue; // Reported as missing.
    const bytes = await readBytes(join(given.folder.dir, file));
    const { roster } = await readRosterFile(file, bytes, rosterReadOptions(seal.rules), readWorkbookSheet);
    const hash = roster === null ? null : rosterHash(canonicalRoster(roster), seal.rules.names);
    if (hash === school.imported.rosterHash) continue;
    problems.push({
      zh: `${school.name}：名单文件 ${file}${hash === null ? '现在读取有误' : `的名单哈希为 ${hash}`}，已导入的名单哈希为 ${school.imported.rosterHash}`,
      en: `${school.name}: the roster file ${file} ${hash === null ? 'no longer reads without errors' : `has roster hash ${hash}`}; the imported roster's hash is ${school.imported.rosterHash}`,
    });
  }
  return problems;
}

const shown = (value: SealedRules[keyof SealedRules]) =>
  value === null ? '—' : Array.isArray(value) ? value.join(',') || '—' : String(value);

export async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch {
    throw new UsageError(`无法读取文件 ${path}`, `cannot read the file ${path}`);
  }
}
