/**
 * Text in the legacy East Asian encodings a roster may arrive in (Big5, Shift-JIS, GBK). Node and browsers only
 * decode these, so a test encodes by inverting the platform's own decoder: every one- and two-byte sequence it maps
 * to one character gives that character's bytes.
 */

export type LegacyEncoding = 'big5' | 'shift_jis' | 'gbk';

const tables = new Map<LegacyEncoding, ReadonlyMap<string, readonly number[]>>();

function tableOf(encoding: LegacyEncoding): ReadonlyMap<string, readonly number[]> {
  const cached = tables.get(encoding);
  if (cached !== undefined) return cached;
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, readonly number[]>();
  const add = (bytes: readonly number[]) => {
    const text = decoder.decode(new Uint8Array(bytes));
    if ([...text].length === 1 && text !== '\ufffd' && !table.has(text)) table.set(text, bytes);
  };
  for (let byte = 0; byte < 0x80; byte += 1) add([byte]);
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) add([lead, trail]);
  }
  tables.set(encoding, table);
  return table;
}

/** The bytes of `text` in `encoding`; throws on a character the encoding lacks, so a test never encodes silently wrong. */
export function encodeLegacy(text: string, encoding: LegacyEncoding): Uint8Array {
  const table = tableOf(encoding);
  return new Uint8Array(
    [...text].flatMap((character) => {
      const bytes = table.get(character);
      if (bytes === undefined) throw new Error(`${encoding} has no ${character}`);
      return bytes;
    }),
  );
}
