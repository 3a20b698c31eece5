import { describe, expect, it } from 'vitest';
import type { Roster } from '../../engine/roster.ts';
import { student as aStudent } from '../../test/support/student.ts';
import { lookupIndex, lookUp, queryProblem } from './lookup.ts';

const student = (name: string, id: string, idCard: string | null) => aStudent({ id, name, idCard });

const ROSTER: Roster = {
  subjects: [],
  flags: [],
  students: [
    student('张梓涵', 'G36110220120101002X', '36110220120101002X'),
    student('李瑶', 'S0002', null),
    // Same name and same last 4 as another: a lookup finds both, it cannot tell them apart.
    student('王一', 'G361102201201010011', '361102201201010011'),
    student('王一', 'G361102201201020011', '361102201201020011'),
    student('Ａnna Lee', 'G361102201201030022', '361102201201030022'),
  ],
};
const SCHOOL = '东湖小学';
const index = lookupIndex(SCHOOL, ROSTER, [1, 2, 3, 1, 2]);
const find = (name: string, code: string) => lookUp(index, SCHOOL, name, code);

describe('the parent lookup', () => {
  it('finds a student by name and the last 4 of the ID number, or by name and 学籍号', () => {
    const found = { kind: 'found', matches: [{ name: '张梓涵', classNumber: 1 }] };
    expect(find('张梓涵', '002X')).toEqual(found);
    expect(find('张梓涵', 'G36110220120101002X')).toEqual(found);
  });

  it('reads names and numbers the way phones type them', () => {
    const found = { kind: 'found', matches: [{ name: '张梓涵', classNumber: 1 }] };
    expect(find(' 张 梓涵 ', '002x')).toEqual(found);
    expect(find('张梓涵', '００２Ｘ')).toEqual(found);
    expect(find('张梓涵', 'g36110220120101002x')).toEqual(found);
    expect(find('anna lee', '0022')).toEqual({ kind: 'found', matches: [{ name: 'Ａnna Lee', classNumber: 2 }] });
  });

  it('finds a student without an ID number by 学籍号 only', () => {
    expect(find('李瑶', 'S0002')).toEqual({ kind: 'found', matches: [{ name: '李瑶', classNumber: 2 }] });
    expect(find('李瑶', '0002')).toEqual({ kind: 'not-found' });
  });

  it('answers the same "not found" whichever half is wrong', () => {
    for (const [name, code] of [
      ['张梓涵', '0021'],
      ['张子涵', '002X'],
      ['张梓涵', 'G36110220120101002'],
      ['李瑶', 'G36110220120101002X'],
    ]) {
      expect(find(name!, code!)).toEqual({ kind: 'not-found' });
    }
  });

  it('finds every student a query fits', () => {
    expect(find('王一', '0011')).toEqual({
      kind: 'found',
      matches: [
        { name: '王一', classNumber: 3 },
        { name: '王一', classNumber: 1 },
      ],
    });
  });

  it.each([
    ['', '002X', '请填写学生姓名'],
    ['  ', '002X', '请填写学生姓名'],
    ['张梓涵', '', '请填写身份证号后4位或学籍号'],
    ['张梓涵', ' ', '请填写身份证号后4位或学籍号'],
    ['张'.repeat(41), '002X', '过长'],
    ['张梓涵', '1'.repeat(41), '过长'],
  ])('says what is missing or wrong: %j %j', (name, code, message) => {
    expect(queryProblem(name, code)?.zh).toContain(message);
    expect(find(name, code)).toMatchObject({ kind: 'problem' });
  });
});
