/**
 * No import cycle among the controller's modules. Modules in a cycle cannot be read, tested or replaced one at a time,
 * and which of them loads first decides what the others see; type-only imports count too, since they tie the modules
 * together just as much.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { specifiersOf } from '../test/support/imports.ts';

const CONTROLLER = import.meta.dirname;

type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** Each module under controller/ (paths relative to it) with the modules under controller/ it imports. */
function controllerImports(): ImportGraph {
  const modules = readdirSync(CONTROLLER, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
  return new Map(
    modules.map((module) => {
      const file = join(CONTROLLER, module);
      const imported = specifiersOf(readFileSync(file, 'utf8'))
        .filter((specifier) => specifier.startsWith('.'))
        .map((specifier) => relative(CONTROLLER, resolve(dirname(file), specifier)))
        .filter((target) => !target.startsWith('..'));
      return [module, [...new Set(imported)]];
    }),
  );
}

/** The cycles a depth-first walk meets, each as its modules in import order with the first repeated at the end. */
function cyclesIn(graph: ImportGraph): string[][] {
  const done = new Set<string>();
  const path: string[] = [];
  const cycles: string[][] = [];
  const visit = (module: string) => {
    const onPath = path.indexOf(module);
    if (onPath >= 0) {
      cycles.push([...path.slice(onPath), module]);
      return;
    }
    if (done.has(module)) return;
    path.push(module);
    for (const imported of graph.get(module) ?? []) visit(imported);
    path.pop();
    done.add(module);
  };
  [...graph.keys()].sort().forEach(visit);
  return cycles;
}

describe('the controller’s imports', () => {
  it.each([
    ["import { a } from './a.ts';", './a.ts'],
    ["import type { B } from '../b.ts';", '../b.ts'],
    ["export { c } from './c.ts';", './c.ts'],
    ["export * from './d.ts';", './d.ts'],
    ["const { e } = await import('./e.ts');", './e.ts'],
    ["import {\n  f,\n  g,\n} from './fg.ts';", './fg.ts'],
  ])('are all read, whatever their form: %s', (line, specifier) => {
    expect(specifiersOf(line)).toEqual([specifier]);
  });

  it('are not read from comments or strings', () => {
    expect(specifiersOf("// import { a } from './a.ts';\nconst text = \"import b from './b.ts'\";")).toEqual([]);
  });

  it('are followed between folders', () => {
    expect(controllerImports().get('wiring.ts')).toContain('server/sockets.ts');
  });

  it.each<[string, [string, string[]][], string[][]]>([
    [
      'a chain',
      [
        ['a', ['b']],
        ['b', ['c']],
        ['c', []],
      ],
      [],
    ],
    [
      'a diamond',
      [
        ['a', ['b', 'c']],
        ['b', ['d']],
        ['c', ['d']],
        ['d', []],
      ],
      [],
    ],
    ['a module importing itself', [['a', ['a']]], [['a', 'a']]],
    [
      'a cycle reached from outside it',
      [
        ['a', ['b']],
        ['b', ['c']],
        ['c', ['d']],
        ['d', ['b']],
      ],
      [['b', 'c', 'd', 'b']],
    ],
  ])('finds the cycles in %s', (_name, edges, cycles) => {
    expect(cyclesIn(new Map(edges))).toEqual(cycles);
  });

  it('form no cycle', () => {
    expect(cyclesIn(controllerImports()).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('keep the printed documents apart from the live server: print/ imports nothing from server/', () => {
    const printToServer = [...controllerImports()].flatMap(([module, imported]) =>
      module.startsWith('print/')
        ? imported.filter((target) => target.startsWith('server/')).map((target) => `${module} → ${target}`)
        : [],
    );
    expect(printToServer).toEqual([]);
  });
});
