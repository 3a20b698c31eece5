import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHash, shippedFiles } from './build-hash.ts';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'sunshine-build-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const SOURCES = { 'package.json': '{}', 'engine/a.ts': 'a', 'controller/b.ts': 'b', 'display/dist/index.html': 'x' };

describe('the software build hash', () => {
  it('covers the shipped files, not dependencies, data, tests or scratch files', async () => {
    const root = project({
      ...SOURCES,
      'node_modules/x/index.js': '',
      'data/ceremony.sqlite': '',
      'test/t.ts': '',
      'engine/a.test.ts': '',
      '.tmp/scratch.ts': '',
      '.git/HEAD': '',
    });
    expect(await shippedFiles(root)).toEqual([
      'controller/b.ts',
      'display/dist/index.html',
      'engine/a.ts',
      'package.json',
    ]);
    expect(await buildHash(root)).toBe(await buildHash(project(SOURCES)));
  });

  it('changes when any shipped byte or name changes', async () => {
    const base = await buildHash(project(SOURCES));
    expect(await buildHash(project({ ...SOURCES, 'engine/a.ts': 'A' }))).not.toBe(base);
    expect(await buildHash(project({ ...SOURCES, 'engine/c.ts': '' }))).not.toBe(base);
  });
});
