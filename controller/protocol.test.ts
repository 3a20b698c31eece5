import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const NODE_ONLY = /^(node:|better-sqlite3$|express$|socket\.io$|exceljs$|papaparse$)/;

/** Every module `file` imports, followed through relative imports, as [importer, specifier] pairs. */
function importsOf(file: string, seen = new Set<string>()): [string, string][] {
  if (seen.has(file)) return [];
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/^\s*(?:import|export)\b[^;]*?from\s+'([^']+)'/gm)].map((match) => match[1]!);
  return specifiers.flatMap((specifier): [string, string][] => [
    [file, specifier],
    ...(specifier.startsWith('.') ? importsOf(resolve(dirname(file), specifier), seen) : []),
  ]);
}

describe('the browser-safe modules', () => {
  it.each(['protocol.ts', 'snapshot.ts', 'describe.ts'])('%s imports nothing that only runs in Node', (name) => {
    const file = fileURLToPath(new URL(name, import.meta.url));
    const imports = importsOf(file);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter(([, specifier]) => NODE_ONLY.test(specifier))).toEqual([]);
  });
});
