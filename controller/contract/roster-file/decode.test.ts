import { describe, expect, it } from 'vitest';
import { encodeLegacy } from '../../../test/support/legacy-encodings.ts';
import { decodeText } from './decode.ts';

const TEXT = '序号,姓名,性别\r\n1,魏怡诗,女\r\n';

function utf16(text: string, littleEndian: boolean, bom = true): Uint8Array {
  const units = bom ? '\ufeff' + text : text;
  const bytes = new Uint8Array(units.length * 2);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < units.length; index += 1)
    view.setUint16(index * 2, units.charCodeAt(index), littleEndian);
  return bytes;
}

const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(parts.flatMap((part) => [...part]));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const read = (bytes: Uint8Array) => decodeText(bytes).decoded;
const issuesOf = (bytes: Uint8Array) => decodeText(bytes).issues;

/** GB18030 bytes for TEXT, as Excel on a Chinese Windows writes a "CSV (逗号分隔)" file. */
const GBK_BYTES = new Uint8Array([
  0xd0, 0xf2, 0xba, 0xc5, 0x2c, 0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xd0, 0xd4, 0xb1, 0xf0, 0x0d, 0x0a, 0x31, 0x2c, 0xce,
  0xba, 0xe2, 0xf9, 0xca, 0xab, 0x2c, 0xc5, 0xae, 0x0d, 0x0a,
]);

describe('decodeText', () => {
  it('reads UTF-8 with a BOM and drops the BOM', () => {
    expect(decodeText(utf8('\ufeff' + TEXT))).toEqual({ decoded: { text: TEXT, encoding: 'utf-8' }, issues: [] });
  });

  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(utf8(TEXT))).toEqual({ decoded: { text: TEXT, encoding: 'utf-8' }, issues: [] });
  });

  it('detects GBK from the bytes', () => {
    expect(decodeText(GBK_BYTES)).toEqual({ decoded: { text: TEXT, encoding: 'gb18030' }, issues: [] });
  });

  it('reads UTF-16 with either byte order mark', () => {
    expect(read(utf16(TEXT, true))).toEqual({ text: TEXT, encoding: 'utf-16le' });
    expect(read(utf16(TEXT, false))).toEqual({ text: TEXT, encoding: 'utf-16be' });
  });

  it('reads plain ASCII and empty input as UTF-8', () => {
    expect(read(utf8('id,name\n'))).toEqual({ text: 'id,name\n', encoding: 'utf-8' });
    expect(read(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('refuses binary data', () => {
    expect(issuesOf(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]))).toMatchObject([
      { severity: 'error', code: 'unreadable-text' },
    ]);
    expect(read(new Uint8Array([0x81, 0x20, 0xff]))).toBeNull();
  });
});

describe('decodeText on unusual and broken encodings', () => {
  const TRADITIONAL = '學籍號,姓名,性別\r\nG1,陳志明,男\r\nG2,林美玲,女\r\n';

  it('reads Big5, telling so, and GBK of the same bytes would be nonsense', () => {
    const { decoded, issues } = decodeText(encodeLegacy(TRADITIONAL, 'big5'));
    expect(decoded).toEqual({ text: TRADITIONAL, encoding: 'big5' });
    expect(issues).toMatchObject([{ severity: 'warning', code: 'unusual-encoding' }]);
  });

  it('keeps reading GBK as GBK, not Big5, though most GBK bytes are valid Big5 too', () => {
    const text = '学籍号,姓名,性别\r\nG1,陈志明,男\r\nG2,林美玲,女\r\n';
    const bytes = encodeLegacy(text, 'gbk');
    expect(new TextDecoder('big5', { fatal: true }).decode(bytes)).not.toBe(text);
    expect(decodeText(bytes)).toEqual({ decoded: { text, encoding: 'gb18030' }, issues: [] });
  });

  it('refuses Shift-JIS, saying what each encoding tried made of it', () => {
    const issues = issuesOf(encodeLegacy('学籍番号,氏名,性別\r\nG1,山田太郎,男\r\n', 'shift_jis'));
    expect(issues).toMatchObject([{ severity: 'error', code: 'unknown-encoding', row: null }]);
    expect(issues[0]?.zh).toMatch(/UTF-8.*GB18030 \(GBK\)（.*）.*Big5（.*）/);
  });

  it('refuses a file of UTF-8 lines and GBK lines, naming both', () => {
    const bytes = concat(utf8('学籍号,姓名,性别\r\nG1,陈志明,男\r\n'), encodeLegacy('G2,林美玲,女\r\n', 'gbk'));
    expect(issuesOf(bytes)).toMatchObject([{ severity: 'error', code: 'mixed-encoding', row: 3 }]);
    expect(issuesOf(bytes)[0]?.zh).toContain('第 1、2 行是 UTF-8，第 3 行不是');
  });

  it('refuses UTF-8 cut off in the middle of a character, naming the line', () => {
    const whole = utf8('学籍号,姓名,性别\r\nG1,陈志明,男\r\nG2,林美玲');
    expect(issuesOf(whole.subarray(0, whole.length - 1))).toMatchObject([
      { severity: 'error', code: 'truncated-text', row: 3 },
    ]);
  });

  it.each([
    ['little', true, 'utf-16le'],
    ['big', false, 'utf-16be'],
  ] as const)('reads %s-endian UTF-16 without a BOM, telling so', (_order, littleEndian, encoding) => {
    const { decoded, issues } = decodeText(utf16(TEXT, littleEndian, false));
    expect(decoded).toEqual({ text: TEXT, encoding });
    expect(issues).toMatchObject([{ severity: 'warning', code: 'unusual-encoding' }]);
  });

  it('refuses UTF-16 with a BOM that breaks off mid-character', () => {
    const bytes = utf16(TEXT, true);
    expect(issuesOf(bytes.subarray(0, bytes.length - 1))).toMatchObject([
      { severity: 'error', code: 'unreadable-text' },
    ]);
  });

  it('reads GBK behind a stray UTF-8 BOM as GBK, with a warning, not as 锘 and nonsense', () => {
    const { decoded, issues } = decodeText(concat(new Uint8Array([0xef, 0xbb, 0xbf]), GBK_BYTES));
    expect(decoded).toEqual({ text: TEXT, encoding: 'gb18030' });
    expect(issues).toMatchObject([{ severity: 'warning', code: 'unusual-encoding' }]);
  });
});
