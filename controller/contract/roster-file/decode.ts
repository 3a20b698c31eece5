/** Roster files come from Excel and school systems in UTF-8 (with or without BOM), GBK/GB18030 or UTF-16. */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  /** The text without any byte-order mark. */
  readonly text: string;
  readonly encoding: TextEncodingName;
}

/**
 * Detects the encoding from the bytes themselves, never from the file name: a BOM wins; otherwise text that is valid
 * UTF-8 is UTF-8 (GBK text with Chinese in it practically never is), else GB18030, a superset of GBK and GB2312.
 * Returns null for bytes that are text in none of these (a binary file).
 */
export function decodeText(bytes: Uint8Array): DecodedText | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeStrictly(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeStrictly(bytes, 'utf-16be');
  if (bytes.includes(0)) return null;
  return decodeStrictly(bytes, 'utf-8') ?? decodeStrictly(bytes, 'gb18030');
}

function decodeStrictly(bytes: Uint8Array, encoding: TextEncodingName): DecodedText | null {
  try {
    // The decoder drops a leading BOM itself (ignoreBOM defaults to false).
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return text.includes('\0') ? null : { text, encoding };
  } catch {
    return null;
  }
}
