import { describe, expect, it } from 'vitest';
import { lookupSecretLeaks } from './lookup-secrets.ts';

const ZHANG = { studentNumber: 'G36110220120101003X', idCard: '36110220120101003X' };
const LI = { studentNumber: 'S0412', idCard: null };
const YAN = { studentNumber: 'G361102201203260403', idCard: null };

describe('finding pieces of the lookup keys in a public text', () => {
  it.each([
    ['a masked ID number', '{"idCard":"36************003X"}', '36110220120101003X: 003X'],
    ['a masked 学籍号', '<td>G3*************003x</td>', 'G36110220120101003X: 003X'],
    ['a short school number', '{"id":"S0412","name":"李*"}', 'S0412: S0412'],
    ['the region code', '<span>361102</span>', '36110220120101003X: 361102'],
    ['a whole ID number inside other text', 'ABC36110220120101003XYZ', '36110220120101003X: 36110220120101003X'],
  ])('finds %s', (_, text, leak) => {
    expect(lookupSecretLeaks(text, [ZHANG, LI])).toContain(leak);
  });

  it('finds the ID number a 学籍号 holds when the roster has none', () => {
    expect(lookupSecretLeaks('"0403"', [YAN])).toEqual(['G361102201203260403: 0403']);
  });

  it('passes digits that are not pieces standing alone: digests, decimals, dates', () => {
    const text = [
      '"seedHex":"9f3611023a0412003x"',
      '"mean":85.0403',
      '<dd>2012年1月1日</dd>',
      '"birthDate":"2012-01-01"',
    ].join(',');
    expect(lookupSecretLeaks(text, [ZHANG, LI, YAN])).toEqual([]);
  });
});
