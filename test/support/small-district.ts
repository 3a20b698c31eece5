/**
 * A small real ceremony for the result-page tests: the first rows of the demo district's two junior schools (real
 * ID numbers and 学籍号, one student's ID number left out, one short school number per school), run by the real
 * `sunshine ceremony` in a second or two.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Step } from '../../controller/cli/ceremony.ts';
import { DEMO_DISTRICT } from '../../controller/cli/demo.ts';
import { tempDataDir } from './demo-ceremony.ts';
import { sunshine } from './sunshine-cli.ts';

export interface SmallStudent {
  readonly school: string;
  readonly name: string;
  /** 学籍号 */
  readonly studentNumber: string;
  /** Null for the one student whose ID number the roster leaves out. */
  readonly idCard: string | null;
}

export interface SmallDistrict {
  readonly dataDir: string;
  readonly students: readonly SmallStudent[];
}

const SCHOOLS = [
  { name: '上饶市第三中学', students: 24, classes: 2 },
  { name: '信州区第五中学', students: 30, classes: 3 },
] as const;

const SHORT_STUDENT_NUMBERS: Readonly<Record<(typeof SCHOOLS)[number]['name'], string>> = {
  上饶市第三中学: 'S0412',
  信州区第五中学: 'A0917',
};
/** Fixed, so that no random 6-digit contribution can happen to equal a piece of an ID number on the pages. */
const CONTRIBUTION = '271828';

/** Runs the ceremony up to and including `until` (see `sunshine ceremony --until`). */
export async function smallDistrict(until: Step = 'close'): Promise<SmallDistrict> {
  const { rosters, students } = writeSmallDistrict();
  const dataDir = join(tempDataDir(), 'data');
  mkdirSync(dataDir);
  const plan = join(rosters, 'plan.csv');
  const run = await sunshine(
    'ceremony',
    ...['--plan', plan, '--rosters', rosters, '--data', dataDir, '--until', until, '--contribution', CONTRIBUTION],
  );
  if (run.code !== 0) throw new Error(`the small ceremony failed:\n${run.stdout}\n${run.stderr}`);
  return { dataDir, students };
}

/** The small district's plan and rosters, laid out as the demo's (`plan.csv`, `<学校>.csv`) in a new directory. */
export function writeSmallDistrict(): { readonly rosters: string; readonly students: readonly SmallStudent[] } {
  const rosters = tempDataDir();
  const students: SmallStudent[] = [];
  const planRows = ['学校,学段,班级数,班额上限,学生数,男生数,女生数,多胞胎数'];
  for (const school of SCHOOLS) {
    const [header, ...rows] = readFileSync(join(DEMO_DISTRICT, 'junior', `${school.name}.csv`), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    // Without sibling groups, so no group is cut in half.
    const kept = rows.map((row) => row.split(',')).filter((cells) => cells[6] === '');
    const chosen = kept.slice(0, school.students);
    // Columns: 序号,学籍号,姓名,性别,身份证号,出生日期,多胞胎组,毕业学校,语文,数学,英语
    if (school.name === '信州区第五中学') chosen[0]![4] = '';
    // A school's own short number instead of the 全国学籍号 (G + ID number): no page may show it either.
    chosen[2]![1] = SHORT_STUDENT_NUMBERS[school.name];
    for (const cells of chosen) {
      students.push({ school: school.name, name: cells[2]!, studentNumber: cells[1]!, idCard: cells[4] || null });
    }
    writeFileSync(join(rosters, `${school.name}.csv`), [header, ...chosen.map((cells) => cells.join(','))].join('\n'));
    const boys = chosen.filter((cells) => cells[3] === '男').length;
    planRows.push(`${school.name},初中,${school.classes},50,${chosen.length},${boys},${chosen.length - boys},0`);
  }
  writeFileSync(join(rosters, 'plan.csv'), planRows.join('\n'));
  return { rosters, students };
}
