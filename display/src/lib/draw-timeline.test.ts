import { describe, expect, it } from 'vitest';
import type { Reveal } from '../../../engine/ceremony/state.ts';
import { departures, drawTimeline, landedBy, launchedBy } from './draw-timeline.ts';

const reveal = (classes: readonly number[]): Reveal[] =>
  classes.map((classNumber, student) => ({ student, classNumber }));

describe('drawTimeline', () => {
  it('launches in reveal order, evenly, and lands everything by the end', () => {
    const timeline = drawTimeline(reveal([1, 2, 1, 2]), () => null, 20, false);
    expect(timeline.flights.map((flight) => flight.students)).toEqual([[0], [1], [2], [3]]);
    const launches = timeline.flights.map((flight) => flight.launch);
    expect(launches).toEqual([...launches].sort((a, b) => a - b));
    expect(launches[0]).toBe(0);
    expect(launchedBy(timeline, 0)).toBe(1);
    expect(landedBy(timeline, 0)).toBe(0);
    expect(landedBy(timeline, 20)).toBe(4);
    expect(landedBy(timeline, Infinity)).toBe(4);
    // The last card leaves in time to land by the end.
    expect(launches.at(-1)! + timeline.flightSeconds).toBeLessThanOrEqual(20);
  });

  it('links siblings of the same class into one flight, at the first one’s turn', () => {
    const groups = ['a', null, 'a', 'b', 'b'];
    const timeline = drawTimeline(reveal([3, 1, 3, 2, 1]), (student) => groups[student] ?? null, 10, false);
    expect(timeline.flights.map((flight) => [flight.classNumber, flight.students])).toEqual([
      [3, [0, 2]],
      [1, [1]],
      // Siblings placed apart (on request) fly separately.
      [2, [3]],
      [1, [4]],
    ]);
  });

  it('keeps the air calm for big schools and has no flights when motion is reduced', () => {
    const big = drawTimeline(
      reveal(Array.from({ length: 2000 }, (_, index) => (index % 40) + 1)),
      () => null,
      20,
      false,
    );
    const inTheAir = launchedBy(big, 10) - landedBy(big, 10);
    expect(inTheAir).toBeLessThanOrEqual(40);
    expect(big.flightSeconds).toBeGreaterThan(0);
    // Twelve classes: about one and a half cards of each class in the air, so one class's cards do not stack up.
    const twelve = drawTimeline(
      reveal(Array.from({ length: 576 }, (_, index) => (index % 12) + 1)),
      () => null,
      20,
      false,
    );
    expect(launchedBy(twelve, 10) - landedBy(twelve, 10)).toBeLessThanOrEqual(19);
    const still = drawTimeline(reveal([1, 2]), () => null, 20, true);
    expect(still.flightSeconds).toBe(0);
    expect(landedBy(still, 10)).toBe(launchedBy(still, 10));
  });
});

describe('departures', () => {
  // Ten cards launched 10 ms apart, all on one lane except the third; each takes 0.3 s of a 0.4 s flight.
  const timeline = {
    flights: Array.from({ length: 10 }, (_, index) => ({ students: [index], classNumber: 1, launch: index / 100 })),
    flightSeconds: 0.4,
    totalSeconds: 1,
  };
  const laneOf = (flight: { launch: number }) => (Math.round(flight.launch * 100) === 2 ? 'other' : 'one');
  const leaves = departures(timeline, () => 0.3, laneOf, 0.04);

  it('leaves as late as a short way allows, and on one lane a gap apart while it can', () => {
    expect(leaves[0]).toBeCloseTo(0.1);
    expect(leaves[1]! - leaves[0]!).toBeCloseTo(0.04);
    // The other lane is not held back by this one.
    expect(leaves[2]).toBeCloseTo(0.12);
    expect(leaves[3]! - leaves[1]!).toBeCloseTo(0.04);
  });

  it('lands every card when the timeline says, at no more than twice its pace', () => {
    leaves.forEach((leaving, index) => {
      const lands = timeline.flights[index]!.launch + timeline.flightSeconds;
      expect(lands - leaving).toBeGreaterThanOrEqual(0.15 - 1e-9);
      expect(lands - leaving).toBeLessThanOrEqual(0.3 + 1e-9);
    });
    // Held back ever more, the last ones leave at the latest they can: twice their pace.
    expect(timeline.flights[9]!.launch + timeline.flightSeconds - leaves[9]!).toBeCloseTo(0.15);
  });
});
