/** How the console's public-value form reads what is typed: by the engine's own rules, as the controller will. */
import { describe, expect, it } from 'vitest';
import { readPublicText, readTypedTwice, sealNaming } from './public-value.ts';
import { publicTextProblem } from '../../../engine/ceremony/public-value.ts';

describe('what the console makes of the typed text', () => {
  it('reads source and value as the controller will record them', () => {
    expect(readPublicText('value', '\u3000509 ')).toEqual({ ok: true, text: '509' });
    expect(readPublicText('source', '第一行\n第二行')).toEqual({
      ok: false,
      zh: '外部公开随机值的来源应为一行 1 至 200 个字符的文字（不含换行等控制字符），收到 7 个字符：“第一行\n第二行”',
      en: 'the source of the public value must be one line of 1 to 200 characters (no line breaks or other control characters), got 7: "第一行\n第二行"',
    });
    expect(sealNaming(null)).toEqual({});
    expect(sealNaming('  ')).toBeNull();
    const source = '2026年8月19日 中国福利彩票“3D”第2026219期开奖号码';
    expect(sealNaming(` ${source}`)).toEqual({ publicValueSource: source });
  });

  it('takes a value typed twice only when both entries are the same text', () => {
    expect(readTypedTwice('509', '509 ')).toEqual({ ok: true, text: '509' });
    // The same characters, composed or not, are the same text.
    expect(readTypedTwice('Cafe\u0301', 'Caf\u00e9')).toEqual({ ok: true, text: 'Caf\u00e9' });
    expect(readTypedTwice('509', '590')).toMatchObject({
      ok: false,
      zh: '两次输入的公布值不一致，请对照公告再输入一次。',
    });
    // An empty value is refused for what it is, not as a mismatch.
    expect(readTypedTwice('', '')).toEqual({ ok: false, ...publicTextProblem('value', '') });
  });
});
