// @ts-check
/**
 * ESLint rule `boundary/imports`: a file may import only from the folders it is allowed to reach, resolved as paths
 * (so any depth of `../` counts), static and dynamic imports alike, and no Node built-in or server-only package: every
 * folder it guards runs in the browser. The apps may reach `engine/` and `controller/contract/`; the engine only itself.
 */
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

const ROOT = dirname(import.meta.dirname);
const NODE_BUILTINS = new Set(builtinModules);
/** Packages that only run in Node: importing one from a browser bundle means server code has leaked in. */
const SERVER_PACKAGES = ['express', 'express-rate-limit', 'socket.io', 'better-sqlite3', 'playwright-core', 'tsx'];

/** @param {string} specifier */
function isNodeOnly(specifier) {
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
  return specifier.startsWith('node:') || NODE_BUILTINS.has(specifier) || SERVER_PACKAGES.includes(name ?? '');
}

/** Whether `file` lies inside `folder` (relative to the repository). */
function isInside(/** @type {string} */ file, /** @type {string} */ folder) {
  const path = relative(resolve(ROOT, folder), file);
  return path !== '' && !path.startsWith('..') && !path.startsWith(sep) && !/^[a-zA-Z]:/.test(path);
}

/** @type {import('eslint').Rule.RuleModule} */
const imports = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports stay inside the folders this part of the code may reach.' },
    schema: [
      {
        type: 'object',
        properties: {
          reach: { type: 'array', items: { type: 'string' } },

          label: { type: 'string' },
        },
        required: ['reach', 'label'],
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    // ESLint types options as any[]; the schema above has checked their shape.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
    const { reach, label } = /** @type {{ reach: string[], label: string }} */ (context.options[0]);
    const from = dirname(context.filename);
    /** @param {import('estree').Node} node @param {string} specifier */
    function check(node, specifier) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = resolve(from, specifier);
        if (!reach.some((folder) => isInside(target, folder))) {
          context.report({
            node,
            message: `${label} may import only from ${reach.join(', ')}; '${specifier}' is ${relative(ROOT, target)}.`,
          });
        }
      } else if (isNodeOnly(specifier)) {
        context.report({ node, message: `${label} runs in the browser: '${specifier}' only runs in Node.` });
      }
    }
    /** @param {import('estree').ImportDeclaration | import('estree').ExportAllDeclaration | import('estree').ExportNamedDeclaration} node */
    function checkSource(node) {
      if (typeof node.source?.value === 'string') check(node, node.source.value);
    }
    return {
      ImportDeclaration: checkSource,
      ExportAllDeclaration: checkSource,
      ExportNamedDeclaration: checkSource,
      ImportExpression(node) {
        const { source } = node;
        if (source.type === 'Literal' && typeof source.value === 'string') check(node, source.value);
        else if (source.type === 'TemplateLiteral' && source.expressions.length === 0)
          check(node, source.quasis[0]?.value.cooked ?? '');
        else context.report({ node, message: `${label}: a dynamic import must name its module literally.` });
      },
    };
  },
};

export default { rules: { imports } };
