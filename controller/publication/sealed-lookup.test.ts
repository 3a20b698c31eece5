import { describe, expect, it } from 'vitest';
import { lookupIndex, lookupKey, outcomeOf, type LookupMatch } from './lookup.ts';
import {
  isSealedLookup,
  openSealedLookup,
  SEALED_LOOKUP_FORMAT,
  sealLookup,
  type SealedLookup,
} from './sealed-lookup.ts';
import type { Roster } from '../../engine/roster.ts';
import { lookupSecretLeaks } from '../../test/support/lookup-secrets.ts';
import { student } from '../../test/support/student.ts';

const SCHOOL = '西山中学';
const person = (name: string, id: string, idCard: string | null) => student({ id, name, gender: 'M', idCard });
const ROSTER: Roster = {
  subjects: [],
  flags: [],
  students: [
    person('欧阳娜娜', 'G361102201205190322', '361102201205190322'),
    person('闫涵', 'G361102201203260403', null),
    person('龙奕', 'G361102201109010475', '361102201109010475'),
  ],
};
const index = lookupIndex(SCHOOL, ROSTER, [2, 1, 2]);
// Few iterations keep the test fast; the derivation is the same at any count.
const ITERATIONS = 1000;
const salt = () => new Uint8Array(crypto.getRandomValues(new Uint8Array(16)));

const open = (sealed: SealedLookup, name: string, code: string): Promise<LookupMatch[]> =>
  openSealedLookup(sealed, lookupKey(SCHOOL, name, code));

describe('the sealed lookup of the static site', () => {
  it('answers exactly what the controller answers', async () => {
    const sealed = await sealLookup(index, salt(), ITERATIONS);
    expect(isSealedLookup(JSON.parse(JSON.stringify(sealed)))).toBe(true);
    expect(await open(sealed, '欧阳娜娜', '361102201205190322')).toEqual([{ name: '欧阳娜娜', classNumber: 2 }]);
    expect(await open(sealed, '龙 奕', 'g361102201109010475')).toEqual([{ name: '龙奕', classNumber: 2 }]);
    expect(await open(sealed, '龙奕', '３６１１０２２０１１０９０１０４７５')).toEqual([
      { name: '龙奕', classNumber: 2 },
    ]);
    expect(await open(sealed, '闫涵', 'G361102201203260403')).toEqual([{ name: '闫涵', classNumber: 1 }]);
    // The 学籍号 is G + the ID number: the bare number finds the student too, though the roster has no ID number.
    expect(await open(sealed, '闫涵', '361102201203260403')).toEqual([{ name: '闫涵', classNumber: 1 }]);
    expect(outcomeOf(await open(sealed, '闫涵', '0403'))).toEqual({ kind: 'not-found' });
    expect(await open(sealed, '欧阳娜娜', '0322')).toEqual([]);
    expect(await open(sealed, '欧阳娜娜', '361102201109010475')).toEqual([]);
    expect(await open(sealed, '欧阳娜', '361102201205190322')).toEqual([]);
  });

  it('holds no name, number or class in clear, and one entry per lookup key', async () => {
    const sealed = await sealLookup(index, salt(), ITERATIONS);
    const text = JSON.stringify(sealed);
    for (const student of ROSTER.students) expect(text).not.toContain(student.name);
    const secrets = ROSTER.students.map((student) => ({ studentNumber: student.id, idCard: student.idCard }));
    expect(lookupSecretLeaks(text, secrets)).toEqual([]);
    // One entry per student: each 学籍号 here is G + the ID number, one key with it.
    expect(index.size).toBe(ROSTER.students.length);
    expect(Object.values(sealed.entries).flat()).toHaveLength(index.size);
    expect(Object.keys(sealed.entries).every((entry) => /^[0-9a-f]{16}$/.test(entry))).toBe(true);
  });

  it('derives different entries under a different salt', async () => {
    const [first, second] = await Promise.all([
      sealLookup(index, salt(), ITERATIONS),
      sealLookup(index, salt(), ITERATIONS),
    ]);
    const shared = Object.keys(first.entries).filter((entry) => entry in second.entries);
    expect(shared).toEqual([]);
  });

  it('reads an altered entry as not found rather than a wrong answer', async () => {
    const sealed = await sealLookup(index, salt(), ITERATIONS);
    const altered: SealedLookup = {
      ...sealed,
      entries: Object.fromEntries(
        Object.entries(sealed.entries).map(([key, texts]) => [
          key,
          texts.map((text) => `${text.startsWith('A') ? 'B' : 'A'}${text.slice(1)}`),
        ]),
      ),
    };
    expect(await open(altered, '欧阳娜娜', '361102201205190322')).toEqual([]);
  });

  it('tells a sealed lookup file from anything else', () => {
    expect(isSealedLookup(null)).toBe(false);
    expect(isSealedLookup({ format: 'other' })).toBe(false);
    expect(isSealedLookup({ format: 'sunshine-class-draw/sealed-lookup/v2', kdf: { iterations: 1 } })).toBe(false);
    const entries = {};
    expect(isSealedLookup({ format: SEALED_LOOKUP_FORMAT, kdf: { iterations: 1000, salt: 'AA==' }, entries })).toBe(
      true,
    );
    // The format of the last-4 keys: its keys would never match the page's, so it is refused, not misread.
    const v1 = { format: 'sunshine-class-draw/sealed-lookup/v1', kdf: { iterations: 1000, salt: 'AA==' }, entries };
    expect(isSealedLookup(v1)).toBe(false);
    expect(isSealedLookup({ format: SEALED_LOOKUP_FORMAT, kdf: { iterations: 0, salt: 'AA==' }, entries })).toBe(false);
  });
});
