import { describe, expect, it } from 'vitest';
import { decodeText } from './decode.ts';

const TEXT = '序号,姓名,性别\r\n1,魏怡诗,女\r\n';

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let index = 0; index < text.length; index += 1)
    view.setUint16(2 + index * 2, text.charCodeAt(index), littleEndian);
  return bytes;
}

/** GB18030 bytes for TEXT, as Excel on a Chinese Windows writes a "CSV (逗号分隔)" file. */
const GBK_BYTES = new Uint8Array([
  0xd0, 0xf2, 0xba, 0xc5, 0x2c, 0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xd0, 0xd4, 0xb1, 0xf0, 0x0d, 0x0a, 0x31, 0x2c, 0xce,
  0xba, 0xe2, 0xf9, 0xca, 0xab, 0x2c, 0xc5, 0xae, 0x0d, 0x0a,
]);

describe('decodeText', () => {
  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = new TextEncoder().encode('\ufeff' + TEXT);
    expect(decodeText(bytes)).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(new TextEncoder().encode(TEXT))).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('detects GBK from the bytes', () => {
    expect(decodeText(GBK_BYTES)).toEqual({ text: TEXT, encoding: 'gb18030' });
  });

  it('reads UTF-16 with either byte order mark', () => {
    expect(decodeText(utf16(TEXT, true))).toEqual({ text: TEXT, encoding: 'utf-16le' });
    expect(decodeText(utf16(TEXT, false))).toEqual({ text: TEXT, encoding: 'utf-16be' });
  });

  it('reads plain ASCII and empty input as UTF-8', () => {
    expect(decodeText(new TextEncoder().encode('id,name\n'))).toEqual({ text: 'id,name\n', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('refuses binary data', () => {
    expect(decodeText(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]))).toBeNull();
    expect(decodeText(new Uint8Array([0x81, 0x20, 0xff]))).toBeNull();
  });
});
