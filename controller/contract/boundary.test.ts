import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { specifiersOf } from '../../test/support/imports.ts';

const CONTRACT = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(CONTRACT, '../..');
const MAY_REACH = ['controller/contract/', 'engine/'];
/** Packages the browser bundles may carry; anything else bare is a Node built-in or a server package. */
const BROWSER_PACKAGES = [
  'zod',
  'socket.io-client',
  'qrcode',
  'papaparse',
  '@noble/hashes',
  '@noble/ciphers',
  'pinyin-pro',
  'exceljs',
];
/**
 * exceljs runs in the browser (its package's `browser` build) but weighs about 0.9 MB, three times the console's own
 * code: only the workbook reader imports it, and no module here imports the workbook reader, so an app carries it
 * only as a chunk it loads when a file is a workbook (docs/decisions/001-browser-roster-check.md).
 */
const ON_DEMAND = { package: 'exceljs', module: 'controller/contract/roster-file/workbook.ts' };

function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** What is wrong with `specifier` imported from `file`, or null. */
function fault(file: string, specifier: string): string | null {
  if (specifier.startsWith('.')) {
    const target = relative(ROOT, resolve(dirname(file), specifier));
    if (target === ON_DEMAND.module) return 'is loaded on demand: pass its reader in instead';
    return MAY_REACH.some((folder) => target.startsWith(folder)) ? null : `reaches ${target}`;
  }
  if (specifier.startsWith('node:') || builtinModules.includes(specifier)) return 'is a Node built-in';
  if (packageOf(specifier) === ON_DEMAND.package && relative(ROOT, file) !== ON_DEMAND.module) {
    return `is imported only by ${ON_DEMAND.module}`;
  }
  return BROWSER_PACKAGES.includes(packageOf(specifier)) ? null : 'is not a known browser-safe package';
}

/** Every import fault reachable from `files`, following relative imports. */
function faultsFrom(files: string[]): string[] {
  const seen = new Set<string>();
  const faults: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of specifiersOf(readFileSync(file, 'utf8'))) {
      const problem = fault(file, specifier);
      if (problem !== null) faults.push(`${relative(ROOT, file)}: '${specifier}' ${problem}`);
      else if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
    }
  };
  files.forEach(visit);
  return faults;
}

const contractFiles = readdirSync(CONTRACT, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => join(CONTRACT, name));

describe('controller/contract/, the one folder the apps may import besides the engine', () => {
  it('holds the protocol, the presentation, the live client, wording, formatting, QR codes, route names and the roster reader', () => {
    const names = contractFiles.map((file) => relative(CONTRACT, file));
    expect(names).toEqual(
      expect.arrayContaining([
        'protocol.ts',
        'presentation.ts',
        'live-client.ts',
        'format.ts',
        'qr.ts',
        'http-routes.ts',
        'roster-file/index.ts',
      ]),
    );
  });

  it('reaches nothing that only runs in Node, through any chain of imports', () => {
    expect(faultsFrom(contractFiles)).toEqual([]);
  });

  it.each([
    ["import Database from 'better-sqlite3';", 'is not a known browser-safe package'],
    ["const { readFile } = await import('node:fs/promises');", 'is a Node built-in'],
    ["export { submit } from '../service.ts';", 'reaches controller/service.ts'],
    ["import type { X } from '../../engine/../controller/wiring.ts';", 'reaches controller/wiring.ts'],
    ["import 'path';", 'is a Node built-in'],
    ["import ExcelJS from 'exceljs';", 'is imported only by controller/contract/roster-file/workbook.ts'],
    [
      "const { readWorkbookSheet } = await import('./roster-file/workbook.ts');",
      'is loaded on demand: pass its reader in instead',
    ],
  ])('catches a planted violation: %s', (line, problem) => {
    const [specifier] = specifiersOf(line);
    expect(fault(join(CONTRACT, 'planted.ts'), specifier!)).toBe(problem);
  });
});
