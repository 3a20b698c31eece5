import { describe, expect, it } from 'vitest';
import type { SchoolView, StudentView } from '../../../controller/contract/protocol.ts';
import { figureRows } from './roster-check.ts';
import type { RosterView } from './views.ts';

const students: StudentView[] = ['M', 'F', 'F', 'M', 'M'].map((gender, index) => ({
  id: String(index),
  name: `学生${index}`,
  gender: gender as 'M' | 'F',
  sourceSchool: null,
  siblingGroup: null,
}));

const school = { declared: { students: 5, boys: 4, girls: 1, multiples: 2 } } as SchoolView;
const roster: RosterView = {
  fileName: 'a.csv',
  rosterHash: '00',
  mismatches: [
    { figure: 'boys', declared: 4, actual: 3 },
    { figure: 'girls', declared: 1, actual: 2 },
  ],
  acceptedReason: '一名学生性别登记有误',
  students,
};

describe('figureRows', () => {
  it('counts the names shown so far', () => {
    const rows = figureRows(school, roster, 2);
    expect(rows.map((row) => [row.figure, row.counted])).toEqual([
      ['students', 2],
      ['boys', 1],
      ['girls', 1],
      ['multiples', null],
    ]);
  });

  it('compares the controller’s figures with the sealed ones, difference by difference', () => {
    const rows = figureRows(school, roster, 5);
    expect(rows.map((row) => [row.figure, row.declared, row.actual, row.matches])).toEqual([
      ['students', 5, 5, true],
      ['boys', 4, 3, false],
      ['girls', 1, 2, false],
      ['multiples', 2, 2, true],
    ]);
  });
});
