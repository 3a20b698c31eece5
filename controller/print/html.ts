/**
 * The pieces every printed A4 document shares: the page frame (margins, running head, footer with fingerprints and
 * page numbers), the document heading, the copy label, fingerprint blocks, QR codes, signature lines and stamp areas.
 * Strings only; `embedFonts` (fonts.ts) inlines the font faces last.
 *
 * Running head and footer are CSS page-margin boxes rather than Chromium's header/footer templates: they print the
 * same from the HTML file in any current Chrome or Edge, and `counter(page)` / `counter(pages)` count each file's
 * own pages — one file per copy, so every copy reads 第 1 页 / 共 N 页 on its own.
 */
import type { Check } from '../../engine/assign/metrics.ts';
import type { SealRecord } from '../../engine/ceremony/state.ts';
import { groupHex } from '../contract/format.ts';
import { qrPath } from '../contract/qr.ts';
import { escapeHtml } from '../publication/render.ts';
import { FONT_FAMILY, FONTS_PLACEHOLDER } from './fonts.ts';

// One escaping for the printed documents and the result pages.
export { escapeHtml };

/** A string as a CSS string literal, for the `content` of the page-margin boxes. */
function cssString(text: string): string {
  return `"${text.replace(/["\\]/g, (character) => `\\${character}`).replace(/\n/g, '\\A ')}"`;
}

/** The first 8 hex digits: what the footers print, to be compared with the full value in the fingerprint block. */
export const shortHash = (hex: string) => hex.slice(0, 8);

export interface PageFrame {
  /** Top of every page, e.g. the school and the document's name. */
  readonly runningHead: string;
  /** Bottom left of every page: short fingerprints. */
  readonly footerLeft: string;
  /** Bottom right, before the page number: e.g. 第 1 份 / 共 4 份. */
  readonly footerRight: string;
}

const PRINT_CSS = `
*{box-sizing:border-box}
html{font-family:'${FONT_FAMILY}',sans-serif;font-size:10pt;color:#111;line-height:1.45;
  -webkit-print-color-adjust:exact;print-color-adjust:exact;font-variant-numeric:tabular-nums}
body{margin:0}
h1,h2,h3{margin:0;font-weight:700;break-after:avoid}
.en{color:#555;font-size:.82em;font-weight:400}
.doc-head{display:flex;justify-content:space-between;align-items:flex-start;gap:8mm;
  border-bottom:.6mm double #b22222;padding-bottom:3mm;margin-bottom:4mm}
.doc-head .event{color:#b22222;font-size:10.5pt;margin:0 0 1mm}
.doc-head h1{font-size:17pt;letter-spacing:.05em}
.doc-head .subtitle{margin:1mm 0 0;font-size:10pt}
.copy-label{flex:none;border:.5mm solid #111;padding:2mm 3mm;text-align:center;min-width:44mm}
.copy-label strong{display:block;font-size:14pt;letter-spacing:.05em}
.copy-label span{display:block;font-size:9pt}
.facts{display:flex;flex-wrap:wrap;gap:1mm 6mm;margin:0 0 4mm;padding:0;list-style:none}
ul.note{list-style:none;padding-left:2mm}
table{width:100%;border-collapse:collapse;margin:0 0 4mm}
thead{display:table-header-group}
tr{break-inside:avoid}
th,td{border:.25mm solid #444;padding:.9mm 2mm;text-align:left;vertical-align:middle}
th{background:#f1ece4;font-weight:700;font-size:9pt}
th .en{display:block;font-size:7pt}
td.number,th.number{text-align:right}
tbody tr:nth-child(even) td{background:#faf8f4}
th.caption{background:none;border:0;font-size:12pt;padding:0 0 1.5mm}
th.caption .counts{font-size:9.5pt;font-weight:400;margin-left:3mm}
table.roster td{padding:0 2mm;font-size:9pt;line-height:4.1mm}
table.roster .mono{font-size:8.5pt}
th.caption .en{display:inline;margin-left:1.5mm}
.mono{font-family:'DejaVu Sans Mono',Consolas,monospace;font-size:9pt;letter-spacing:.02em;word-break:break-all}
code{font-family:'DejaVu Sans Mono',Consolas,monospace;font-size:.95em;white-space:nowrap}
.subtitle .en{display:block}
section.page{break-before:page}
section.keep{break-inside:avoid}
.fingerprints{display:grid;grid-template-columns:max-content 1fr;gap:1.2mm 4mm;margin:0 0 4mm;
  border:.25mm solid #444;padding:2.5mm 3mm}
.fingerprints dt{font-weight:700;font-size:9pt}
.fingerprints dt .en{display:block;font-size:7pt}
.fingerprints dd{margin:0;align-self:center}
.qr-row{display:flex;gap:8mm;margin:0 0 4mm;align-items:flex-start}
.qr-row .note{flex:1}
.qr{text-align:center;font-size:8.5pt}
.qr{margin:0}
.qr svg{display:block;width:32mm;height:32mm;margin:0 auto 1mm}
.signatures{display:grid;grid-template-columns:1fr 1fr;gap:4mm 10mm;margin:5mm 0 3mm}
.signature{border-bottom:.3mm solid #111;padding-bottom:1mm;min-height:10mm;display:flex;align-items:flex-end;gap:2mm}
.stamps{display:flex;justify-content:space-around;margin:3mm 0 0}
.stamp{width:36mm;height:36mm;border:.3mm dashed #888;border-radius:50%;display:flex;align-items:center;
  justify-content:center;text-align:center;color:#777;font-size:9pt}
.note{font-size:9pt;color:#333;margin:0 0 3mm}
`;

/** A complete A4 document, still without its fonts (`embedFonts`). */
export function a4Document(title: string, frame: PageFrame, body: string): string {
  const margin = (content: string, size: string) =>
    `content:${cssString(content)};font-family:'${FONT_FAMILY}',sans-serif;font-size:${size};color:#444`;
  const page =
    `@page{size:A4;margin:14mm 14mm 15mm;` +
    `@top-left{${margin(frame.runningHead, '8pt')}}` +
    `@bottom-left{${margin(frame.footerLeft, '7pt')};white-space:pre}` +
    `@bottom-right{content:${cssString(`${frame.footerRight} · 第 `)} counter(page) " 页 / 共 " counter(pages) " 页";` +
    `font-family:'${FONT_FAMILY}',sans-serif;font-size:8pt;color:#111}}`;
  return htmlDocument(title, `${page}${PRINT_CSS}`, body);
}

/** The HTML skeleton; `embedFonts` puts the font faces where the placeholder is. */
export function htmlDocument(title: string, css: string, body: string): string {
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<style>${FONTS_PLACEHOLDER}\n${css}</style></head><body>${body}</body></html>`
  );
}

export interface Heading {
  readonly event: string;
  readonly zh: string;
  readonly en: string;
  readonly subtitle: string;
}

/** Event line, title and subtitle, with an optional copy label on the right. */
export function docHead(heading: Heading, copy: CopyLabel | null): string {
  const label =
    copy === null
      ? ''
      : `<div class="copy-label"><strong>第 ${copy.number} 份 / 共 ${copy.of} 份</strong>` +
        `<span>${escapeHtml(copy.zh)}</span><span class="en">copy ${copy.number} of ${copy.of} · ${escapeHtml(copy.en)}</span></div>`;
  return (
    `<header class="doc-head"><div>` +
    (heading.event === '' ? '' : `<p class="event">${escapeHtml(heading.event)}</p>`) +
    `<h1>${escapeHtml(heading.zh)}</h1><p class="en">${escapeHtml(heading.en)}</p>` +
    `<p class="subtitle">${heading.subtitle}</p></div>${label}</header>`
  );
}

export interface CopyLabel {
  readonly number: number;
  readonly of: number;
  readonly zh: string;
  readonly en: string;
}

/** A bilingual label: 计划哈希 <span class="en">plan hash</span>. */
export const label = (zh: string, en: string) => `${escapeHtml(zh)} <span class="en">${escapeHtml(en)}</span>`;

export interface Fingerprint {
  readonly zh: string;
  readonly en: string;
  /** A hex value (printed in groups) or plain text. */
  readonly value: string;
}

/** The external public value every seed took, as typed (source and value); none when the seal named no source. */
export function publicValueFingerprints(seal: SealRecord): Fingerprint[] {
  const { publicValue } = seal;
  if (publicValue === null) return [];
  return [{ zh: '外部公开随机值', en: 'public value', value: `${publicValue.source}：${publicValue.value ?? '—'}` }];
}

export function fingerprintBlock(fingerprints: readonly Fingerprint[]): string {
  const rows = fingerprints.map(
    (entry) =>
      `<dt>${label(entry.zh, entry.en)}</dt><dd class="${/^[0-9a-f]{16,}$/.test(entry.value) ? 'mono' : ''}">` +
      `${escapeHtml(/^[0-9a-f]{16,}$/.test(entry.value) ? groupHex(entry.value, 8) : entry.value)}</dd>`,
  );
  return `<dl class="fingerprints">${rows.join('')}</dl>`;
}

/** A QR code as inline SVG: crisp at any print resolution and in screenshots. */
export function qrSvg(text: string): string {
  const { size, path } = qrPath(text);
  return (
    `<svg viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges" role="img" aria-label="${escapeHtml(text)}">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  );
}

/** A QR code with its caption beneath. */
export function qrFigure(text: string, captionZh: string, captionEn: string): string {
  return `<figure class="qr">${qrSvg(text)}<figcaption>${label(captionZh, captionEn)}</figcaption></figure>`;
}

export interface Signer {
  readonly zh: string;
  readonly en: string;
  /** Printed before the line when known (e.g. the notary's name). */
  readonly name: string;
}

export function signatureLines(signers: readonly Signer[]): string {
  const lines = signers.map(
    (signer) =>
      `<div class="signature">${label(`${signer.zh}（签字）`, signer.en)}` +
      (signer.name === '' ? '' : `<span>${escapeHtml(signer.name)}</span>`) +
      `</div>`,
  );
  return `<div class="signatures">${lines.join('')}</div>`;
}

/** Dashed circles where the bureau and the school put their seals. */
export function stampAreas(areas: readonly { zh: string; en: string }[]): string {
  const circles = areas.map(
    (area) =>
      `<div class="stamp"><div>${escapeHtml(area.zh)}<br><span class="en">${escapeHtml(area.en)}</span></div></div>`,
  );
  return `<div class="stamps">${circles.join('')}</div>`;
}

/**
 * A table with bilingual column heads; cells are HTML the caller escaped. A `caption` becomes the first head row, so
 * a list that flows onto more pages says on each page whose list it is.
 */
export function table(
  columns: readonly { zh: string; en: string; number?: boolean }[],
  rows: readonly (readonly string[])[],
  caption: string | null = null,
): string {
  const numeric = (index: number) => (columns[index]?.number === true ? ' class="number"' : '');
  const head = columns.map((column, index) => `<th${numeric(index)}>${label(column.zh, column.en)}</th>`).join('');
  const captionRow = caption === null ? '' : `<tr><th class="caption" colspan="${columns.length}">${caption}</th></tr>`;
  const body = rows
    .map((cells) => `<tr>${cells.map((cell, index) => `<td${numeric(index)}>${cell}</td>`).join('')}</tr>`)
    .join('');
  return `<table${caption === null ? '' : ' class="roster"'}><thead>${captionRow}<tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** ✓ 各班人数差 1（≤ 1）: a balance check with its measured value and its limit, Chinese only (for compact lists). */
export function checkZh(check: Check): string {
  return `${check.ok ? '✓' : '✗'} ${escapeHtml(check.zh)} ${check.value}（≤ ${check.limit}）`;
}
