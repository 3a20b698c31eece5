import { describe, expect, it } from 'vitest';
import { idCardCheckCharacter } from '../../engine/idcard.ts';
import type { Roster } from '../../engine/roster.ts';
import { fullWidth } from '../../test/support/lookup-secrets.ts';
import { student as aStudent } from '../../test/support/student.ts';
import { lookupIndex, lookUp, queryProblem, type LookupMatch } from './lookup.ts';

const student = (name: string, id: string, idCard: string | null) => aStudent({ id, name, idCard });
/** A valid ID number: the 17 digits given and their check character. */
const idCard = (first17: string) => first17 + idCardCheckCharacter(first17);

const ZHANG = idCard('36110220120101003');
const WANG_1 = idCard('36110220120101001');
const WANG_2 = idCard('36110220120102001');
const ANNA = idCard('36110220120103002');
const ROSTER: Roster = {
  subjects: [],
  flags: [],
  students: [
    student('张梓涵', `G${ZHANG}`, ZHANG),
    // A school number, short, and no ID number on the roster.
    student('李瑶', 'S0002', null),
    student('王一', `G${WANG_1}`, WANG_1),
    // Same name, a 学籍号 that is not G + the ID number: found by either.
    student('王一', '20120017', WANG_2),
    student('Ａnna Lee', `G${ANNA}`, ANNA),
  ],
};
const SCHOOL = '东湖小学';
const index = lookupIndex(SCHOOL, ROSTER, [1, 2, 3, 1, 2]);
const find = (name: string, code: string) =>
  lookUp((key): readonly LookupMatch[] => index.get(key) ?? [], SCHOOL, name, code);
const found = (name: string, classNumber: number) => ({ kind: 'found', matches: [{ name, classNumber }] });

describe('the parent lookup', () => {
  it('finds a student by name and the full ID number, or by name and the full 学籍号', () => {
    expect(ZHANG).toBe('36110220120101003X');
    expect(find('张梓涵', ZHANG)).toEqual(found('张梓涵', 1));
    expect(find('张梓涵', `G${ZHANG}`)).toEqual(found('张梓涵', 1));
    expect(find('王一', WANG_2)).toEqual(found('王一', 1));
    expect(find('王一', '20120017')).toEqual(found('王一', 1));
  });

  it('no longer finds anyone by the last 4 characters of the ID number', () => {
    expect(find('张梓涵', '003X')).toEqual({ kind: 'not-found' });
    expect(find('张梓涵', ZHANG.slice(-6))).toEqual({ kind: 'not-found' });
    expect(find('王一', WANG_1.slice(-4))).toEqual({ kind: 'not-found' });
  });

  it('reads names and numbers the way phones type them: spaces, x for X, full-width digits and letters', () => {
    expect(find(' 张 梓涵 ', ZHANG.toLowerCase())).toEqual(found('张梓涵', 1));
    expect(find('张梓涵', fullWidth(ZHANG))).toEqual(found('张梓涵', 1));
    expect(find('张梓涵', fullWidth(`g${ZHANG.toLowerCase()}`))).toEqual(found('张梓涵', 1));
    expect(find('张梓涵', '361102 20120101 003x')).toEqual(found('张梓涵', 1));
    expect(find('anna lee', ANNA)).toEqual(found('Ａnna Lee', 2));
    expect(find('李瑶', 's0002')).toEqual(found('李瑶', 2));
  });

  it('answers the same "not found" whichever half is wrong', () => {
    const misses = [
      // Right ID number, wrong name; right name, another student's (valid) ID number.
      ['张子涵', ZHANG],
      ['张梓涵', ANNA],
      ['李瑶', `G${ZHANG}`],
      // A 学籍号 cut short, a school number with another student's name.
      ['张梓涵', `G${ZHANG}`.slice(0, -1)],
      ['王一', 'S0002'],
    ];
    for (const [name, code] of misses) expect(find(name!, code!), `${name} ${code}`).toEqual({ kind: 'not-found' });
  });

  it('finds every student a query fits, and each once', () => {
    const twins: Roster = {
      ...ROSTER,
      students: [student('王一', `G${WANG_1}`, WANG_1), student('王一', WANG_1, WANG_1)],
    };
    const both = lookupIndex(SCHOOL, twins, [3, 1]);
    expect(lookUp((key) => both.get(key) ?? [], SCHOOL, '王一', WANG_1)).toEqual({
      kind: 'found',
      matches: [
        { name: '王一', classNumber: 3 },
        { name: '王一', classNumber: 1 },
      ],
    });
    // G + ID number and the ID number are one key: one entry per student, not two.
    expect(both.size).toBe(1);
  });

  it.each([
    ['', ZHANG, '请填写学生姓名'],
    ['  ', ZHANG, '请填写学生姓名'],
    ['张梓涵', '', '请填写完整的身份证号（18 位）或学籍号'],
    ['张梓涵', ' ', '请填写完整的身份证号（18 位）或学籍号'],
    ['张'.repeat(41), ZHANG, '过长'],
    ['张梓涵', '1'.repeat(41), '过长'],
    // One character mistyped: the check character says so, whoever the name is.
    ['张梓涵', `${ZHANG.slice(0, 5)}9${ZHANG.slice(6)}`, '校验不符'],
    ['不存在', '361102201201010022', '校验不符'],
  ])('says what is missing or wrong: %j %j', (name, code, message) => {
    expect(queryProblem(name, code)?.zh).toContain(message);
    expect(find(name, code)).toMatchObject({ kind: 'problem' });
  });
});
