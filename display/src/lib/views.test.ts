import { describe, expect, it } from 'vitest';
import type { StudentView } from '../../../controller/protocol.ts';
import { siblingGroupOf } from './views.ts';

describe('siblingGroupOf', () => {
  const student: StudentView = { id: '1', name: '张一', gender: 'M', idCard: null };

  it('finds no group in today’s StudentView, and reads one as soon as the view carries it', () => {
    expect(siblingGroupOf(student)).toBeNull();
    expect(siblingGroupOf(undefined)).toBeNull();
    expect(siblingGroupOf({ ...student, siblingGroup: 'D003' } as StudentView)).toBe('D003');
    expect(siblingGroupOf({ ...student, siblingGroup: null } as StudentView)).toBeNull();
  });
});
