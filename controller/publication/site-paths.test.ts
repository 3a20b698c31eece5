import { describe, expect, it } from 'vitest';
import { folderNameProblem, staticLinks } from './site-paths.ts';

describe('the static site layout', () => {
  it.each(['信州区第一小学', '上饶市第三中学（东校区）', 'No. 5 Middle School', '一中·初中部'])(
    'takes the school name %j as its folder',
    (name) => expect(folderNameProblem(name)).toBeNull(),
  );

  it.each([
    ['东湖/西山小学', '/'],
    ['东湖小学:分校', ':'],
    ['"东湖"小学', '"'],
    ['东湖小学?', '?'],
    ['东湖*小学', '*'],
    ['东湖<小学>', '<'],
    ['东湖|小学', '|'],
    ['东湖\\小学', '\\'],
    ['东湖\u0007小学', 'U+0007'],
  ])('refuses %j, naming the character %j', (name, shown) => {
    const problem = folderNameProblem(name)!;
    expect(problem.zh).toContain(`“${shown}”`);
    expect(problem.en).toContain(`"${shown}"`);
  });

  it.each(['CON', 'nul.txt', 'com1', 'LPT9', '东湖小学.', '东湖小学 ', '..', 'index.html', 'lookup.js'])(
    'refuses the reserved or trailing-dot name %j',
    (name) => expect(folderNameProblem(name)?.en).toContain('cannot be a folder'),
  );

  it("links relative to the page's depth, to the controller's paths", () => {
    const links = staticLinks(2, { verifier: true, bundle: false });
    expect(links.index).toBe('../../r/');
    expect(links.school('东湖小学')).toBe('../../r/%E4%B8%9C%E6%B9%96%E5%B0%8F%E5%AD%A6/');
    expect(links.verifier).toBe('../../verify/');
    expect(links.bundle).toBeNull();
    expect(staticLinks(0, { verifier: false, bundle: true })).toMatchObject({
      verifier: null,
      bundle: 'verify/bundle.zip',
    });
  });
});
