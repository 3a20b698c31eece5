import { pinyin } from 'pinyin-pro';
import type { NameClasses, Student } from './roster.ts';

/** How strictly students' names must differ to share a class. */
export type NameSeparation = 'exact' | 'sound' | 'dialect';

/** The name as people read it: compatibility forms folded (full-width letters), spaces and case ignored. */
export function exactNameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/**
 * The name as people hear it: toneless pinyin, syllables kept apart so that 西安 (xi an) and 先 (xian) differ.
 * Surname readings follow the surname table (单 shan, 曾 zeng, 解 xie).
 */
export function soundNameKey(name: string): string {
  const syllables = pinyin(exactNameKey(name), {
    toneType: 'none',
    type: 'array',
    surname: 'head',
    v: true,
  });
  return syllables.join(' ');
}

const soundKeyOfRecord = new WeakMap<{ readonly name: string }, string>();

/**
 * soundNameKey of a record's name, remembered per record: a draw and its re-check read the same student records,
 * and converting to pinyin is the costliest step of both.
 */
function recordSoundKey(record: { readonly name: string }): string {
  let key = soundKeyOfRecord.get(record);
  if (key === undefined) {
    key = soundNameKey(record.name);
    soundKeyOfRecord.set(record, key);
  }
  return key;
}

/** Initials many southern speakers (Jiangxi included) do not tell apart, folded to one of each pair. */
const MERGED_INITIALS: readonly (readonly [string, string])[] = [
  ['zh', 'z'],
  ['ch', 'c'],
  ['sh', 's'],
  ['n', 'l'],
  ['r', 'l'],
  ['h', 'f'],
];
/** Finals merged the same way: front and back nasals. */
const MERGED_FINALS: readonly (readonly [string, string])[] = [
  ['iang', 'ian'],
  ['uang', 'uan'],
  ['ang', 'an'],
  ['eng', 'en'],
  ['ing', 'in'],
];

/**
 * The name as a dialect speaker may hear it: toneless pinyin with the commonly merged sounds folded together
 * (z/zh, c/ch, s/sh, l/n, f/h, r/l, an/ang, en/eng, in/ing, ian/iang, uan/uang), so 张 and 藏, 刘 and 牛 match.
 */
export function dialectNameKey(soundKey: string): string {
  return soundKey
    .split(' ')
    .map((syllable) => {
      const initial = MERGED_INITIALS.find(([from]) => syllable.startsWith(from));
      const folded = initial === undefined ? syllable : initial[1] + syllable.slice(initial[0].length);
      const final = MERGED_FINALS.find(([from]) => folded.endsWith(from));
      return final === undefined ? folded : folded.slice(0, -final[0].length) + final[1];
    })
    .join(' ');
}

/** Which key of a name a rule compares: the name as read, as heard, or as a dialect speaker hears it. */
export type NameKeyKind = 'exact' | 'sound' | 'dialect';

/**
 * What the name rules compare students by: a key computed from the name, or a published roster's class number. A
 * number never equals a string, so a class can never match a computed key by accident.
 */
export type NameKey = string | number;

type NameSource = Pick<Student, 'name' | 'nameClasses'>;

/**
 * The one way the engine reads a name: the published roster's class where the student has name classes, the key
 * computed from the name otherwise. Classes keep exactly the students with equal keys equal, so a draw gives the same
 * classes on either (engine/ceremony/name-classes.test.ts).
 */
export function nameKey(student: NameSource, kind: NameKeyKind): NameKey {
  const classes = student.nameClasses;
  if (classes === undefined) {
    switch (kind) {
      case 'exact':
        return exactNameKey(student.name);
      case 'sound':
        return recordSoundKey(student);
      case 'dialect':
        return dialectNameKey(recordSoundKey(student));
    }
  }
  if (kind === 'exact') return classes.exact;
  if (kind === 'sound' && 'sound' in classes) return classes.sound;
  if (kind === 'dialect' && 'dialect' in classes) return classes.dialect;
  // Only a published roster drawn under another names rule than the one it was published for gets here.
  throw new Error(
    `名单的姓名类别中没有“${kind}”类（名单按另一姓名规则发布）/ the roster's name classes have no "${kind}" class ` +
      '(it was published for another names rule)',
  );
}

/**
 * What names must also differ in to share a class, beyond being identical: their sound, or their sound as a dialect
 * speaker hears it; null when only identical names are kept apart.
 */
export function soundAlikeKey(student: NameSource, separation: NameSeparation): NameKey | null {
  return separation === 'exact' ? null : nameKey(student, separation);
}

/**
 * The name classes of a roster's students, in their order: each key the `separation` rule compares (the exact key,
 * and the sound or dialect key it uses) numbered 1, 2 … by first appearance. Exactly the equalities the draw reads,
 * and nothing of the names themselves.
 */
export function nameClassesOf(students: readonly NameSource[], separation: NameSeparation): NameClasses[] {
  const exactClass = numberByFirstAppearance();
  const alikeClass = numberByFirstAppearance();
  return students.map((student): NameClasses => {
    const exact = exactClass(nameKey(student, 'exact'));
    switch (separation) {
      case 'exact':
        return { exact };
      case 'sound':
        return { exact, sound: alikeClass(nameKey(student, 'sound')) };
      case 'dialect':
        return { exact, dialect: alikeClass(nameKey(student, 'dialect')) };
    }
  });
}

function numberByFirstAppearance(): (key: NameKey) => number {
  const numbers = new Map<NameKey, number>();
  return (key) => {
    const known = numbers.get(key);
    if (known !== undefined) return known;
    numbers.set(key, numbers.size + 1);
    return numbers.size;
  };
}
