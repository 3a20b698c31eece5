import { describe, expect, it } from 'vitest';
import { maskName } from './mask.ts';

describe('masking names for public view', () => {
  it.each([
    ['张梓涵', '张*涵'],
    ['欧阳娜娜', '欧**娜'],
    ['李四', '李*'],
    ['王', '*'],
    ['Anna Li', 'A*****i'],
  ])('masks the name %s as %s', (name, masked) => expect(maskName(name)).toBe(masked));
});
