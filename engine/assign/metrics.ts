import { dayNumber, isoDate } from '../dates.ts';
import { nameKey, soundAlikeKey, type NameKey } from '../names.ts';
import type { Roster, Student } from '../roster.ts';
import { rankingSubject, standings, type Standing } from './distribution.ts';
import type { AssignOptions } from './options.ts';

export interface SubjectSummary {
  readonly mean: number | null;
  readonly sd: number | null;
  /** Students with a score in this subject. */
  readonly count: number;
}

export interface ClassSummary {
  readonly classNumber: number;
  readonly size: number;
  readonly boys: number;
  readonly girls: number;
  readonly subjects: readonly SubjectSummary[];
  readonly meanBirthDate: string | null;
  /** The mean birth date as a fractional day number, for exact comparison. */
  readonly meanBirthDay: number | null;
}

export interface SubjectBalance {
  readonly subject: string;
  /** Largest minus smallest class mean. */
  readonly meanRange: number;
  /** Largest minus smallest class standard deviation. */
  readonly sdRange: number;
  readonly missing: number;
}

export type CheckId =
  | 'size-spread'
  | 'cap'
  | 'boys-spread'
  | 'girls-spread'
  | 'siblings'
  | 'apart-groups'
  | 'same-name'
  | 'same-sound'
  | 'source-school-spread'
  | 'band-spread'
  | 'top-share'
  | 'bottom-share'
  | 'flag-spread';

/** One guarantee, checked on the final classes: `value` must not exceed `limit`. */
export interface Check {
  readonly id: CheckId;
  readonly ok: boolean;
  readonly value: number;
  readonly limit: number;
  readonly zh: string;
  readonly en: string;
}

export interface StudentPair {
  readonly a: string;
  readonly b: string;
  readonly classNumber: number;
}

/** How many students of one kind each class holds. */
export interface CountRow {
  readonly label: string;
  /** Index c holds class c + 1. */
  readonly perClass: readonly number[];
}

/** The spread of the score distribution over the classes. */
export interface DistributionReport {
  /** What students were ranked by: a subject, or the total. */
  readonly rankedBy: string | null;
  /** Score bands from the highest (第1档); empty without scores or when bands are off. */
  readonly bands: readonly CountRow[];
  readonly top: CountRow | null;
  readonly bottom: CountRow | null;
  /** One row per yes/no group of the roster (随班就读, 留守儿童 …). */
  readonly flags: readonly CountRow[];
}

export interface SoundAlikePair {
  /** Student ids. */
  readonly a: string;
  readonly b: string;
  readonly classA: number;
  readonly classB: number;
}

export interface BalanceReport {
  readonly classes: readonly ClassSummary[];
  readonly subjects: readonly SubjectBalance[];
  /** Days between the earliest and latest class mean birth date; null without birth dates. */
  readonly birthDateMeanRangeDays: number | null;
  readonly distribution: DistributionReport;
  readonly checks: readonly Check[];
  /** Every pair of same-sounding names (as the option hears them) and where each went: apart where feasible. */
  readonly soundAlikePairs: readonly SoundAlikePair[];
}

/**
 * Measures an assignment from the roster and the class numbers alone — nothing from the search — so the same
 * function checks a draw made elsewhere (the verifier) exactly as it checks our own.
 */
export function measure(roster: Roster, classOf: readonly number[], options: AssignOptions): BalanceReport {
  const classNumbers = Array.from({ length: options.classes }, (_, index) => index + 1);
  const members = classNumbers.map((): Student[] => []);
  roster.students.forEach((student, index) => members[classOf[index]! - 1]?.push(student));
  const classes = classNumbers.map((classNumber, index) => summarise(classNumber, members[index]!, roster.subjects));
  const subjects = roster.subjects.map((subject, s) => {
    const stats = classes.map((summary) => summary.subjects[s]!);
    return {
      subject,
      meanRange: range(stats.map((stat) => stat.mean)),
      sdRange: range(stats.map((stat) => stat.sd)),
      missing: roster.students.filter((student) => student.scores[s] === null).length,
    };
  });
  const birthDays = classes.map((summary) => summary.meanBirthDay);
  const standing = standings(roster, options);
  const distribution = distributionOf(roster, classOf, options, standing);
  return {
    classes,
    subjects,
    birthDateMeanRangeDays: birthDays.every((day) => day === null) ? null : range(birthDays),
    distribution,
    checks: [
      ...checks(roster, classOf, options, classes),
      ...distributionChecks(roster, options, standing, distribution),
    ],
    soundAlikePairs: soundAlikePairs(roster, classOf, options),
  };
}

function summarise(classNumber: number, students: readonly Student[], subjects: readonly string[]): ClassSummary {
  const birthDays = students.flatMap((student) => (student.birthDate === null ? [] : [dayNumber(student.birthDate)]));
  const meanDay = birthDays.length === 0 ? null : sum(birthDays) / birthDays.length;
  return {
    classNumber,
    size: students.length,
    boys: students.filter((student) => student.gender === 'M').length,
    girls: students.filter((student) => student.gender === 'F').length,
    subjects: subjects.map((_, s) => {
      const scores = students.flatMap((student) => (student.scores[s] == null ? [] : [student.scores[s]]));
      if (scores.length === 0) return { mean: null, sd: null, count: 0 };
      const mean = sum(scores) / scores.length;
      const variance = sum(scores.map((score) => (score - mean) ** 2)) / scores.length;
      return { mean, sd: Math.sqrt(variance), count: scores.length };
    }),
    meanBirthDate: meanDay === null ? null : isoDate(meanDay),
    meanBirthDay: meanDay,
  };
}

function checks(
  roster: Roster,
  classOf: readonly number[],
  options: AssignOptions,
  classes: readonly ClassSummary[],
): Check[] {
  const sizes = classes.map((summary) => summary.size);
  const siblingsTogether = options.siblings === 'together';
  const siblingKeys = roster.students.map((student) => (student.siblingGroup === null ? [] : [student.siblingGroup]));
  const forced = (valueOf: (student: Student) => string | null, value: string) =>
    forcedSpread(roster, options, (student) => valueOf(student) === value);
  const gender = (student: Student) => student.gender;
  const result: Check[] = [
    check('size-spread', spread(sizes), 1, '各班人数差', 'difference in class sizes'),
    check('cap', Math.max(...sizes), options.cap, '最大班额', 'largest class'),
    check(
      'boys-spread',
      spread(classes.map((c) => c.boys)),
      forced(gender, 'M'),
      '各班男生数差',
      'difference in boys per class',
    ),
    check(
      'girls-spread',
      spread(classes.map((c) => c.girls)),
      forced(gender, 'F'),
      '各班女生数差',
      'difference in girls per class',
    ),
    siblingsTogether
      ? check('siblings', groupsSplit(classOf, siblingKeys), 0, '被拆散的多胞胎组', 'sibling groups split up')
      : check('siblings', pairsTogether(roster, classOf, siblingKeys).length, 0, '同班的多胞胎', 'siblings together'),
    check(
      'apart-groups',
      pairsTogether(
        roster,
        classOf,
        roster.students.map((student) => student.apartGroups),
      ).length,
      0,
      '分开组同班人数对',
      'apart-group pairs sharing a class',
    ),
    check(
      'same-name',
      pairsTogether(
        roster,
        classOf,
        roster.students.map((student) => [nameKey(student, 'exact')]),
      ).length,
      0,
      '同名同班人数对',
      'same-name pairs sharing a class',
    ),
  ];
  if (options.names !== 'exact') {
    const together = pairsTogether(roster, classOf, soundKeys(roster, options)).filter(
      (pair) => !(siblingsTogether && sameSiblingGroup(roster, pair)),
    );
    result.push(check('same-sound', together.length, 0, '同音同班人数对', 'same-sounding pairs sharing a class'));
  }
  const schools = new Set(roster.students.flatMap((student) => student.sourceSchool ?? []));
  if (schools.size > 0) {
    const limit = Math.max(...[...schools].map((school) => forced((student) => student.sourceSchool, school)));
    result.push(
      check(
        'source-school-spread',
        sourceSchoolSpread(roster, classOf, options.classes),
        limit,
        '同一毕业学校各班人数差',
        'spread of a source school',
      ),
    );
  }
  return result;
}

/**
 * The smallest spread of a count that siblings kept together allow: 1, unless a sibling group brings m students of
 * one kind into a class while the rest leave fewer for the others (triplets from one school, say).
 */
function forcedSpread(
  roster: Roster,
  options: AssignOptions,
  counts: (student: Student, index: number) => boolean,
): number {
  const matching = roster.students.filter(counts);
  const block = largestSiblingBlock(matching, options);
  if (options.classes < 2) return 1;
  return Math.max(1, block - Math.floor((matching.length - block) / (options.classes - 1)));
}

/** The most students of one kind a sibling group kept together brings into a class (1 when siblings part). */
function largestSiblingBlock(matching: readonly Student[], options: AssignOptions): number {
  if (options.siblings === 'apart') return 1;
  const perGroup = new Map<string, number>();
  for (const student of matching) {
    if (student.siblingGroup !== null)
      perGroup.set(student.siblingGroup, (perGroup.get(student.siblingGroup) ?? 0) + 1);
  }
  return Math.max(1, ...perGroup.values());
}

function distributionOf(
  roster: Roster,
  classOf: readonly number[],
  options: AssignOptions,
  standing: readonly Standing[],
): DistributionReport {
  const subject = rankingSubject(roster.subjects, options);
  const row = (label: string, counts: (index: number) => boolean): CountRow => {
    const perClass = new Array<number>(options.classes).fill(0);
    classOf.forEach((classNumber, index) => {
      if (counts(index)) perClass[classNumber - 1]! += 1;
    });
    return { label, perClass };
  };
  const bandCount = Math.max(0, ...standing.map((s) => (s.band === null ? 0 : s.band + 1)));
  const any = (pick: (s: Standing) => boolean) => standing.some(pick);
  return {
    rankedBy: subject === null ? null : roster.subjects[subject]!,
    bands: Array.from({ length: bandCount }, (_, band) => row(`${band + 1}`, (i) => standing[i]!.band === band)),
    top: any((s) => s.top) ? row('top', (i) => standing[i]!.top) : null,
    bottom: any((s) => s.bottom) ? row('bottom', (i) => standing[i]!.bottom) : null,
    flags: options.balance.map((flag) => {
      const f = roster.flags.indexOf(flag);
      return row(flag, (i) => roster.students[i]!.flags[f] === true);
    }),
  };
}

/**
 * Bands even (counts per class differ by at most 1, or what siblings kept together force); no class above its
 * share ⌈N/K⌉ of the top or of the bottom students (or a sibling group's own count, should it be larger).
 */
function distributionChecks(
  roster: Roster,
  options: AssignOptions,
  standing: readonly Standing[],
  distribution: DistributionReport,
): Check[] {
  const result: Check[] = [];
  if (distribution.bands.length > 0) {
    const limit = Math.max(
      ...distribution.bands.map((_, band) => forcedSpread(roster, options, (_s, i) => standing[i]!.band === band)),
    );
    const value = Math.max(...distribution.bands.map((row) => spread(row.perClass)));
    result.push(check('band-spread', value, limit, '同一分数段各班人数差', 'spread of a score band'));
  }
  const share = (id: CheckId, row: CountRow | null, pick: (s: Standing) => boolean, zh: string, en: string) => {
    if (row === null) return;
    const members = roster.students.filter((_, i) => pick(standing[i]!));
    const limit = Math.max(Math.ceil(members.length / options.classes), largestSiblingBlock(members, options));
    result.push(check(id, Math.max(...row.perClass), limit, zh, en));
  };
  if (distribution.flags.length > 0) {
    const limit = Math.max(
      ...options.balance.map((flag) => {
        const f = roster.flags.indexOf(flag);
        return forcedSpread(roster, options, (student) => student.flags[f] === true);
      }),
    );
    const value = Math.max(...distribution.flags.map((row) => spread(row.perClass)));
    result.push(check('flag-spread', value, limit, '同一平衡组各班人数差', 'spread of a balance group'));
  }
  share('top-share', distribution.top, (s) => s.top, '单班最多前列学生数', 'most top students in one class');
  share(
    'bottom-share',
    distribution.bottom,
    (s) => s.bottom,
    '单班最多后列学生数',
    'most bottom students in one class',
  );
  return result;
}

function check(id: CheckId, value: number, limit: number, zh: string, en: string): Check {
  return { id, ok: value <= limit, value, limit, zh, en };
}

function soundKeys(roster: Roster, options: AssignOptions): NameKey[][] {
  return roster.students.map((student) => {
    const key = soundAlikeKey(student, options.names);
    return key === null ? [] : [key];
  });
}

/** Pairs whose names sound alike but are not identical (identical names are always apart), each pair once. */
function soundAlikePairs(roster: Roster, classOf: readonly number[], options: AssignOptions): SoundAlikePair[] {
  const pairs: SoundAlikePair[] = [];
  for (const members of studentsByKey(soundKeys(roster, options)).values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const [a, b] = [roster.students[members[i]!]!, roster.students[members[j]!]!];
        if (nameKey(a, 'exact') === nameKey(b, 'exact')) continue;
        pairs.push({ a: a.id, b: b.id, classA: classOf[members[i]!]!, classB: classOf[members[j]!]! });
      }
    }
  }
  return pairs;
}

function sameSiblingGroup(roster: Roster, pair: StudentPair): boolean {
  const group = (id: string) => roster.students.find((student) => student.id === id)?.siblingGroup ?? null;
  const a = group(pair.a);
  return a !== null && a === group(pair.b);
}

/** Every pair of students sharing a key and a class, each pair once. */
/** The students holding each key, each student once per key. */
function studentsByKey<Key>(keysOf: readonly (readonly Key[])[]): Map<Key, number[]> {
  const byKey = new Map<Key, number[]>();
  keysOf.forEach((keys, index) => {
    for (const key of new Set(keys)) {
      const indices = byKey.get(key);
      if (indices) indices.push(index);
      else byKey.set(key, [index]);
    }
  });
  return byKey;
}

function pairsTogether<Key>(
  roster: Roster,
  classOf: readonly number[],
  keysOf: readonly (readonly Key[])[],
): StudentPair[] {
  const pairs = new Map<string, StudentPair>();
  for (const indices of studentsByKey(keysOf).values()) {
    for (let i = 0; i < indices.length; i++) {
      for (let j = i + 1; j < indices.length; j++) {
        const [a, b] = [indices[i]!, indices[j]!];
        if (classOf[a] !== classOf[b]) continue;
        const pair = { a: roster.students[a]!.id, b: roster.students[b]!.id, classNumber: classOf[a]! };
        pairs.set(`${pair.a}\u0000${pair.b}`, pair);
      }
    }
  }
  return [...pairs.values()];
}

function groupsSplit(classOf: readonly number[], keysOf: readonly (readonly string[])[]): number {
  const classesOfGroup = new Map<string, Set<number>>();
  keysOf.forEach((keys, index) => {
    for (const key of keys) classesOfGroup.set(key, (classesOfGroup.get(key) ?? new Set()).add(classOf[index]!));
  });
  return [...classesOfGroup.values()].filter((classes) => classes.size > 1).length;
}

function sourceSchoolSpread(roster: Roster, classOf: readonly number[], classCount: number): number {
  const counts = new Map<string, number[]>();
  roster.students.forEach((student, index) => {
    if (student.sourceSchool === null) return;
    const row = counts.get(student.sourceSchool) ?? new Array<number>(classCount).fill(0);
    row[classOf[index]! - 1]! += 1;
    counts.set(student.sourceSchool, row);
  });
  return Math.max(0, ...[...counts.values()].map(spread));
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function spread(values: readonly number[]): number {
  return values.length === 0 ? 0 : Math.max(...values) - Math.min(...values);
}

function range(values: readonly (number | null)[]): number {
  return spread(values.filter((value): value is number => value !== null));
}
