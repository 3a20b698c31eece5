import { ESLint, Linter } from 'eslint';
import svelteParser from 'svelte-eslint-parser';
import tseslint from 'typescript-eslint';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import boundary from './import-boundary.js';

const ROOT = dirname(import.meta.dirname);
const eslint = new ESLint({ cwd: ROOT });

/** The boundary options the repository's own config gives `file`. */
async function boundaryFor(file: string): Promise<unknown> {
  const config = (await eslint.calculateConfigForFile(join(ROOT, file))) as { rules?: Record<string, unknown> };
  return config.rules?.['boundary/imports'];
}

/** The boundary's messages for `code` placed at `file`, under the options the repository gives that file. */
async function violations(file: string, code: string): Promise<string[]> {
  const options = await boundaryFor(file);
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.svelte'],
        languageOptions: file.endsWith('.svelte')
          ? { parser: svelteParser, parserOptions: { parser: tseslint.parser } }
          : { parser: tseslint.parser },
        plugins: { boundary },
        rules: { 'boundary/imports': options as Linter.RuleEntry },
      },
    ],
    join(ROOT, file),
  );
  return messages.map((message) => message.message);
}

describe('the import boundary lint rule', () => {
  it.each([
    'display/src/lib/paging.ts',
    'console/src/lib/ceremony.ts',
    'console/src/App.svelte',
    'verifier/src/main.ts',
  ])('guards %s', async (file) => {
    const [severity, options] = (await boundaryFor(file)) as [number, { reach: string[] }];
    expect(severity).toBe(2);
    expect(options.reach).toEqual([file.split('/')[0], 'engine', 'controller/contract']);
  });

  it('leaves the controller, the tests and the build configs to Node', async () => {
    for (const file of ['controller/service.ts', 'console/vite.config.ts', 'display/src/lib/paging.test.ts']) {
      expect(await boundaryFor(file)).toBeUndefined();
    }
  });

  it.each([
    ['console/src/lib/planted.ts', "import { toCommand } from '../../../controller/requests.ts';"],
    ['console/src/lib/planted.ts', "export * from '../../../controller/server/http.ts';"],
    ['console/src/lib/deep/er/planted.ts', "const m = await import('../../../../../controller/service.ts');"],
    ['display/src/planted.ts', "import { x } from '../../controller/contract/../wiring.ts';"],
    ['display/src/planted.ts', "import { readFile } from 'node:fs/promises';"],
    ['display/src/planted.ts', "import express from 'express';"],
    ['console/src/Planted.svelte', '<script lang="ts">import { x } from \'../../controller/service.ts\';</script>'],
    ['engine/planted.ts', "import { x } from '../controller/contract/format.ts';"],
    ['controller/contract/planted.ts', "import { x } from '../snapshot.ts';"],
    ['console/src/planted.ts', 'const name = "x"; await import(`../../controller/${name}.ts`);'],
  ])('refuses a planted violation in %s: %s', async (file, code) => {
    expect(await violations(file, code)).toHaveLength(1);
  });

  it.each([
    ['console/src/lib/ok.ts', "import { x } from '../../../controller/contract/protocol.ts';"],
    ['display/src/ok.ts', "import { y } from '../../engine/ceremony/state.ts'; import z from './lib/paging.ts';"],
    ['console/src/Ok.svelte', '<script lang="ts">import { onMount } from \'svelte\';</script>'],
    [
      'controller/contract/ok.ts',
      "import { z } from 'zod'; import type { Plan } from '../../engine/ceremony/plan.ts';",
    ],
  ])('lets through what %s may import', async (file, code) => {
    expect(await violations(file, code)).toEqual([]);
  });
});
