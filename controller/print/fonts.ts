/**
 * The bundled Noto Sans SC, inlined into a document as `@font-face` rules with data URLs: the HTML file then prints
 * the same from any browser on any machine, offline, and Chromium's PDF embeds the font. Fontsource splits the font
 * into ~100 subsets by `unicode-range`; only the subsets holding a character of the document are inlined, which keeps
 * a class list to a few megabytes instead of seven.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export const FONT_FAMILY = 'Noto Sans SC';
const WEIGHTS = [400, 700] as const;

interface Subset {
  readonly weight: number;
  readonly file: string;
  readonly ranges: readonly (readonly [number, number])[];
}

let subsets: Promise<Subset[]> | null = null;
const fileCache = new Map<string, Promise<string>>();

/** `@font-face` rules covering every character of `text`, in both weights the documents use. */
async function inlineFontFaces(text: string): Promise<string> {
  const codePoints = [...new Set([...text].map((character) => character.codePointAt(0)!))];
  const needed = (await allSubsets()).filter((subset) =>
    codePoints.some((point) => subset.ranges.some(([from, to]) => point >= from && point <= to)),
  );
  const rules = await Promise.all(
    needed.map(async (subset) => {
      const base64 = await fileBase64(subset.file);
      const range = subset.ranges.map(([from, to]) => `U+${hex(from)}-${hex(to)}`).join(',');
      return (
        `@font-face{font-family:'${FONT_FAMILY}';font-style:normal;font-weight:${subset.weight};` +
        `src:url(data:font/woff2;base64,${base64}) format('woff2');unicode-range:${range}}`
      );
    }),
  );
  return rules.join('\n');
}

function allSubsets(): Promise<Subset[]> {
  subsets ??= Promise.all(WEIGHTS.map(readSubsets)).then((lists) => lists.flat());
  return subsets;
}

/** Reads fontsource's stylesheet for one weight: each block names a woff2 file and its unicode ranges. */
async function readSubsets(weight: number): Promise<Subset[]> {
  const stylesheet = require.resolve(`@fontsource/noto-sans-sc/${weight}.css`);
  const css = await readFile(stylesheet, 'utf8');
  return [...css.matchAll(/url\(\.\/(files\/[^)]+\.woff2)\)[^;]*;\s*unicode-range:\s*([^;]+);/g)].map((match) => ({
    weight,
    file: join(dirname(stylesheet), match[1]!),
    ranges: match[2]!.split(',').map((item) => parseRange(item.trim())),
  }));
}

function parseRange(range: string): readonly [number, number] {
  const [from = '', to = from] = range.replace(/^U\+/i, '').split('-');
  return [parseInt(from, 16), parseInt(to, 16)];
}

function fileBase64(file: string): Promise<string> {
  let cached = fileCache.get(file);
  if (cached === undefined) {
    cached = readFile(file).then((bytes) => bytes.toString('base64'));
    fileCache.set(file, cached);
  }
  return cached;
}

const hex = (value: number) => value.toString(16);

/** Where `htmlDocument` leaves room for the font faces in its stylesheet (a CSS comment until replaced). */
export const FONTS_PLACEHOLDER = '/*sunshine-fonts*/';

/** The document with the font faces for every character it holds (markup included, which costs only Latin). */
export async function embedFonts(html: string): Promise<string> {
  const faces = await inlineFontFaces(html);
  return html.replace(FONTS_PLACEHOLDER, () => faces);
}
