import { describe, expect, it } from 'vitest';
import { ROSTERS } from '../../test/support/ceremony-fixtures.ts';
import { canonicalJson, canonicalRoster, engineRoster, rosterHash, sha256Hex } from './canonical.ts';

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

  it('sorts students by id, so the hash does not depend on the file order', () => {
    const ids = canonicalRoster(shuffled).students.map((student) => student.id);
    expect(ids).toEqual([...ids].sort());
    expect(rosterHash(shuffled)).toBe(rosterHash(roster));
  });

  it('changes its hash when any student changes', () => {
    const renamed = {
      ...roster,
      students: roster.students.map((s, i) => (i === 5 ? { ...s, name: `${s.name}x` } : s)),
    };
    expect(rosterHash(renamed)).not.toBe(rosterHash(roster));
  });
});

describe('the roster as the engine reads it', () => {
  const roster = ROSTERS['西山中学']!;

  it('leaves out ID numbers and replaces ids by their rank, so the hash ignores ID numbers but not the order', () => {
    const published = engineRoster(roster);
    expect(published.students.every((student) => student.idCard === null)).toBe(true);
    expect(published.students.map((student) => student.id)).toEqual(
      canonicalRoster(roster).students.map((_, index) => String(index + 1).padStart(2, '0')),
    );
    const withoutIdCards = { ...roster, students: roster.students.map((s) => ({ ...s, idCard: null })) };
    expect(rosterHash(withoutIdCards)).toBe(rosterHash(roster));
    expect(rosterHash(published)).toBe(rosterHash(roster));
  });
});
