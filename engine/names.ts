import { pinyin } from 'pinyin-pro';

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
export function recordSoundKey(record: { readonly name: string }): string {
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

/**
 * What names must also differ in to share a class, beyond being identical: their sound, or their sound as a dialect
 * speaker hears it; null when only identical names are kept apart.
 */
export function soundAlikeKey(record: { readonly name: string }, separation: NameSeparation): string | null {
  switch (separation) {
    case 'exact':
      return null;
    case 'sound':
      return recordSoundKey(record);
    case 'dialect':
      return dialectNameKey(recordSoundKey(record));
  }
}
