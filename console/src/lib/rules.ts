/**
 * The assignment rules sealed with the plan: as sentences the notary and the hall can read (seal step, certificate),
 * and as the choices the operator makes before the seal, each explained in plain words.
 */
import { RulesSchema } from '../../../controller/contract/protocol.ts';
import { DEFAULT_OPTIONS } from '../../../engine/assign/options.ts';
import type { SealedRules } from '../../../engine/ceremony/state.ts';
import type { RuleText } from '../../../controller/contract/rules-text.ts';

type Text = RuleText;

/** What a seal without a rules choice records: the engine's defaults. */
export const DEFAULT_RULES: SealedRules = DEFAULT_OPTIONS;

/** One choice of a rule: what it is called and what it does, in plain words. */
export interface RuleChoice<T extends string> {
  readonly value: T;
  readonly name: Text;
  readonly explain: Text;
}

export const SIBLING_CHOICES: readonly RuleChoice<SealedRules['siblings']>[] = [
  {
    value: 'together',
    name: { zh: '多胞胎同班', en: 'Multiples in one class' },
    explain: {
      zh: '双胞胎、多胞胎分在同一个班，便于家长接送和照顾。',
      en: 'Twins and triplets share a class, which makes school runs and care easier for their parents.',
    },
  },
  {
    value: 'apart',
    name: { zh: '多胞胎分在不同班', en: 'Multiples in different classes' },
    explain: {
      zh: '应家长要求，把同一家的多胞胎分到不同的班。',
      en: 'At the parents’ request, siblings of a multiple birth go to different classes.',
    },
  },
];

export const NAME_CHOICES: readonly RuleChoice<SealedRules['names']>[] = [
  {
    value: 'exact',
    name: { zh: '仅同名分班', en: 'Same names apart' },
    explain: {
      zh: '姓名完全相同的学生分到不同的班。',
      en: 'Students with exactly the same name go to different classes.',
    },
  },
  {
    value: 'sound',
    name: { zh: '同名、同音分班', en: 'Same and same-sounding names apart' },
    explain: {
      zh: '读音相同的名字（如“张子涵”和“张梓涵”）也分到不同的班，老师点名不会混淆。',
      en: 'Names that sound the same (张子涵 and 张梓涵) also go to different classes, so a roll call is never ambiguous.',
    },
  },
  {
    value: 'dialect',
    name: { zh: '含方言近音分班', en: 'Dialect sound-alikes apart too' },
    explain: {
      zh: '本地口音中容易听混的读音（如 z 与 zh、l 与 n、前后鼻音）也算同音。',
      en: 'Sounds a local accent merges (z and zh, l and n, -n and -ng) count as the same sound too.',
    },
  },
];

/** The rules as the operator types them: numbers and lists as text, checked before anything is sent. */
export interface RulesForm {
  readonly siblings: SealedRules['siblings'];
  readonly names: SealedRules['names'];
  readonly bands: string;
  readonly extremes: string;
  readonly rankBy: string;
  readonly balance: string;
}

export function formOfRules(rules: SealedRules): RulesForm {
  return {
    siblings: rules.siblings,
    names: rules.names,
    bands: String(rules.bands),
    extremes: String(rules.extremes),
    rankBy: rules.rankBy ?? '',
    balance: rules.balance.join('、'),
  };
}

// The controller's own limits, read from the schema it checks the seal request against.
const { shape } = RulesSchema;
const MAX_BANDS = shape.bands.maxValue ?? 0;
const MAX_EXTREMES = shape.extremes.maxValue ?? 0;
const MAX_NAME = shape.rankBy.unwrap().maxLength ?? 0;

/** The rules the form describes, or what is wrong with it, field by field. */
export function rulesOfForm(form: RulesForm): { rules: SealedRules; problems: [] } | { rules: null; problems: Text[] } {
  const problems: Text[] = [];
  const whole = (text: string, max: number, what: Text): number => {
    const value = Number(text.trim());
    if (/^\d+$/.test(text.trim()) && value <= max) return value;
    problems.push({
      zh: `${what.zh}应为 0 到 ${max} 的整数，现为“${text}”`,
      en: `${what.en} must be a whole number from 0 to ${max}, not "${text}"`,
    });
    return 0;
  };
  const bands = whole(form.bands, MAX_BANDS, { zh: '分数段数', en: 'The number of score bands' });
  const extremes = whole(form.extremes, MAX_EXTREMES, {
    zh: '前后名次人数',
    en: 'The number of top and bottom students',
  });
  const rankBy = form.rankBy.trim();
  if (rankBy.length > MAX_NAME) {
    problems.push({
      zh: `排名科目名称过长（最多 ${MAX_NAME} 字）`,
      en: `The subject name is too long (${MAX_NAME} at most)`,
    });
  }
  const balance = [...new Set(form.balance.split(/[,，、]/).map((column) => column.trim()))].filter(Boolean);
  if (!shape.balance.safeParse(balance).success) {
    problems.push({
      zh: `要均衡的列太多，或列名过长（每个最多 ${MAX_NAME} 字）`,
      en: `Too many columns to balance, or a name too long (${MAX_NAME} characters at most)`,
    });
  }
  if (problems.length > 0) return { rules: null, problems };
  return {
    rules: { siblings: form.siblings, names: form.names, bands, extremes, rankBy: rankBy || null, balance },
    problems: [],
  };
}
