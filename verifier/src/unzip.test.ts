import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unzip, ZipError } from './unzip.ts';

describe('reading a zipped bundle', () => {
  it('reads stored and deflated files, folders and Chinese names, as the zip tool wrote them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sunshine-zip-'));
    mkdirSync(join(dir, 'bundle', 'schools'), { recursive: true });
    const files = {
      'bundle/certificate.json': '{"format":"v1"}',
      'bundle/schools/信州区第一小学.json': JSON.stringify({ students: Array.from({ length: 200 }, (_, i) => i) }),
    };
    for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
    execFileSync('zip', ['-q', '-r', 'bundle.zip', 'bundle'], { cwd: dir });
    execFileSync('zip', ['-q', '-0', '-r', 'stored.zip', 'bundle'], { cwd: dir });
    for (const zip of ['bundle.zip', 'stored.zip']) {
      const read = await unzip(new Uint8Array(readFileSync(join(dir, zip))));
      expect(Object.fromEntries(read.map((file) => [file.path, file.text]))).toEqual(files);
    }
  });

  it('says so, in Chinese and English, when the file is not a zip', async () => {
    await expect(unzip(new TextEncoder().encode('{"not":"a zip"}'.repeat(3)))).rejects.toThrow(ZipError);
    await expect(unzip(new Uint8Array(3))).rejects.toThrow('不是 zip 压缩包 / not a zip file');
  });
});
