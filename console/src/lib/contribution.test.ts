/** The parent representative's input as the console reads it: rolling digits and typed dice. */
import { describe, expect, it } from 'vitest';
import { MAX_DICE, MIN_DICE, randomDigits, readDice, ROLLING_DIGITS } from './contribution.ts';

describe('rolling digits', () => {
  it('are always the full count of decimal digits, and every digit turns up', () => {
    const seen = new Set<string>();
    for (let roll = 0; roll < 200; roll += 1) {
      const digits = randomDigits(ROLLING_DIGITS);
      expect(digits).toMatch(new RegExp(`^[0-9]{${ROLLING_DIGITS}}$`));
      for (const digit of digits) seen.add(digit);
    }
    expect(seen.size).toBe(10);
  });
});

describe('typed dice', () => {
  it.each([
    ['3 5 1 6 2 4', '351624'],
    ['3,5，1、6', '3516'],
    ['666', '666'],
    [' 1 2 3 ', '123'],
  ])('reads %j as %s', (typed, digits) => {
    expect(readDice(typed)).toEqual({ ok: true, digits });
  });

  it.each([
    ['', '请输入骰子点数'],
    ['3 5 7', '骰子点数只能是 1 至 6'],
    ['3 0 1', '骰子点数只能是 1 至 6'],
    ['a b c', '骰子点数只能是 1 至 6'],
    ['1'.repeat(MIN_DICE - 1), `至少掷 ${MIN_DICE} 次骰子`],
    ['1'.repeat(MAX_DICE + 1), `最多 ${MAX_DICE} 个点数`],
  ])('refuses %j: %s', (typed, zh) => {
    expect(readDice(typed)).toMatchObject({ ok: false, zh });
  });
});
