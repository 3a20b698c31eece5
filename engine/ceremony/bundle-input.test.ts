import { describe, expect, it } from 'vitest';
import { readBundleFiles, type BundleFile } from './bundle-input.ts';

/** A bundle folder's files, their paths under `root` (null: relative to the folder) joined with `separator`. */
function folder(root: string | null, separator = '/'): BundleFile[] {
  const files: [string[], string][] = [
    [['certificate.json'], '{"format":1}'],
    [['plan.json'], '{"schools":[]}'],
    [['audit.json'], '[]'],
    [['schools', 'b.json'], '{"name":"b"}'],
    [['schools', 'a.json'], '{"name":"a"}'],
    [['README.md'], '# not JSON, not read'],
    [['verifier.html'], '<html>'],
  ];
  return files.map(([parts, text]) => ({ path: [...(root === null ? [] : [root]), ...parts].join(separator), text }));
}

describe('reading a bundle folder', () => {
  it.each([
    ['from disk (paths inside the folder)', folder(null)],
    ['from a browser folder picker (paths start with the folder name)', folder('bundle-2026')],
    ['with Windows separators', folder('bundle', '\\')],
  ])('reads the JSON files %s, schools in name order', (_, files) => {
    const reading = readBundleFiles(files);
    expect(reading).toEqual({
      input: {
        certificate: { format: 1 },
        plan: { schools: [] },
        audit: [],
        schools: [
          { file: 'a.json', content: { name: 'a' } },
          { file: 'b.json', content: { name: 'b' } },
        ],
      },
    });
  });

  it.each([
    ['a missing file', folder(null).filter((file) => file.path !== 'audit.json'), '证明包缺少文件 audit.json'],
    [
      'a file that is not JSON',
      [...folder(null).slice(1), { path: 'certificate.json', text: '{' }],
      'certificate.json 不是有效的 JSON',
    ],
    [
      'no school files',
      folder(null).filter((file) => !file.path.startsWith('schools/')),
      '证明包中没有 schools/ 下的学校文件',
    ],
  ])('names the problem with %s', (_, files, zh) => {
    const reading = readBundleFiles(files);
    expect('problem' in reading && reading.problem.zh).toContain(zh);
    expect('problem' in reading && reading.problem.en).toMatch(/[a-z]/);
  });
});
