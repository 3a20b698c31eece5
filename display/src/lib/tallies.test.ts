import { describe, expect, it } from 'vitest';
import type { StudentView } from '../../../controller/contract/protocol.ts';
import { drawTimeline } from './draw-timeline.ts';
import { emptyTallies, landFlights } from './tallies.ts';

const student = (name: string, gender: 'M' | 'F'): StudentView => ({
  id: name,
  name,
  gender,
  sourceSchool: null,
  siblingGroup: null,
});

describe('landFlights', () => {
  const students = [student('甲', 'M'), student('乙', 'F'), student('丙', 'F'), student('丁', 'M')];
  const reveal = [2, 0, 3, 1].map((index) => ({ student: index, classNumber: index < 2 ? 1 : 2 }));
  const { flights } = drawTimeline(reveal, () => null, 10, false);

  it('counts students, boys and girls per class and lists names in arrival order', () => {
    const tallies = landFlights(emptyTallies(2), flights, students);
    expect(tallies).toEqual([
      { classNumber: 1, count: 2, boys: 1, girls: 1, names: ['甲', '乙'] },
      { classNumber: 2, count: 2, boys: 1, girls: 1, names: ['丙', '丁'] },
    ]);
  });

  it('ends in the same state whether the flights land one by one or all at once (a skip)', () => {
    const stepwise = flights.reduce((tallies, flight) => landFlights(tallies, [flight], students), emptyTallies(2));
    expect(stepwise).toEqual(landFlights(emptyTallies(2), flights, students));
  });

  it('leaves untouched classes as they were, so their columns do not re-render', () => {
    const before = emptyTallies(3);
    const after = landFlights(before, flights.slice(0, 1), students);
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]).not.toBe(before[1]);
  });
});
