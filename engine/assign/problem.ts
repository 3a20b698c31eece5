import { nameKey, type NameKey } from '../names.ts';
import type { Roster, Student } from '../roster.ts';
import { dayNumber } from '../dates.ts';
import { compareIds, standings, type Standing } from './distribution.ts';
import { infeasible } from './errors.ts';
import type { AssignOptions } from './options.ts';

/** Counts that must be spread evenly: each class holds ⌊total/K⌋ or ⌈total/K⌉ of them. */
export type CounterFamily = 'size' | 'gender' | 'sourceSchool' | 'band' | 'top' | 'bottom' | 'flag';

/** Counts that may be widened, and reported, where the data allow no better (siblings kept together, say). */
export const SOFT_FAMILIES: readonly CounterFamily[] = ['sourceSchool', 'band', 'top', 'bottom', 'flag'];

/** Why two students may not share a class. Only `sameSound` may be given up, and only where it cannot be met. */
export type ConflictKind = 'apartGroup' | 'siblingsApart' | 'sameName' | 'sameSound';

/**
 * One school's assignment problem in the flat, integer form the search works on. Students are in canonical order
 * (by id) so that the order of rows in a file never changes a draw. Units are what moves between classes: a single
 * student, or a sibling group kept together.
 */
export interface Problem {
  readonly students: readonly Student[];
  /** For each canonical student, its index in the roster as given. */
  readonly inputIndex: readonly number[];
  readonly classes: number;
  readonly unitMembers: readonly (readonly number[])[];
  readonly counters: readonly CounterSpec[];
  /** Unit u adds contribAmount[i] to counter contribCounter[i] for i in [contribStart[u], contribStart[u+1]). */
  readonly contribStart: Int32Array;
  readonly contribCounter: Int32Array;
  readonly contribAmount: Int32Array;
  /** Units with equal signatures add the same to every counter: swapping them never moves a count. */
  readonly signature: Int32Array;
  /** Units that may not share a class with unit u: conflictUnit[i] for i in [conflictStart[u], conflictStart[u+1]). */
  readonly conflictStart: Int32Array;
  readonly conflictUnit: Int32Array;
  /** 1 where giving the conflict up is never allowed. */
  readonly conflictHard: Uint8Array;
  readonly features: readonly FeatureSpec[];
  /** Per unit and feature: the sum of the members' integer values, and how many members have a value. */
  readonly unitFeatureSum: Float64Array;
  readonly unitFeatureCount: Float64Array;
}

export interface CounterSpec {
  readonly family: CounterFamily;
  readonly label: string;
  readonly total: number;
  readonly low: number;
  readonly high: number;
}

/** A balanced quantity: the search equalises class means of `value`, in integer units of 1/scale. */
export interface FeatureSpec {
  readonly label: string;
  /** `mean` balances a quantity's class means; `spread` its squared deviations, hence the class SDs. */
  readonly role: 'mean' | 'spread';
  /** Standard deviation across students, in the feature's integer units. */
  readonly sd: number;
  readonly mean: number;
  /** 1 / variance across students, so features of any unit weigh alike. 0 for a constant feature. */
  readonly inverseVariance: number;
  /**
   * How wide a range of class means (for `spread`, of class root-mean-square deviations) counts as one unit when the
   * widest gap is narrowed: the quantity's SD, times SPREAD_RANGE_TOLERANCE for spreads. 0 when not balanced.
   */
  readonly rangeUnit: number;
}

export function compileProblem(roster: Roster, options: AssignOptions): Problem {
  const classes = options.classes;
  const order = roster.students.map((_, index) => index);
  order.sort((a, b) => compareIds(roster.students[a]!.id, roster.students[b]!.id));
  const students = order.map((index) => roster.students[index]!);
  const standingOf = standings(roster, options);
  checkCapacity(students.length, options);

  const unitMembers = groupUnits(students, options);
  const unitOf = new Int32Array(students.length);
  unitMembers.forEach((members, unit) => members.forEach((student) => (unitOf[student] = unit)));
  const sizeHigh = Math.ceil(students.length / classes);
  for (const members of unitMembers) {
    if (members.length > sizeHigh) {
      infeasible(
        'sibling-group-too-large',
        `多胞胎组 ${students[members[0]!]!.siblingGroup} 有 ${members.length} 人，超过每班人数 ${sizeHigh}，无法同班`,
        `sibling group ${students[members[0]!]!.siblingGroup} has ${members.length} students, more than a class of ${sizeHigh} holds`,
      );
    }
  }

  const counting = buildCounters(
    balancedFlags(roster, options),
    students,
    order.map((index) => standingOf[index]!),
    unitMembers,
    classes,
  );
  const conflicts = buildConflicts(students, unitOf, unitMembers.length, options);
  const features = buildFeatures(roster.subjects, students, unitMembers);
  return {
    students,
    inputIndex: order,
    classes,
    unitMembers,
    ...counting,
    ...conflicts,
    ...features,
  };
}

function checkCapacity(studentCount: number, options: AssignOptions): void {
  const { classes, cap } = options;
  if (studentCount === 0) infeasible('no-students', '名单中没有学生', 'the roster has no students');
  if (!Number.isInteger(classes) || classes < 1 || classes > studentCount) {
    infeasible(
      'bad-classes',
      `班级数 ${classes} 无效：应为 1 到学生数 ${studentCount} 之间的整数`,
      `${classes} classes is not valid: it must be a whole number from 1 to the ${studentCount} students`,
    );
  }
  if (!Number.isInteger(cap) || cap * classes < studentCount) {
    infeasible(
      'over-capacity',
      `${studentCount} 名学生超过 ${classes} 个班 × 班额 ${cap} = ${cap * classes} 人的容量`,
      `${studentCount} students exceed ${classes} classes × cap ${cap} = ${cap * classes} seats`,
    );
  }
}

function groupUnits(students: readonly Student[], options: AssignOptions): number[][] {
  const bySiblingGroup = new Map<string, number[]>();
  const units: number[][] = [];
  students.forEach((student, index) => {
    const group = options.siblings === 'together' ? student.siblingGroup : null;
    if (group === null) {
      units.push([index]);
      return;
    }
    const members = bySiblingGroup.get(group);
    if (members) members.push(index);
    else {
      const fresh = [index];
      bySiblingGroup.set(group, fresh);
      units.push(fresh);
    }
  });
  return units;
}

function buildCounters(
  flags: readonly BalancedFlag[],
  students: readonly Student[],
  standing: readonly Standing[],
  unitMembers: readonly (readonly number[])[],
  classes: number,
) {
  const keys = new Map<string, number>();
  const counters: { family: CounterFamily; label: string; total: number }[] = [];
  const counterIndex = (family: CounterFamily, label: string): number => {
    const key = `${family}\u0000${label}`;
    let index = keys.get(key);
    if (index === undefined) {
      index = counters.length;
      keys.set(key, index);
      counters.push({ family, label, total: 0 });
    }
    return index;
  };
  counterIndex('size', '');
  counterIndex('gender', 'M');
  counterIndex('gender', 'F');

  const contribStart = new Int32Array(unitMembers.length + 1);
  const contribCounter: number[] = [];
  const contribAmount: number[] = [];
  const signatures = new Map<string, number>();
  const signature = new Int32Array(unitMembers.length);
  unitMembers.forEach((members, unit) => {
    const amounts = new Map<number, number>();
    const add = (counter: number) => amounts.set(counter, (amounts.get(counter) ?? 0) + 1);
    for (const member of members) {
      const student = students[member]!;
      add(counterIndex('size', ''));
      add(counterIndex('gender', student.gender));
      if (student.sourceSchool !== null) add(counterIndex('sourceSchool', student.sourceSchool));
      const { band, top, bottom } = standing[member]!;
      if (band !== null) add(counterIndex('band', String(band + 1)));
      if (top) add(counterIndex('top', ''));
      if (bottom) add(counterIndex('bottom', ''));
      for (const { name, index } of flags) if (student.flags[index]) add(counterIndex('flag', name));
    }
    const sorted = [...amounts].sort((a, b) => a[0] - b[0]);
    for (const [counter, amount] of sorted) {
      contribCounter.push(counter);
      contribAmount.push(amount);
      counters[counter]!.total += amount;
    }
    contribStart[unit + 1] = contribCounter.length;
    const key = sorted.join(';');
    if (!signatures.has(key)) signatures.set(key, signatures.size);
    signature[unit] = signatures.get(key)!;
  });

  return {
    counters: counters.map((counter) => ({
      ...counter,
      low: Math.floor(counter.total / classes),
      high: Math.ceil(counter.total / classes),
    })),
    contribStart,
    contribCounter: Int32Array.from(contribCounter),
    contribAmount: Int32Array.from(contribAmount),
    signature,
  };
}

interface BalancedFlag {
  readonly name: string;
  /** Index into `Roster.flags` and each student's `flags`. */
  readonly index: number;
}

function balancedFlags(roster: Roster, options: AssignOptions): BalancedFlag[] {
  return options.balance.map((name) => {
    const index = roster.flags.indexOf(name);
    if (index === -1) {
      infeasible(
        'missing-balance-column',
        `名单中没有要均衡的“${name}”列（名单的是/否列：${roster.flags.join('、') || '无'}）`,
        `the roster has no "${name}" column to balance (its yes/no columns: ${roster.flags.join(', ') || 'none'})`,
      );
    }
    return { name, index };
  });
}

function buildConflicts(
  students: readonly Student[],
  unitOf: Int32Array,
  unitCount: number,
  options: AssignOptions,
): Pick<Problem, 'conflictStart' | 'conflictUnit' | 'conflictHard'> {
  const groups: { kind: ConflictKind; key: NameKey; members: number[] }[] = [];
  const collect = (kind: ConflictKind, keyOf: (student: Student) => readonly NameKey[]) => {
    const byKey = new Map<NameKey, number[]>();
    students.forEach((student, index) => {
      for (const key of keyOf(student)) {
        const members = byKey.get(key);
        if (members) members.push(index);
        else byKey.set(key, [index]);
      }
    });
    for (const [key, members] of byKey) if (members.length > 1) groups.push({ kind, key, members });
  };
  collect('apartGroup', (student) => student.apartGroups);
  if (options.siblings === 'apart') collect('siblingsApart', (s) => (s.siblingGroup === null ? [] : [s.siblingGroup]));
  collect('sameName', (student) => [nameKey(student, 'exact')]);
  const { names } = options;
  if (names !== 'exact') collect('sameSound', (student) => [nameKey(student, names)]);

  const edges = new Map<number, Map<number, boolean>>();
  for (const { kind, key, members } of groups) {
    const hard = kind !== 'sameSound';
    if (hard && members.length > options.classes) {
      tooManyToSeparate(
        kind,
        key,
        members.map((member) => students[member]!),
        options.classes,
      );
    }
    for (const a of members) {
      for (const b of members) {
        const unitA = unitOf[a]!;
        const unitB = unitOf[b]!;
        if (a === b) continue;
        if (unitA === unitB) {
          // Siblings kept together outrank a sound-alike; any hard reason to part them contradicts the roster.
          if (hard) siblingsMustPart(students[a]!, students[b]!, kind);
          continue;
        }
        const row = edges.get(unitA) ?? new Map<number, boolean>();
        edges.set(unitA, row);
        row.set(unitB, (row.get(unitB) ?? false) || hard);
      }
    }
  }

  const conflictStart = new Int32Array(unitCount + 1);
  const conflictUnit: number[] = [];
  const conflictHard: number[] = [];
  for (let unit = 0; unit < unitCount; unit++) {
    const row = [...(edges.get(unit) ?? new Map<number, boolean>())].sort((a, b) => a[0] - b[0]);
    for (const [other, hard] of row) {
      conflictUnit.push(other);
      conflictHard.push(hard ? 1 : 0);
    }
    conflictStart[unit + 1] = conflictUnit.length;
  }
  return { conflictStart, conflictUnit: Int32Array.from(conflictUnit), conflictHard: Uint8Array.from(conflictHard) };
}

function tooManyToSeparate(kind: ConflictKind, key: NameKey, members: readonly Student[], classes: number): never {
  const count = members.length;
  if (kind === 'sameName') {
    // A published roster has name classes instead of names: its students are named by id.
    const ids = members.map((student) => student.id);
    const [zh, en] =
      members[0]!.nameClasses === undefined
        ? [`同名“${key}”`, `share the name "${key}"`]
        : [`同名（学号 ${ids.join('、')}）`, `share a name (ids ${ids.join(', ')})`];
    return infeasible(
      'same-name-too-many',
      `有 ${count} 名学生${zh}，多于 ${classes} 个班，无法全部分开`,
      `${count} students ${en}, more than the ${classes} classes, so they cannot all be apart`,
    );
  }
  return infeasible(
    'apart-group-too-large',
    `分开组“${key}”有 ${count} 人，多于 ${classes} 个班，无法全部分开`,
    `apart group "${key}" has ${count} students, more than the ${classes} classes, so they cannot all be apart`,
  );
}

function siblingsMustPart(a: Student, b: Student, kind: ConflictKind): never {
  const why = kind === 'sameName' ? ['同名', 'share a name'] : ['在同一分开组', 'are in one apart group'];
  const [whoA, whoB] = [namedWithId(a), namedWithId(b)];
  return infeasible(
    'siblings-must-be-apart',
    `多胞胎组 ${a.siblingGroup} 的 ${whoA.zh}与 ${whoB.zh}${why[0]}，不能既同班又分开；请改为多胞胎分开或修改名单`,
    `siblings ${whoA.en} and ${whoB.en} of group ${a.siblingGroup} ${why[1]}: they cannot be both together and apart; choose siblings apart or correct the roster`,
  );
}

/** A student as a message names them: name and id, or the id alone in a published roster, which has no names. */
function namedWithId(student: Student): { zh: string; en: string } {
  return student.nameClasses === undefined
    ? { zh: `${student.name}（${student.id}）`, en: `${student.name} (${student.id})` }
    : { zh: `学号 ${student.id} `, en: `id ${student.id}` };
}

function buildFeatures(
  subjects: readonly string[],
  students: readonly Student[],
  unitMembers: readonly (readonly number[])[],
): Pick<Problem, 'features' | 'unitFeatureSum' | 'unitFeatureCount'> {
  const columns: { label: string; role: FeatureSpec['role']; values: (number | null)[] }[] = [];
  const addQuantity = (label: string, values: (number | null)[]) => {
    columns.push({ label, role: 'mean', values });
    columns.push({ label: `${label}²`, role: 'spread', values: squaredDeviations(values) });
  };
  if (subjects.length > 0) {
    subjects.forEach((subject, index) => {
      addQuantity(subject, toIntegerScale(students.map((student) => student.scores[index] ?? null)));
    });
  } else if (students.some((student) => student.birthDate !== null)) {
    addQuantity(
      '出生日期',
      students.map((student) => (student.birthDate === null ? null : dayNumber(student.birthDate))),
    );
  }

  const featureCount = columns.length;
  const unitFeatureSum = new Float64Array(unitMembers.length * featureCount);
  const unitFeatureCount = new Float64Array(unitMembers.length * featureCount);
  const features = columns.map(({ label, role, values }, feature) => {
    let count = 0;
    let sum = 0;
    let sumSquares = 0;
    unitMembers.forEach((members, unit) => {
      for (const member of members) {
        const value = values[member] ?? null;
        if (value === null) continue;
        unitFeatureSum[unit * featureCount + feature]! += value;
        unitFeatureCount[unit * featureCount + feature]! += 1;
        count += 1;
        sum += value;
        sumSquares += value * value;
      }
    });
    const mean = count === 0 ? 0 : sum / count;
    const variance = count === 0 ? 0 : sumSquares / count - mean * mean;
    const weight = role === 'mean' ? 1 : SPREAD_WEIGHT;
    const inverseVariance = variance > 1e-9 ? weight / variance : 0;
    return { label, role, mean, sd: Math.sqrt(Math.max(0, variance)), inverseVariance };
  });
  // Each spread follows the mean of its quantity, whose SD sets the scale of the spread's range too.
  const withRangeUnits = features.map((feature, f) => ({
    ...feature,
    rangeUnit: feature.role === 'mean' ? feature.sd : SPREAD_RANGE_TOLERANCE * features[f - 1]!.sd,
  }));
  return { features: withRangeUnits, unitFeatureSum, unitFeatureCount };
}

/**
 * How much a class's spread counts against its mean. Parents compare means to a hundredth of a point but SDs only to
 * tenths: in standard units the SD tolerance is some thirty times looser, so its squared deviations weigh ~1/1000.
 */
const SPREAD_WEIGHT = 0.01;

/** Class SDs may differ some six times more than class means (tenths of a point against hundredths). */
const SPREAD_RANGE_TOLERANCE = 10;

const MAX_DECIMALS = 4;

/** Scores as integers in their finest step (86.5 → 865 with step 0.1), so sums are exact on every machine. */
function toIntegerScale(values: readonly (number | null)[]): (number | null)[] {
  let scale = 1;
  for (let decimals = 0; decimals <= MAX_DECIMALS; decimals++, scale *= 10) {
    if (values.every((value) => value === null || Math.abs(Math.round(value * scale) - value * scale) < 1e-6)) break;
  }
  return values.map((value) => (value === null ? null : Math.round(value * scale)));
}

/** (x − round(mean))²: balancing its class means alongside x's balances the spread (k-plus anticlustering). */
function squaredDeviations(values: readonly (number | null)[]): (number | null)[] {
  const present = values.filter((value): value is number => value !== null);
  const center = present.length === 0 ? 0 : Math.round(present.reduce((a, b) => a + b, 0) / present.length);
  return values.map((value) => (value === null ? null : (value - center) * (value - center)));
}
