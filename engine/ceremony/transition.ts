/**
 * The ceremony state machine: `transition(state, command)` returns the next state and its events, or a refusal that
 * says in Chinese and English why the command cannot run now. It executes nothing and reads no clock; the draws are
 * computed here from stored inputs, so replaying the accepted commands rebuilds the same state, results included.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { assign } from '../assign/index.ts';
import { randomStream, shuffleInPlace, type Seed } from '../random.ts';
import type { Roster } from '../roster.ts';
import { canonicalRoster, planHash, rosterHash } from './canonical.ts';
import { PLAN_COLUMNS, rosterFigures, validatePlan, type DeclaredFigures, type Plan, type PlanSchool } from './plan.ts';
import { contributionProblem } from './contribution.ts';
import { normalizedPublicText, publicTextProblem } from './public-value.ts';
import { commitment, deriveSeed, type AnnouncedValue, type SeedPurpose } from './seed.ts';
import {
  PHASES,
  SCHOOL_STATUSES,
  type CeremonyCommand,
  type CeremonyEvent,
  type CeremonyState,
  type Mismatch,
  type Phase,
  type Refusal,
  type RefusalCode,
  type RefusalDetail,
  type SchoolRecord,
  type TeacherDraw,
  type TransitionResult,
} from './state.ts';

/** Stream labels for what the ceremony itself draws from a school's seed (the engine has its own). */
const REVEAL_STREAM = 'ceremony/reveal/v1';
const TEACHER_STREAM = 'ceremony/teachers/v1';

const PHASE_NAME: Readonly<Record<Phase, { zh: string; en: string }>> = {
  planning: { zh: '制定计划', en: 'planning' },
  sealed: { zh: '已封装', en: 'sealed' },
  previewed: { zh: '已预览', en: 'previewed' },
  unsealed: { zh: '已拆封', en: 'unsealed' },
  closed: { zh: '已结束', en: 'closed' },
};

const FIGURE_NAME: Readonly<Record<keyof DeclaredFigures, { zh: string; en: string }>> = {
  students: { zh: '学生数', en: 'students' },
  boys: { zh: '男生数', en: 'boys' },
  girls: { zh: '女生数', en: 'girls' },
  multiples: { zh: '多胞胎数', en: 'multiple-birth students' },
};

/** The phase each command needs (or the phases from `phase` to `until`), and what it is called in a refusal. */
const COMMAND_RULE: Readonly<Record<CeremonyCommand['type'], { phase: Phase; until?: Phase; zh: string; en: string }>> =
  {
    'plan:set': { phase: 'planning', zh: '设定计划', en: 'set the plan' },
    'ceremony:seal': { phase: 'planning', zh: '封装', en: 'seal' },
    'ceremony:enter-public-value': {
      phase: 'sealed',
      until: 'unsealed',
      zh: '录入外部公开随机值',
      en: 'enter the public value',
    },
    'ceremony:preview': { phase: 'sealed', zh: '预览', en: 'preview' },
    'ceremony:unseal': { phase: 'previewed', zh: '拆封', en: 'unseal' },
    'school:import': { phase: 'unsealed', zh: '导入名单', en: 'import a roster' },
    'school:draw': { phase: 'unsealed', zh: '分班', en: 'draw' },
    'school:publish': { phase: 'unsealed', zh: '公示', en: 'publish' },
    'school:teachers': { phase: 'unsealed', zh: '抽选教师团队', en: 'draw teacher teams' },
    'ceremony:close': { phase: 'unsealed', zh: '结束仪式', en: 'close the ceremony' },
  };

const HEX256 = /^[0-9a-f]{64}$/;

export function transition(state: CeremonyState, command: CeremonyCommand): TransitionResult {
  const rule = COMMAND_RULE[command.type];
  const early = PHASES.indexOf(state.phase) < PHASES.indexOf(rule.phase);
  if (early || PHASES.indexOf(state.phase) > PHASES.indexOf(rule.until ?? rule.phase)) {
    const current = PHASE_NAME[state.phase];
    const needed = PHASE_NAME[rule.phase];
    const until = rule.until === undefined ? null : PHASE_NAME[rule.until];
    return early
      ? refuse(
          'wrong-phase',
          `当前为“${current.zh}”阶段，尚不能${rule.zh}：须先到“${needed.zh}”阶段`,
          `the ceremony is ${current.en}; cannot ${rule.en} before it is ${needed.en}`,
        )
      : refuse(
          'wrong-phase',
          `当前为“${current.zh}”阶段，不能再${rule.zh}（只能在“${needed.zh}”${until === null ? '' : `至“${until.zh}”`}阶段进行）`,
          `the ceremony is ${current.en}; can no longer ${rule.en} (only while ${needed.en}${until === null ? '' : ` to ${until.en}`})`,
        );
  }
  switch (command.type) {
    case 'plan:set':
      return setPlan(state, command.plan);
    case 'ceremony:seal':
      return seal(state, command);
    case 'ceremony:enter-public-value':
      return enterPublicValue(state, command.value);
    case 'ceremony:preview':
      return accept(state, { phase: 'previewed' }, [{ type: 'ceremony:previewed' }]);
    case 'ceremony:unseal':
      return accept(state, { phase: 'unsealed' }, [{ type: 'ceremony:unsealed' }]);
    case 'school:import':
      return withSchool(state, command.school, 'waiting', (school, plan) =>
        importRoster(state, school, plan, command.fileName, command.roster, command.acceptMismatchReason),
      );
    case 'school:draw':
      return withSchool(state, command.school, 'imported', (school, plan) =>
        draw(state, school, plan, command.contribution),
      );
    case 'school:publish':
      return withSchool(state, command.school, 'drawn', (school) =>
        accept(state, updateSchool(state, { ...school, status: 'published' }), [
          { type: 'school:published', school: school.name },
        ]),
      );
    case 'school:teachers':
      return withSchool(state, command.school, 'published', (school, plan) =>
        drawTeachers(state, school, plan, command.draw),
      );
    case 'ceremony:close':
      return close(state);
  }
}

function setPlan(state: CeremonyState, plan: Plan): TransitionResult {
  const problems = validatePlan(plan);
  if (problems.length > 0) {
    return refuse(
      'plan-invalid',
      `计划有 ${problems.length} 处问题`,
      `the plan has ${problems.length} problem(s)`,
      problems.map((problem) => ({
        file: null,
        row: null,
        column: problem.field === null ? null : PLAN_COLUMNS[problem.field],
        zh: problem.zh,
        en: problem.en,
      })),
    );
  }
  const schools = plan.schools.map((school): SchoolRecord => ({
    name: school.name,
    status: school.classes === 1 ? 'skipped' : 'waiting',
    imported: null,
    draw: null,
    teachers: null,
  }));
  return accept(state, { plan, schools }, [{ type: 'plan:set', schools: schools.length, planHash: planHash(plan) }]);
}

function seal(state: CeremonyState, command: Extract<CeremonyCommand, { type: 'ceremony:seal' }>): TransitionResult {
  if (state.plan === null) return refuse('no-plan', '尚未制定计划，不能封装', 'there is no plan to seal yet');
  if (!HEX256.test(command.secretHex) || !HEX256.test(command.buildHash) || command.operatorKey === '') {
    return refuse(
      'bad-seal',
      '封装数据不完整（密钥、软件哈希或操作口令）',
      'incomplete seal (secret, build hash or passphrase)',
    );
  }
  const source = command.publicValueSource === undefined ? null : normalizedPublicText(command.publicValueSource);
  const problem = source === null ? null : publicTextProblem('source', source);
  if (problem !== null) return refuse('bad-public-value', problem.zh, problem.en);
  const record = {
    secretHex: command.secretHex,
    commitment: commitment(command.secretHex),
    planHash: planHash(state.plan),
    rules: command.rules,
    buildHash: command.buildHash,
    operatorKey: command.operatorKey,
    publicValue: source === null ? null : { source, value: null },
  };
  return accept(state, { phase: 'sealed', seal: record }, [
    {
      type: 'ceremony:sealed',
      commitment: record.commitment,
      planHash: record.planHash,
      buildHash: record.buildHash,
      publicValueSource: source,
    },
  ]);
}

/**
 * Records the announced value, once. No "too late" case is needed: while a named value is missing no school can be
 * drawn, so once any school is drawn the value is already in and a second entry is refused as such.
 */
function enterPublicValue(state: CeremonyState, typed: string): TransitionResult {
  const seal = state.seal!;
  if (seal.publicValue === null) {
    return refuse(
      'public-value-not-named',
      '封装时未指定外部公开随机值的来源，不能录入：来源只能在封装时指定，以免事后挑选',
      'no public value was named at the seal: only the seal can name its source, so nobody picks one afterwards',
    );
  }
  const { source, value: entered } = seal.publicValue;
  if (entered !== null) {
    return refuse(
      'public-value-already-entered',
      `外部公开随机值已录入为“${entered}”，不能更改`,
      `the public value is already entered as "${entered}"; it cannot change`,
    );
  }
  const value = normalizedPublicText(typed);
  const problem = publicTextProblem('value', value);
  if (problem !== null) return refuse('bad-public-value', problem.zh, problem.en);
  return accept(state, { seal: { ...seal, publicValue: { source, value } } }, [
    { type: 'ceremony:public-value-entered', source, value },
  ]);
}

/** The status a per-school command needs: each command moves a school exactly one step on. */
type Needed = 'waiting' | 'imported' | 'drawn' | 'published';

/**
 * Finds the school and checks it is exactly at `needed`: a school not there yet and one already past it get
 * different reasons, so a repeated command says "already done" rather than "not possible".
 */
function withSchool(
  state: CeremonyState,
  name: string,
  needed: Needed,
  run: (school: SchoolRecord, plan: PlanSchool) => TransitionResult,
): TransitionResult {
  const school = state.schools.find((candidate) => candidate.name === name);
  const plan = state.plan?.schools.find((candidate) => candidate.name === name);
  if (school === undefined || plan === undefined) {
    return refuse('unknown-school', `计划中没有学校“${name}”`, `no school named "${name}" in the plan`);
  }
  if (school.status === 'skipped') {
    return refuse('school-skipped', `${name} 只有 1 个班，无需分班`, `${name} has a single class: nothing to draw`);
  }
  if (school.status === needed) return run(school, plan);
  // A school behind `needed` is at most at 'drawn', because 'published' is the furthest any command needs.
  const early = SCHOOL_STATUSES.indexOf(school.status) < SCHOOL_STATUSES.indexOf(needed);
  const [code, zh, en] = early ? NOT_YET[school.status as keyof typeof NOT_YET] : ALREADY[needed];
  return refuse(code, `${name}：${zh}`, `${name}: ${en}`);
}

/** Why a school cannot take the next step yet, by where it is now. */
const NOT_YET: Readonly<Record<'waiting' | 'imported' | 'drawn', readonly [RefusalCode, string, string]>> = {
  waiting: ['not-imported', '尚未导入名单', 'the roster is not imported yet'],
  imported: ['not-drawn', '尚未分班', 'not drawn yet'],
  drawn: ['not-published', '尚未公示', 'not published yet'],
};

/** Why a command for a step the school has passed is refused, by the step it needed. */
const ALREADY: Readonly<Record<Needed, readonly [RefusalCode, string, string]>> = {
  waiting: ['already-imported', '名单已导入，不能重复导入', 'the roster is already imported; it cannot be replaced'],
  imported: [
    'already-drawn',
    '已经分班，每所学校只分一次，结果不可更改',
    'already drawn; a school is drawn once and its result never changes',
  ],
  drawn: ['already-published', '已经公示', 'already published'],
  published: [
    'already-teachers',
    '教师团队已抽选，不能重抽',
    'teacher teams are already drawn; they cannot be redrawn',
  ],
};

function importRoster(
  state: CeremonyState,
  school: SchoolRecord,
  plan: PlanSchool,
  fileName: string,
  roster: Roster,
  reason: string | null,
): TransitionResult {
  const actual = rosterFigures(roster);
  if (actual.students > plan.classes * plan.cap) {
    return refuse(
      'over-capacity',
      `${school.name}：名单 ${actual.students} 人超过 ${plan.classes} 个班 × 班额 ${plan.cap} 的容量`,
      `${school.name}: ${actual.students} students exceed ${plan.classes} classes × cap ${plan.cap}`,
    );
  }
  const mismatches = (Object.keys(FIGURE_NAME) as (keyof DeclaredFigures)[])
    .filter((figure) => actual[figure] !== plan[figure])
    .map((figure): Mismatch => ({ figure, declared: plan[figure], actual: actual[figure] }));
  const acceptedReason = mismatches.length > 0 ? (reason?.trim() ?? '') : null;
  if (acceptedReason === '') {
    return refuse(
      'import-mismatch',
      `${school.name}：名单与封装时申报的数字不一致，须由操作员说明理由后方可导入`,
      `${school.name}: the roster disagrees with the sealed figures; import only with the operator's stated reason`,
      mismatches.map((mismatch) => ({
        file: fileName,
        row: null,
        column: null,
        zh: `${FIGURE_NAME[mismatch.figure].zh}：申报 ${mismatch.declared}，名单 ${mismatch.actual}`,
        en: `${FIGURE_NAME[mismatch.figure].en}: declared ${mismatch.declared}, roster ${mismatch.actual}`,
      })),
    );
  }
  const canonical = canonicalRoster(roster);
  const hash = rosterHash(canonical, state.seal!.rules.names);
  const imported = { fileName, roster: canonical, rosterHash: hash, mismatches, acceptedReason };
  return accept(state, updateSchool(state, { ...school, status: 'imported', imported }), [
    {
      type: 'school:imported',
      school: school.name,
      students: actual.students,
      rosterHash: hash,
      mismatches,
      acceptedReason,
    },
  ]);
}

function draw(state: CeremonyState, school: SchoolRecord, plan: PlanSchool, contribution: string): TransitionResult {
  const seed = schoolSeed(state, school, 'students', contribution);
  if (!('seed' in seed)) return seed;
  const roster = school.imported!.roster;
  const outcome = assign(roster, { ...state.seal!.rules, classes: plan.classes, cap: plan.cap }, seed.seed);
  if (!outcome.ok) {
    return refuse(
      'draw-failed',
      `${school.name}：无法分班：${outcome.error.zh}`,
      `${school.name}: cannot draw: ${outcome.error.en}`,
    );
  }
  const reveal = shuffleInPlace(
    roster.students.map((_, index) => index),
    randomStream(seed.seed, REVEAL_STREAM),
  ).map((student) => ({ student, classNumber: outcome.classOf[student]! }));
  const seedHex = bytesToHex(seed.seed);
  const record = {
    contribution,
    seedHex,
    classOf: outcome.classOf,
    reveal,
    relaxations: outcome.relaxations,
    report: outcome.report,
  };
  return accept(state, updateSchool(state, { ...school, status: 'drawn', draw: record }), [
    { type: 'school:drawn', school: school.name, contribution, seedHex, reveal },
  ]);
}

function drawTeachers(
  state: CeremonyState,
  school: SchoolRecord,
  plan: PlanSchool,
  teachers: TeacherDraw,
): TransitionResult {
  let teamOfClass: readonly number[];
  if (teachers.kind === 'lottery') {
    const seed = schoolSeed(state, school, 'teachers', teachers.contribution);
    if (!('seed' in seed)) return seed;
    const teams = Array.from({ length: plan.classes }, (_, index) => index + 1);
    teamOfClass = shuffleInPlace(teams, randomStream(seed.seed, TEACHER_STREAM));
  } else {
    teamOfClass = teachers.teamOfClass;
    const sorted = [...teamOfClass].sort((a, b) => a - b);
    if (sorted.length !== plan.classes || sorted.some((team, index) => team !== index + 1)) {
      return refuse(
        'bad-teams',
        `${school.name}：教师团队号应为 1 至 ${plan.classes} 各一次`,
        `${school.name}: team numbers must be 1 to ${plan.classes}, each once`,
      );
    }
  }
  const record = { draw: teachers, teamOfClass };
  return accept(state, updateSchool(state, { ...school, status: 'teachers-drawn', teachers: record }), [
    { type: 'school:teachers-drawn', school: school.name, teamOfClass },
  ]);
}

function close(state: CeremonyState): TransitionResult {
  const unfinished = state.schools.filter(
    (school) => school.status !== 'skipped' && school.status !== 'teachers-drawn',
  );
  if (unfinished.length > 0) {
    const names = unfinished.map((school) => school.name).join('、');
    return refuse(
      'schools-unfinished',
      `以下学校尚未完成分班、公示和教师团队抽选：${names}`,
      `these schools have not finished the draw, publication and teacher teams: ${names}`,
    );
  }
  // Only a ceremony without a single draw (every school one class) gets here without the value: the seal certificate
  // promised it, so it is still recorded before the close.
  const announced = announcedValue(state);
  if (!('publicValue' in announced)) return announced;
  // The secret is revealed now and never earlier: every school has been drawn exactly once, so knowing it can no
  // longer help anyone, and with it anyone can check the commitment and re-derive every seed.
  return accept(state, { phase: 'closed' }, [{ type: 'ceremony:closed', secretHex: state.seal!.secretHex }]);
}

function schoolSeed(
  state: CeremonyState,
  school: SchoolRecord,
  purpose: SeedPurpose,
  contribution: string,
): { seed: Seed } | Extract<TransitionResult, { ok: false }> {
  const announced = announcedValue(state);
  if (!('publicValue' in announced)) return announced;
  const problem = contributionProblem(contribution);
  if (problem !== null) return refuse('bad-contribution', problem.zh, problem.en);
  const seal = state.seal!;
  const imported = school.imported!;
  return {
    seed: deriveSeed(purpose, {
      secretHex: seal.secretHex,
      planHash: seal.planHash,
      school: school.name,
      rosterHash: imported.rosterHash,
      contribution,
      publicValue: announced.publicValue,
    }),
  };
}

/** The public value as the seeds take it: null when none was named; a refusal while a named one is not entered. */
function announcedValue(
  state: CeremonyState,
): { publicValue: AnnouncedValue | null } | Extract<TransitionResult, { ok: false }> {
  const named = state.seal!.publicValue;
  if (named === null) return { publicValue: null };
  if (named.value === null) {
    return refuse(
      'public-value-missing',
      `封装时指定的外部公开随机值（${named.source}）尚未录入：公布后录入，才能继续`,
      `the public value named at the seal (${named.source}) is not entered yet: enter it once announced to go on`,
    );
  }
  return { publicValue: { source: named.source, value: named.value } };
}

function updateSchool(state: CeremonyState, school: SchoolRecord): Partial<CeremonyState> {
  return { schools: state.schools.map((candidate) => (candidate.name === school.name ? school : candidate)) };
}

function accept(state: CeremonyState, changes: Partial<CeremonyState>, events: CeremonyEvent[]): TransitionResult {
  return { ok: true, state: { ...state, ...changes, revision: state.revision + 1 }, events };
}

function refuse(
  code: RefusalCode,
  zh: string,
  en: string,
  details: RefusalDetail[] = [],
): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: { code, zh, en, details } };
}
