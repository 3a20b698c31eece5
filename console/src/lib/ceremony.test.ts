/** Where the console says the ceremony is, and which school it turns to, after each request of a real ceremony. */
import { describe, expect, it } from 'vitest';
import { currentStep, focusSchool, stepProgress, stepState, type Step } from './ceremony.ts';
import { toSnapshot } from '../../../controller/snapshot.ts';
import { openCeremony } from '../../../controller/ceremony.ts';
import { demoRequests, drawnSchools, FIXED_SERVICES, tempDataDir } from '../../../test/support/demo-ceremony.ts';

describe('the console’s reading of the snapshot', () => {
  it('follows the official order, counts schools through each step and turns to the right school', async () => {
    const { service, log } = openCeremony(tempDataDir(), FIXED_SERVICES);
    const [a, b, c] = (await drawnSchools('primary')) as [string, string, string];
    // After N requests of the demo script (all imports, then all draws, publications, teams): step and school.
    const expected: [number, Step | null, string | null][] = [
      [0, 'plan', null],
      [1, 'seal', null],
      [2, 'preview', null],
      [3, 'unseal', null],
      [4, 'unseal', a],
      [5, 'unseal', b],
      [7, 'draw', a],
      // A drawn school is published before anything else.
      [8, 'draw', a],
      [9, 'draw', a],
      [10, 'publish', a],
      [11, 'publish', b],
      [13, 'teachers', a],
      [15, 'teachers', c],
      [16, 'close', null],
      [17, null, null],
    ];
    const requests = await demoRequests('primary');
    let done = 0;
    for (const [after, step, school] of expected) {
      for (; done < after; done += 1) expect((await service.submit(requests[done], 'test')).ok).toBe(true);
      const snapshot = toSnapshot(service.state, 'hall');
      expect([after, currentStep(snapshot), focusSchool(snapshot)?.name ?? null]).toEqual([after, step, school]);
      if (after === 8) {
        const states = (['seal', 'unseal', 'draw', 'publish'] as const).map((step) => stepState(snapshot, step));
        expect(states).toEqual(['done', 'done', 'current', 'todo']);
        expect(stepProgress(snapshot, 'unseal')).toEqual({ done: 3, total: 3 });
        expect(stepProgress(snapshot, 'draw')).toEqual({ done: 1, total: 3 });
        expect(stepProgress(snapshot, 'plan')).toBeNull();
      }
    }
    log.close();
  });
});
