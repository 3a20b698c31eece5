import { pinyin } from 'pinyin-pro';

/** How strictly students' names must differ to share a class. */
export type NameSeparation = 'exact' | 'sound';

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
