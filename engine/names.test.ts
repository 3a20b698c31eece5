import { describe, expect, it } from 'vitest';
import { exactNameKey, soundNameKey } from './names.ts';

describe('name keys', () => {
  it.each([
    ['张梓涵', '张梓涵', true],
    ['张　梓涵', '张梓涵', true],
    ['Anna  Li', 'anna li', true],
    ['ＡＢ', 'ab', true],
    ['张梓涵', '张子涵', false],
  ])('exact key: %s and %s are the same name: %s', (a, b, same) => {
    expect(exactNameKey(a) === exactNameKey(b)).toBe(same);
  });

  it.each([
    ['张梓涵', '章子含', true],
    ['李宇', '李雨', true],
    ['单于飞', '善雨飞', true],
    ['西安', '先', false],
    ['王浩', '汪豪', true],
    ['王浩', '王好', true],
    ['刘洋', '刘阳阳', false],
    ['张三', '张山', false],
  ])('%s sounds like %s: %s', (a, b, same) => {
    expect(soundNameKey(a) === soundNameKey(b)).toBe(same);
  });
});
