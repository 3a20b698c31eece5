import { describe, expect, it } from 'vitest';
import { ROSTERS } from '../../test/support/ceremony-fixtures.ts';
import type { NameSeparation } from '../names.ts';
import {
  canonicalJson,
  canonicalRoster,
  engineRoster,
  publishedRosterHash,
  rosterHash,
  sha256Hex,
} from './canonical.ts';

describe('canonical JSON', () => {
  it('sorts keys at every depth, keeps array order and drops undefined properties', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: '张' }, 2], e: undefined })).toBe(
      '{"a":[{"c":"张","d":null},2],"b":1}',
    );
  });

  it.each([[Number.NaN], [Infinity], [[undefined]], [() => 1]])('refuses %s', (value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it('hashes as SHA-256 of the UTF-8 bytes', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('the canonical roster', () => {
  const roster = ROSTERS['西山中学']!;
  const shuffled = { ...roster, students: [...roster.students].reverse() };
  const renamed = (index: number, name: string) => ({
    ...roster,
    students: roster.students.map((student, i) => (i === index ? { ...student, name } : student)),
  });

  it('sorts students by id, so the hash does not depend on the file order', () => {
    const ids = canonicalRoster(shuffled).students.map((student) => student.id);
    expect(ids).toEqual([...ids].sort());
    expect(rosterHash(shuffled, 'sound')).toBe(rosterHash(roster, 'sound'));
  });

  it('changes its hash when a student changes, a name included when it changes which names are alike', () => {
    const rescored = {
      ...roster,
      students: roster.students.map((s, i) =>
        i === 5 ? { ...s, scores: s.scores.map((score) => (score ?? 0) + 1) } : s,
      ),
    };
    expect(rosterHash(rescored, 'sound')).not.toBe(rosterHash(roster, 'sound'));
    const namesake = renamed(5, roster.students[6]!.name);
    for (const names of ['exact', 'sound', 'dialect'] as const) {
      expect(rosterHash(namesake, names)).not.toBe(rosterHash(roster, names));
    }
    // A fresh name like no other leaves every equality, hence the draw, as it was.
    expect(rosterHash(renamed(5, '欧阳未名'), 'sound')).toBe(rosterHash(roster, 'sound'));
  });
});

describe('the roster as the engine reads it', () => {
  const roster = ROSTERS['西山中学']!;

  it('keeps birth dates only where the engine balances them: when there are no scores', () => {
    expect(roster.subjects.length).toBeGreaterThan(0);
    expect(roster.students.some((student) => student.birthDate !== null)).toBe(true);
    expect(engineRoster(roster, 'sound').students.every((student) => student.birthDate === null)).toBe(true);
    const unscored = { ...roster, subjects: [], students: roster.students.map((s) => ({ ...s, scores: [] })) };
    expect(engineRoster(unscored, 'sound').students.map((student) => student.birthDate)).toEqual(
      canonicalRoster(unscored).students.map((student) => student.birthDate),
    );
    const older = { ...unscored, students: unscored.students.map((s, i) => (i === 5 ? { ...s, birthDate: null } : s)) };
    expect(rosterHash(older, 'sound')).not.toBe(rosterHash(unscored, 'sound'));
  });

  it('leaves out ID numbers and names and replaces ids by their rank, so the hash ignores ID numbers', () => {
    const published = engineRoster(roster, 'sound');
    expect(published.students.every((student) => student.idCard === null && student.name === '')).toBe(true);
    expect(published.students.map((student) => student.id)).toEqual(
      canonicalRoster(roster).students.map((_, index) => String(index + 1).padStart(2, '0')),
    );
    const withoutIdCards = { ...roster, students: roster.students.map((s) => ({ ...s, idCard: null })) };
    expect(rosterHash(withoutIdCards, 'sound')).toBe(rosterHash(roster, 'sound'));
  });

  it.each(['exact', 'sound', 'dialect'] as const)(
    'gives itself again under names: %s, so a verifier recomputes the hash from the bundle',
    (names) => {
      const published = engineRoster(roster, names);
      expect(engineRoster(published, names)).toEqual(published);
      expect(rosterHash(published, names)).toBe(rosterHash(roster, names));
      expect(publishedRosterHash(published)).toBe(rosterHash(roster, names));
    },
  );

  it('carries only the name class its names rule compares, and refuses to be read under another rule', () => {
    const classes = (names: NameSeparation) => engineRoster(roster, names).students[0]!.nameClasses;
    expect(Object.keys(classes('exact')!)).toEqual(['exact']);
    expect(Object.keys(classes('sound')!)).toEqual(['exact', 'sound']);
    expect(Object.keys(classes('dialect')!)).toEqual(['exact', 'dialect']);
    expect(() => engineRoster(engineRoster(roster, 'sound'), 'dialect')).toThrow(/no "dialect" class/);
    expect(() => engineRoster(engineRoster(roster, 'exact'), 'sound')).toThrow(/no "sound" class/);
  });
});
