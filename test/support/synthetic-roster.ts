import { randomStream, type RandomStream } from '../../engine/random.ts';
import type { Roster, Student } from '../../engine/roster.ts';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁';
const GIVEN = '子梓涵浩宇轩欣怡若晨一诗雨泽俊佳思可铭萱嘉文博睿瑶琪宸雅昊然妍航彤';
const SOURCE_SCHOOLS = [
  '第一小学',
  '第二小学',
  '东市街小学',
  '水南街小学',
  '朝阳小学',
  '沙溪小学',
  '茅家岭小学',
  '秦峰小学',
];
const SCHOOL_WEIGHTS = [30, 22, 14, 9, 6, 5, 4, 2];

export interface SyntheticOptions {
  readonly students: number;
  readonly withScores: boolean;
  /** Seed label: the same label always gives the same roster. */
  readonly label: string;
  /** Yes/no groups to add, each true for about one student in twelve (留守儿童, 随班就读 …). */
  readonly flags?: readonly string[];
}

/**
 * A realistic roster of any size, generated deterministically: Chinese names (with the duplicates and sound-alikes
 * real schools have), about 53% boys, ~1% multiple births, skewed source schools, scores in half-point steps.
 */
export function syntheticRoster({ students, withScores, label, flags = [] }: SyntheticOptions): Roster {
  const random = randomStream(new Uint8Array(32), `synthetic-roster/${label}`);
  const subjects = withScores ? ['语文', '数学', '英语'] : [];
  const list: Student[] = [];
  let siblingGroups = 0;
  while (list.length < students) {
    const multiple = random.below(200) < 2 && students - list.length >= 2;
    const size = multiple ? (random.below(10) === 0 && students - list.length >= 3 ? 3 : 2) : 1;
    const surname = pick(SURNAMES, random);
    const school = weighted(SOURCE_SCHOOLS, SCHOOL_WEIGHTS, random);
    const birth = `20${withScores ? 12 : 18}-${pad(1 + random.below(12))}-${pad(1 + random.below(28))}`;
    const group = size > 1 ? `D${String(++siblingGroups).padStart(3, '0')}` : null;
    const siblingNames = new Set<string>();
    for (let i = 0; i < size; i++) {
      const index = list.length;
      let name: string;
      do name = surname + pick(GIVEN, random) + (random.below(3) === 0 ? '' : pick(GIVEN, random));
      while (siblingNames.has(name));
      siblingNames.add(name);
      list.push({
        id: `S${String(index + 1).padStart(6, '0')}`,
        name,
        gender: random.below(100) < 53 ? 'M' : 'F',
        birthDate: birth,
        idCard: null,
        siblingGroup: group,
        apartGroups: [],
        sourceSchool: withScores ? school : null,
        scores: subjects.map(() => (random.below(200) === 0 ? null : score(random))),
        flags: flags.map(() => random.below(12) === 0),
      });
    }
  }
  return { subjects, flags, students: list };
}

function pick(characters: string, random: RandomStream): string {
  return [...characters][random.below([...characters].length)]!;
}

function weighted<T>(items: readonly T[], weights: readonly number[], random: RandomStream): T {
  let ticket = random.below(weights.reduce((a, b) => a + b, 0));
  for (let i = 0; i < items.length; i++) {
    ticket -= weights[i]!;
    if (ticket < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

/** Roughly normal around 80 (sum of uniforms), clipped to 0–100, in half points. */
function score(random: RandomStream): number {
  let total = 0;
  for (let i = 0; i < 4; i++) total += random.below(61);
  return Math.min(100, Math.max(0, Math.round((total / 4 - 30 + 80) * 2) / 2 + (random.below(2) ? 0 : 0.5)));
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
