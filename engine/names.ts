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
