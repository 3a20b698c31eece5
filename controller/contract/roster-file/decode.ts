/**
 * Roster files come from Excel and school systems in UTF-8 (with or without BOM), GBK/GB18030 or UTF-16, and now and
 * then in Big5 (traditional Chinese). The encoding is detected from the bytes, never from the file name, and a reading
 * that does not look like Chinese text is refused rather than imported as nonsense names.
 */

import type { RosterIssue } from './issue.ts';
import { encodingIssues } from './file-messages.ts';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

/** Encodings as messages name them. */
const ENCODING_NAME: Readonly<Record<TextEncodingName, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GB18030 (GBK)',
  big5: 'Big5',
};

export interface DecodedText {
  /** The text without any byte-order mark. */
  readonly text: string;
  readonly encoding: TextEncodingName;
}

export interface TextDecoding {
  /** Null when the bytes cannot be read as text with confidence; `issues` then says why. */
  readonly decoded: DecodedText | null;
  /** Why the bytes were refused, or warnings about an unusual encoding they were read in. */
  readonly issues: readonly RosterIssue[];
}

/** What a legacy encoding's reading must reach to be trusted: the share of its characters that are common ones. */
const PLAUSIBLE_SHARE = 0.8;
/** …and how far it must lead the other legacy encoding's reading, so that a close call is refused, not guessed. */
const CLEAR_LEAD = 0.2;
/** Share of UTF-16 code units that must have a zero byte on one side (ASCII: digits, commas, line ends) to read it. */
const UTF16_ASCII_SHARE = 0.2;

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const HAN_ALL = /\p{Script=Han}/gu;
// Matching control characters is the point: text without a BOM holding any but tab and line ends is not text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/;

/**
 * A UTF-16 BOM wins; otherwise text that is valid UTF-8 is UTF-8 (GBK text with Chinese in it practically never is).
 * Bytes that are not UTF-8 are read as GB18030 (a superset of GBK and GB2312) or Big5, whichever reads as common
 * Chinese characters; neither or both, and the file is refused. A file that is UTF-8 on some lines and not on others,
 * or UTF-8 cut off mid-character, is refused with the lines named.
 */
export function decodeText(bytes: Uint8Array): TextDecoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return withUtf16Bom(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return withUtf16Bom(bytes, 'utf-16be');
  if (bytes.includes(0)) return utf16WithoutBom(bytes) ?? refused(encodingIssues.binary());

  const hasUtf8Bom = UTF8_BOM.every((byte, index) => bytes[index] === byte);
  const body = hasUtf8Bom ? bytes.subarray(UTF8_BOM.length) : bytes;
  const utf8 = decodeStrictly(body, 'utf-8');
  if (utf8 !== null) return { decoded: { text: utf8, encoding: 'utf-8' }, issues: [] };

  const truncatedLine = truncatedUtf8Line(body);
  if (truncatedLine !== null) return refused(encodingIssues.truncated(truncatedLine));
  const mixed = mixedUtf8Lines(body);
  if (mixed !== null) return refused(encodingIssues.mixed(mixed.utf8, mixed.other));

  const legacy = legacyReading(body);
  if ('tried' in legacy) {
    const tried = legacy.tried.map(({ encoding, commonShare }) => ({ encoding: ENCODING_NAME[encoding], commonShare }));
    return refused(encodingIssues.unknown(tried));
  }
  const warnings = [
    ...(legacy.encoding === 'big5' ? [encodingIssues.big5()] : []),
    ...(hasUtf8Bom ? [encodingIssues.bomMismatch(ENCODING_NAME[legacy.encoding])] : []),
  ];
  return { decoded: legacy, issues: warnings };
}

function refused(issue: RosterIssue): TextDecoding {
  return { decoded: null, issues: [issue] };
}

function decodeStrictly(bytes: Uint8Array, encoding: TextEncodingName): string | null {
  try {
    // The decoder drops a leading UTF-16 BOM itself (ignoreBOM defaults to false).
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return text.includes('\0') ? null : text;
  } catch {
    return null;
  }
}

function withUtf16Bom(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): TextDecoding {
  const text = decodeStrictly(bytes, encoding);
  return text === null ? refused(encodingIssues.brokenUtf16()) : { decoded: { text, encoding }, issues: [] };
}

/**
 * "Unicode text" saved without its BOM: ASCII characters (every CSV has commas, digits and line ends) leave a zero
 * byte in each of their code units, on the high side, which tells the byte order.
 */
function utf16WithoutBom(bytes: Uint8Array): TextDecoding | null {
  if (bytes.length % 2 !== 0) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  bytes.forEach((byte, index) => {
    if (byte === 0) {
      if (index % 2 === 0) evenZeros += 1;
      else oddZeros += 1;
    }
  });
  const units = bytes.length / 2;
  const looksLike = (zeros: number, others: number) => zeros >= units * UTF16_ASCII_SHARE && others * 4 <= zeros;
  const encoding = looksLike(oddZeros, evenZeros) ? 'utf-16le' : looksLike(evenZeros, oddZeros) ? 'utf-16be' : null;
  if (encoding === null) return null;
  const text = decodeStrictly(bytes, encoding);
  if (text === null || CONTROL.test(text)) return null;
  return { decoded: { text, encoding }, issues: [encodingIssues.utf16WithoutBom(ENCODING_NAME[encoding])] };
}

/** The 1-based line that UTF-8 text ends in the middle of a character on (a copy or download cut short), or null. */
function truncatedUtf8Line(bytes: Uint8Array): number | null {
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut += 1) {
    const lead = bytes[bytes.length - cut] ?? 0;
    if (lead >= 0xc0 && decodeStrictly(bytes.subarray(0, bytes.length - cut), 'utf-8') !== null) {
      return lineCount(bytes.subarray(0, bytes.length - cut));
    }
  }
  return null;
}

function lineCount(bytes: Uint8Array): number {
  let lines = 1;
  for (const byte of bytes) if (byte === 0x0a) lines += 1;
  return lines;
}

/**
 * Lines that are UTF-8 Chinese next to lines that are not UTF-8 at all: a file pieced together from two sources. A
 * line of GBK Chinese that happens to be valid UTF-8 too is vanishingly rare, so the verdict is safe.
 */
function mixedUtf8Lines(bytes: Uint8Array): { utf8: number[]; other: number[] } | null {
  const utf8: number[] = [];
  const other: number[] = [];
  let start = 0;
  let line = 1;
  for (let index = 0; index <= bytes.length; index += 1) {
    if (index < bytes.length && bytes[index] !== 0x0a) continue;
    const lineBytes = bytes.subarray(start, index);
    if (lineBytes.some((byte) => byte >= 0x80)) {
      const text = decodeStrictly(lineBytes, 'utf-8');
      if (text === null) other.push(line);
      else if ((text.match(HAN_ALL) ?? []).length >= 2) utf8.push(line);
    }
    start = index + 1;
    line += 1;
  }
  return utf8.length > 0 && other.length > 0 ? { utf8, other } : null;
}

type LegacyEncoding = 'gb18030' | 'big5';

/** How a legacy encoding read the bytes: the share of common characters, or null when the bytes are invalid in it. */
interface LegacyTrial {
  readonly encoding: LegacyEncoding;
  readonly commonShare: number | null;
}

function legacyReading(bytes: Uint8Array): DecodedText | { tried: LegacyTrial[] } {
  const readings = (['gb18030', 'big5'] as const).map((encoding) => {
    const text = decodeStrictly(bytes, encoding);
    return { encoding, text, commonShare: text === null ? null : commonShare(text, encoding) };
  });
  const score = (reading: { commonShare: number | null } | undefined) => reading?.commonShare ?? 0;
  const [best, runnerUp] = [...readings].sort((a, b) => score(b) - score(a));
  if (best?.text && score(best) >= PLAUSIBLE_SHARE && score(best) - score(runnerUp) >= CLEAR_LEAD) {
    return { text: best.text, encoding: best.encoding };
  }
  return { tried: readings.map(({ encoding, commonShare }) => ({ encoding, commonShare })) };
}

/**
 * Share of the non-ASCII characters that are common ones of that encoding: GB2312's punctuation and 6,763 hanzi for
 * GB18030, Big5's punctuation and 5,401 frequent hanzi for Big5. Text read in the wrong one of the two is full of
 * rare hanzi, Cyrillic, kana, box drawing and private-use characters, and scores about a third.
 */
function commonShare(text: string, encoding: LegacyEncoding): number {
  const common = commonCharacters(encoding);
  let all = 0;
  let found = 0;
  for (const character of text) {
    if (character.charCodeAt(0) < 0x80) continue;
    all += 1;
    if (common.has(character)) found += 1;
  }
  return all === 0 ? 1 : found / all;
}

/** Lead and trail byte ranges of each encoding's common characters, decoded once when first needed. */
const COMMON_RANGES: Readonly<Record<LegacyEncoding, readonly (readonly [number, number, readonly number[]])[]>> = {
  gb18030: [
    [0xa1, 0xa3, range(0xa1, 0xfe)],
    [0xb0, 0xf7, range(0xa1, 0xfe)],
  ],
  big5: [
    [0xa1, 0xa3, [...range(0x40, 0x7e), ...range(0xa1, 0xfe)]],
    [0xa4, 0xc5, [...range(0x40, 0x7e), ...range(0xa1, 0xfe)]],
    [0xc6, 0xc6, range(0x40, 0x7e)],
  ],
};

const commonSets = new Map<LegacyEncoding, ReadonlySet<string>>();

function commonCharacters(encoding: LegacyEncoding): ReadonlySet<string> {
  const cached = commonSets.get(encoding);
  if (cached !== undefined) return cached;
  const bytes: number[] = [];
  for (const [firstLead, lastLead, trails] of COMMON_RANGES[encoding]) {
    for (let lead = firstLead; lead <= lastLead; lead += 1) for (const trail of trails) bytes.push(lead, trail);
  }
  const set = new Set<string>();
  for (const character of new TextDecoder(encoding).decode(new Uint8Array(bytes))) {
    if (character !== '\ufffd' && !/\p{Co}/u.test(character)) set.add(character);
  }
  commonSets.set(encoding, set);
  return set;
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}
