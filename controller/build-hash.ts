/**
 * The software's own fingerprint for the seal certificate: SHA-256 over every shipped file of the project — sorted
 * relative paths with their bytes — leaving out what is not the software (dependencies' folder, data, git, scratch
 * files and tests). The notary can recompute it with `sunshine build-hash` on the sealed machine.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

const EXCLUDED_FOLDERS = new Set(['node_modules', 'data', '.git', '.tmp', 'coverage', 'test']);
const EXCLUDED_FILE = /\.test\.ts$/;

export async function shippedFiles(root: string = PROJECT_ROOT, folder = ''): Promise<string[]> {
  const entries = await readdir(join(root, folder), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
    if (entry.isDirectory() && !EXCLUDED_FOLDERS.has(entry.name)) files.push(...(await shippedFiles(root, path)));
    if (entry.isFile() && !EXCLUDED_FILE.test(entry.name)) files.push(path);
  }
  return files.sort();
}

/** Each file contributes its path, a NUL, its length, a NUL and its bytes, so no two file sets hash alike. */
export async function buildHash(root: string = PROJECT_ROOT): Promise<string> {
  const hash = createHash('sha256');
  for (const path of await shippedFiles(root)) {
    const bytes = await readFile(join(root, path));
    hash.update(`${path}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}
