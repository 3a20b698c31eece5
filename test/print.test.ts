/**
 * `sunshine export print | media` end to end through Debian's Chromium: the PDFs' text is extracted and checked (copy
 * labels, page numbers, names, fingerprints, the bundled CJK font), the media image measured, and the refusals and
 * the no-browser fallback exercised.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openCeremony } from '../controller/ceremony.ts';
import type { SealRecord } from '../engine/ceremony/state.ts';
import { DISPLAY_EVENT } from './display-harness.ts';
import { ceremonyOnDisk, EAST, FORMULA_NAME, sunshineHere as sunshine, WEST } from './print-ceremony.ts';
import { FIXED_SERVICES } from './support/demo-ceremony.ts';

const outDir = () => mkdtempSync(join(tmpdir(), 'sunshine-print-'));

async function pdfPages(file: string): Promise<string[]> {
  const document = await getDocumentProxy(new Uint8Array(readFileSync(file)));
  return (await extractText(document, { mergePages: false })).text;
}

/** The font names a PDF embeds. */
const embeddedFonts = (file: string) =>
  [
    ...readFileSync(file)
      .toString('latin1')
      .matchAll(/\/BaseFont\s*\/([A-Z]{6}\+)?([^\s/]+)/g),
  ].map((match) => match[2]!);

function sealOf(dataDir: string): SealRecord {
  const ceremony = openCeremony(dataDir, FIXED_SERVICES);
  const { seal } = ceremony.service.state;
  ceremony.log.close();
  return seal!;
}

afterEach(() => vi.unstubAllEnvs());

describe('sunshine export print, a school published', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await ceremonyOnDisk('east-published');
  });

  it("prints the school's lists in four labelled copies, each numbered on its own, in the bundled font", async () => {
    const out = outDir();
    const result = await sunshine('export', 'print', '--data', dataDir, '--out', out, '--school', EAST.plan.name);
    expect(result.code, result.stderr).toBe(0);
    const file = join(out, '东湖小学-分班名单.pdf');
    const pages = await pdfPages(file);
    const perCopy = pages.length / 4;
    expect(Number.isInteger(perCopy) && perCopy >= 3).toBe(true);
    const seal = sealOf(dataDir);

    for (const copy of [1, 2, 3, 4]) {
      const copyPages = pages.slice((copy - 1) * perCopy, copy * perCopy);
      copyPages.forEach((text, index) => {
        expect(text).toContain(`第 ${copy} 份 / 共 4 份 · 第 ${index + 1} 页 / 共 ${perCopy} 页`);
        expect(text).toContain(`计划 plan ${seal.planHash.slice(0, 8)}`);
        expect(text).toContain(`承诺 commitment ${seal.commitment.slice(0, 8)}`);
      });
      const whole = copyPages.join('\n');
      expect(whole).toContain('东湖小学 一年级分班名单');
      expect(whole).toContain(DISPLAY_EVENT.title);
      // Full names on the official list; the formula-like name printed as text.
      for (const student of EAST.roster.students.slice(1)) expect(whole).toContain(student.name);
      expect(whole).toContain(FORMULA_NAME);
      // The fingerprint block carries the full hashes, in groups of eight.
      expect(whole).toContain(seal.planHash.slice(0, 8) + ' ' + seal.planHash.slice(8, 16));
      expect(whole).toContain('公证员（签字）');
      expect(whole).toContain('区教育局（盖章）');
    }
    expect(pages[0]).toContain('区教育局基础教育科 存');
    expect(pages[3 * perCopy]).toContain('学校存档');
    const fonts = embeddedFonts(file);
    expect(fonts.some((font) => font.startsWith('NotoSansSC'))).toBe(true);
    // Every CJK glyph comes from the bundled font, none from whatever this machine has installed.
    expect(fonts.filter((font) => /CJK|WenQuanYi|Droid|YaHei|SimSun/i.test(font))).toEqual([]);
  });

  it('refuses the lists of a school not yet published (exit 3), and says so in both languages', async () => {
    const out = join(outDir(), 'none');
    const result = await sunshine('export', 'print', '--data', dataDir, '--out', out, '--school', WEST.plan.name);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('西山中学 的分班结果尚未公示');
    expect(result.stderr).toContain("西山中学's classes are not published yet");
    expect(existsSync(out)).toBe(false);
  });

  it('makes the media image 1080 pixels wide, portrait', async () => {
    const out = outDir();
    const result = await sunshine(
      'export',
      'media',
      '--data',
      dataDir,
      '--out',
      out,
      '--public-url',
      'https://results.example.org/',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('西山中学');
    const png = readFileSync(join(out, '东湖小学-分班结果.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(1080);
    expect(height).toBeGreaterThan(width);
    expect(existsSync(join(out, '西山中学-分班结果.png'))).toBe(false);
  });

  it('writes printable HTML and explains how to install a browser when none is found', async () => {
    vi.stubEnv('SUNSHINE_CHROMIUM', '/nonexistent/chromium');
    const out = outDir();
    const result = await sunshine('export', 'print', '--data', dataDir, '--out', out, '--school', EAST.plan.name);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('SUNSHINE_CHROMIUM');
    expect(result.stderr).toContain('wrote the HTML files instead');
    const files = readdirSync(out).sort();
    expect(files).toEqual([1, 2, 3, 4].map((copy) => `东湖小学-分班名单-第${copy}份.html`).sort());
    const html = readFileSync(join(out, files[0]!), 'utf8');
    expect(html).toContain('第 1 份 / 共 4 份');
    expect(html).toContain("@font-face{font-family:'Noto Sans SC'");
    expect(html).not.toMatch(/https?:\/\/(?!evil\.example)/);
  });
});

describe('sunshine export print, the ceremony closed', () => {
  it('prints the seal certificate and the final report with the commitment, the secret and how to verify', async () => {
    const dataDir = await ceremonyOnDisk('closed');
    const out = outDir();
    const result = await sunshine(
      'export',
      'print',
      '--data',
      dataDir,
      '--out',
      out,
      '--public-url',
      'http://10.0.0.5:8080',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(
      ['仪式总报告.pdf', '封装证书.pdf', '东湖小学-分班名单.pdf', '西山中学-分班名单.pdf'].sort(),
    );
    const seal = sealOf(dataDir);
    const grouped = (hex: string) => hex.match(/.{8}/g)!.join(' ');

    const certificate = (await pdfPages(join(out, '封装证书.pdf'))).join('\n');
    for (const hash of [seal.buildHash, seal.planHash, seal.commitment]) expect(certificate).toContain(grouped(hash));
    expect(certificate).not.toContain(grouped(seal.secretHex));
    expect(certificate).toContain(DISPLAY_EVENT.notary);
    expect(certificate).toMatch(/封装时间\s*sealed at\s*2026年8月20日/);

    const report = (await pdfPages(join(out, '仪式总报告.pdf'))).join('\n');
    expect(report).toContain(grouped(seal.secretHex));
    expect(report).toContain(grouped(seal.commitment));
    expect(report).toContain('✓ 与承诺一致');
    expect(report).toContain('npx sunshine verify');
    expect(report).toContain('http://10.0.0.5:8080/verify');
    expect(report).toContain('东湖小学');
    expect(report).toContain('西山中学');
  });
});
