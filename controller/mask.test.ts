import { describe, expect, it } from 'vitest';
import { maskId, maskName } from './mask.ts';

describe('masking for public view', () => {
  it.each([
    ['张梓涵', '张*涵'],
    ['欧阳娜娜', '欧**娜'],
    ['李四', '李*'],
    ['王', '*'],
    ['Anna Li', 'A*****i'],
  ])('masks the name %s as %s', (name, masked) => expect(maskName(name)).toBe(masked));

  it.each([
    ['36110220180105145X', '36************145X'],
    ['G361102201808221327', 'G3*************1327'],
    ['20240017', '20240017'],
  ])('masks the number %s as %s', (id, masked) => expect(maskId(id)).toBe(masked));
});
