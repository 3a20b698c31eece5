import { describe, expect, it } from 'vitest';
import { fullCeremony, run } from '../../test/support/ceremony-fixtures.ts';
import { canonicalJson, sha256Hex } from './canonical.ts';
import { classLists, isPublished, publicStatus, resultFingerprint } from './publication.ts';
import { SCHOOL_STATUSES, type SchoolRecord, type SchoolStatus } from './state.ts';

describe('the publication facts', () => {
  it('makes a result public from its publication on, teacher teams drawn or not', () => {
    const school = (status: SchoolStatus): SchoolRecord => ({
      name: '东湖小学',
      status,
      imported: null,
      draw: null,
      teachers: null,
    });
    expect(
      SCHOOL_STATUSES.map((status) => [status, publicStatus(school(status)), isPublished(school(status))]),
    ).toEqual([
      ['skipped', 'single-class', false],
      ['waiting', 'not-drawn', false],
      ['imported', 'not-drawn', false],
      ['drawn', 'awaiting-publication', false],
      ['published', 'published', true],
      ['teachers-drawn', 'published', true],
    ]);
  });

  it('lists each class in zh-CN collation of the names, ties by id, every student once in their class', () => {
    const students = [
      { id: 'c', name: '张伟' },
      { id: 'a', name: '李娜' },
      { id: 'b', name: '张伟' },
      { id: 'd', name: '安琪' },
      { id: 'e', name: '王芳' },
    ];
    expect(classLists(students, [1, 2, 1, 1, 2], 2)).toEqual([
      [
        { id: 'd', name: '安琪' },
        { id: 'b', name: '张伟' },
        { id: 'c', name: '张伟' },
      ],
      [
        { id: 'a', name: '李娜' },
        { id: 'e', name: '王芳' },
      ],
    ]);
    expect(classLists(students, [1, 1, 1, 1, 1], 3).map((list) => list.length)).toEqual([5, 0, 0]);
  });

  it("fingerprints the result as SHA-256 of classOf's canonical JSON, as the bundle carries it", () => {
    const { classOf } = run(fullCeremony()).schools[0]!.draw!;
    expect(resultFingerprint(classOf)).toBe(sha256Hex(canonicalJson(classOf)));
    expect(resultFingerprint(classOf)).toMatch(/^[0-9a-f]{64}$/);
    const moved = [...classOf];
    const other = moved.findIndex((classNumber) => classNumber !== moved[0]);
    [moved[0], moved[other]] = [moved[other]!, moved[0]!];
    expect(resultFingerprint(moved)).not.toBe(resultFingerprint(classOf));
  });
});
