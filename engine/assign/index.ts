import { randomStream, shuffleInPlace, type Seed } from '../random.ts';
import type { Roster } from '../roster.ts';
import { balance, DEFAULT_EFFORT, type BalanceEffort } from './balance.ts';
import { placeGreedily, repair } from './construct.ts';
import { AssignInfeasible, infeasible, type AssignError } from './errors.ts';
import { narrowRanges } from './ranges.ts';
import { measure, type BalanceReport } from './metrics.ts';
import type { AssignOptions } from './options.ts';
import { compileProblem, SOFT_FAMILIES, type CounterFamily, type CounterSpec } from './problem.ts';
import { HARD_CONFLICT_WEIGHT, NONE, Placement } from './state.ts';

export type { AssignOptions, SiblingPolicy } from './options.ts';
export { DEFAULT_OPTIONS } from './options.ts';
export type { AssignError } from './errors.ts';
export type {
  BalanceReport,
  Check,
  CheckId,
  ClassSummary,
  CountRow,
  DistributionReport,
  SoundAlikePair,
  SubjectBalance,
  StudentPair,
} from './metrics.ts';
export { measure } from './metrics.ts';
export type { BalanceEffort } from './balance.ts';

/** A rule the data did not allow to hold exactly, and how far it was met instead. */
export interface Relaxation {
  readonly rule: 'gender' | 'sourceSchool' | 'band' | 'top' | 'bottom' | 'flag' | 'sameSound';
  readonly zh: string;
  readonly en: string;
}

export type AssignOutcome =
  | {
      readonly ok: true;
      /** Class number 1..K of each student, in the roster's order. */
      readonly classOf: readonly number[];
      readonly relaxations: readonly Relaxation[];
      readonly report: BalanceReport;
    }
  | { readonly ok: false; readonly error: AssignError };

/** The stream label: changing how the engine consumes randomness must change this, so old draws stay reproducible. */
export const ENGINE_STREAM = 'engine/assign/v1';

/**
 * Splits one school's students into classes: every hard rule holds (or the reason it cannot is returned), the
 * classes are balanced as well as the data allows, and the result depends on nothing but the inputs and the seed.
 */
export function assign(
  roster: Roster,
  options: AssignOptions,
  seed: Seed,
  effort: BalanceEffort = DEFAULT_EFFORT,
): AssignOutcome {
  try {
    const problem = compileProblem(roster, options);
    const random = randomStream(seed, ENGINE_STREAM);
    const placement = new Placement(problem);
    placeGreedily(placement, random);
    const relaxations = settleHardRules(placement, random);
    balance(placement, effort);
    narrowRanges(placement, effort.tradesPerClass * problem.classes);

    const classNumbers = shuffleInPlace(
      Array.from({ length: problem.classes }, (_, index) => index + 1),
      random,
    );
    const classOf = new Array<number>(roster.students.length);
    problem.unitMembers.forEach((members, unit) => {
      for (const member of members) classOf[problem.inputIndex[member]!] = classNumbers[placement.classOfUnit[unit]!]!;
    });
    return { ok: true, classOf, relaxations, report: measure(roster, classOf, options) };
  } catch (error) {
    if (error instanceof AssignInfeasible) return { ok: false, error: error.detail };
    throw error;
  }
}

/**
 * Repairs the greedy placement until every rule holds. Where the data make a rule impossible, it is widened just
 * enough — gender by one (large sibling groups can force it), source schools and sound-alike names to what was
 * reached — and the widening is reported; sizes and hard separations are never widened.
 */
function settleHardRules(placement: Placement, random: ReturnType<typeof randomStream>): Relaxation[] {
  const relaxations: Relaxation[] = [];
  if (repair(placement, random) === 0) return relaxations;

  if (familyExcess(placement, 'gender') > 0) {
    widenByOne(placement, 'gender');
    repair(placement, random);
    const spread = familySpread(placement, 'gender');
    relaxations.push({
      rule: 'gender',
      zh: `受多胞胎组限制，各班男生（女生）数最多相差 ${spread}`,
      en: `sibling groups force a difference of up to ${spread} boys (girls) between classes`,
    });
  }
  if (familyExcess(placement, 'size') > 0 || familyExcess(placement, 'gender') > 0 || hardConflicts(placement) > 0) {
    infeasible(
      'no-feasible-placement',
      '找不到同时满足人数、性别均衡和分开要求的分班方案，请检查分开组、同名学生和多胞胎组',
      'no placement meets class sizes, gender balance and the separations together; check apart groups, same names and sibling groups',
    );
  }
  const { problem } = placement;
  problem.counters.forEach((counter, index) => {
    if (!SOFT_FAMILIES.includes(counter.family)) return;
    const counts = Array.from({ length: problem.classes }, (_, c) => placement.count(c, index));
    const low = Math.min(...counts);
    const high = Math.max(...counts);
    if (low >= counter.low && high <= counter.high) return;
    placement.low[index] = low;
    placement.high[index] = high;
    relaxations.push(widened(counter, high - low));
  });
  const softConflicts = conflictWeight(placement) / 2;
  if (softConflicts > 0) {
    relaxations.push({
      rule: 'sameSound',
      zh: `同音姓名过多，有 ${softConflicts} 对无法分开`,
      en: `too many same-sounding names: ${softConflicts} pairs could not be separated`,
    });
  }
  return relaxations;
}

/** How a count that could not be kept within one of even is reported. */
function widened(counter: CounterSpec, spread: number): Relaxation {
  switch (counter.family) {
    case 'band':
      return {
        rule: 'band',
        zh: `第 ${counter.label} 分数段的学生各班最多相差 ${spread} 人`,
        en: `score band ${counter.label} differs by up to ${spread} students between classes`,
      };
    case 'top':
    case 'bottom': {
      const [zh, en] = counter.family === 'top' ? ['前列', 'top'] : ['后列', 'bottom'];
      return {
        rule: counter.family,
        zh: `${zh}学生各班最多相差 ${spread} 人`,
        en: `${en} students differ by up to ${spread} between classes`,
      };
    }
    case 'flag':
      return {
        rule: 'flag',
        zh: `“${counter.label}”的学生各班最多相差 ${spread} 人`,
        en: `"${counter.label}" students differ by up to ${spread} between classes`,
      };
    case 'sourceSchool':
      return {
        rule: 'sourceSchool',
        zh: `毕业学校“${counter.label}”的学生各班最多相差 ${spread} 人`,
        en: `students from "${counter.label}" differ by up to ${spread} between classes`,
      };
    case 'size':
    case 'gender':
      throw new Error(`the ${counter.family} count is hard and never widened this way`);
  }
}

function familyExcess(placement: Placement, family: CounterFamily): number {
  const { problem } = placement;
  let excess = 0;
  problem.counters.forEach((counter, index) => {
    if (counter.family !== family) return;
    for (let c = 0; c < problem.classes; c++) excess += placement.counterExcess(c, index, 0);
  });
  return excess;
}

function widenByOne(placement: Placement, family: CounterFamily): void {
  placement.problem.counters.forEach((counter, index) => {
    if (counter.family !== family) return;
    placement.low[index] = Math.max(0, counter.low - 1);
    placement.high[index] = counter.high + 1;
  });
}

function familySpread(placement: Placement, family: CounterFamily): number {
  const { problem } = placement;
  let spread = 0;
  problem.counters.forEach((counter, index) => {
    if (counter.family !== family) return;
    const counts = Array.from({ length: problem.classes }, (_, c) => placement.count(c, index));
    spread = Math.max(spread, Math.max(...counts) - Math.min(...counts));
  });
  return spread;
}

function conflictWeight(placement: Placement): number {
  let total = 0;
  placement.unitsOfClass.forEach((units, c) => {
    for (const unit of units) total += placement.conflictsIn(unit, c, NONE, NONE, HARD_CONFLICT_WEIGHT);
  });
  return total;
}

function hardConflicts(placement: Placement): number {
  return Math.floor(conflictWeight(placement) / HARD_CONFLICT_WEIGHT);
}
