import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_DISTRICT } from './cli/demo.ts';
import { readPlanFile } from './plan-file.ts';

const HEADER = '学校,学段,班级数,班额上限,学生数,男生数,女生数,多胞胎数';
const read = (text: string) => readPlanFile('plan.csv', new TextEncoder().encode(text));

describe('reading a plan file', () => {
  it('reads the demo plan, BOM and all', async () => {
    const { plan, problems } = await readPlanFile('plan.csv', readFileSync(join(DEMO_DISTRICT, 'junior', 'plan.csv')));
    expect(problems).toEqual([]);
    expect(plan!.schools[0]).toEqual({
      name: '上饶市第三中学',
      stage: 'junior',
      classes: 12,
      cap: 50,
      students: 575,
      boys: 321,
      girls: 254,
      multiples: 4,
      capOverrideReason: null,
    });
  });

  it('takes a cap above the standard one with the reason in 超额理由, and English headers', async () => {
    const { plan } = await read(
      `school,stage,classes,cap,students,boys,girls,multiples,超额理由\n一小,小学,2,48,90,45,45,0,经区教育局批准\n`,
    );
    expect(plan!.schools[0]).toMatchObject({ stage: 'primary', cap: 48, capOverrideReason: '经区教育局批准' });
  });

  it.each<[string, string, { row: number | null; column: string | null; zh: RegExp }[]]>([
    [
      'a missing column',
      '学校,学段,班级数,班额上限,学生数,男生数,女生数\n一小,小学,2,45,80,40,40\n',
      [{ row: 1, column: null, zh: /缺少列：多胞胎数/ }],
    ],
    [
      'an unknown stage and a word for a number',
      `${HEADER}\n一小,高中,2,45,80,40,40,0\n二小,小学,两,45,80,40,40,0\n`,
      [
        { row: 2, column: '学段 (B)', zh: /学段应为“小学”或“初中”/ },
        { row: 3, column: '班级数 (C)', zh: /应为 0 到 100000 之间的整数，收到“两”/ },
      ],
    ],
    [
      'classes that cannot hold the students',
      `${HEADER}\n一小,小学,2,45,80,40,40,0\n二中,初中,2,50,101,51,50,0\n`,
      [{ row: 3, column: '班额上限 (D)', zh: /二中：2 个班 × 班额 50 容纳不下 101 名学生/ }],
    ],
    [
      'a primary cap over 45 without a reason column',
      `${HEADER}\n一小,小学,2,46,80,40,40,0\n`,
      [{ row: 2, column: null, zh: /小学班额上限为 45，超过须写明理由/ }],
    ],
    ['an empty file', '', [{ row: null, column: null, zh: /计划文件是空的/ }]],
    ['a header without schools', `${HEADER}\n`, [{ row: null, column: null, zh: /计划中没有学校/ }]],
  ])('refuses %s, saying where', async (_, text, expected) => {
    const { plan, problems } = await read(text);
    expect(plan).toBeNull();
    expect(problems).toHaveLength(expected.length);
    problems.forEach((problem, index) => {
      const { row, column, zh } = expected[index]!;
      expect(problem).toMatchObject({ file: 'plan.csv', row, column });
      expect(problem.zh).toMatch(zh);
      expect(problem.en).toMatch(/[a-z]/);
    });
  });
});

describe('reading a plan file with oversized text', () => {
  it.each([
    ['school name', '学校 (A)', (long: string) => `${long},小学,2,45,80,40,40,0,`],
    ['cap override reason', '超额理由 (I)', (long: string) => `一小,小学,2,48,80,40,40,0,${long}`],
  ])('refuses a 5 MB %s, by row and column, without repeating it', async (_field, column, line) => {
    const { plan, problems } = await read(`${HEADER},超额理由\n${line('信'.repeat(5_000_000))}\n`);
    expect(plan).toBeNull();
    expect(problems).toMatchObject([{ file: 'plan.csv', row: 2, column }]);
    expect(problems[0]!.zh).toContain('太长');
    expect(problems[0]!.en).toContain('too long');
    expect(problems[0]!.zh.length + problems[0]!.en.length).toBeLessThan(400);
  });
});
