import { describe, expect, it } from 'vitest';
import { dialectNameKey, exactNameKey, soundAlikeKey, soundNameKey } from './names.ts';

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

  it.each([
    ['张伟', '臧伟', true], // zh / z
    ['陈晨', '岑晨', true], // ch / c
    ['刘洋', '牛洋', true], // l / n
    ['胡军', '符军', true], // h / f
    ['荣华', '龙华', true], // r / l
    ['王帆', '万帆', true], // ang / an
    ['陈诚', '陈晨', true], // eng / en
    ['李玲', '李林', true], // ing / in
    ['杨江', '杨坚', true], // iang / ian
    ['黄光', '黄关', true], // uang / uan
    ['张三', '张山', true], // s / sh
    ['张伟', '王伟', false],
    ['李明', '李梅', false],
  ])('to a dialect ear %s sounds like %s: %s', (a, b, same) => {
    expect(dialectNameKey(soundNameKey(a)) === dialectNameKey(soundNameKey(b))).toBe(same);
  });

  it('keeps a name apart by the rule asked for: identical only, same sound, or dialect sound', () => {
    const [a, b] = [{ name: '刘洋' }, { name: '牛阳' }];
    expect(soundAlikeKey(a, 'exact')).toBeNull();
    expect(soundAlikeKey(a, 'sound') === soundAlikeKey(b, 'sound')).toBe(false);
    expect(soundAlikeKey(a, 'dialect') === soundAlikeKey(b, 'dialect')).toBe(true);
  });
});
