import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { contentPolicy, inlineCodeOf, withPolicyMeta } from '../controller/server/security.ts';

/**
 * The offline verifier as one self-contained HTML file (opened from a USB stick or the results site, no server):
 * the built script and the icon are inlined into index.html and nothing else is emitted. `</script` inside the code is escaped so
 * the inline script cannot end early. The page carries its own security policy, naming its inline script and style
 * by their hashes, wherever it is opened; the controller sends the same policy as a header (server/security.ts).
 */
function inlineScript(): Plugin {
  return {
    name: 'sunshine-inline-script',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = Object.values(bundle).find((item) => item.fileName === 'index.html');
      if (html?.type !== 'asset') throw new Error('verifier build: no index.html');
      let page = String(html.source);
      for (const item of Object.values(bundle)) {
        if (item === html) continue;
        if (item.type === 'chunk') {
          const tag = new RegExp(`<script type="module" crossorigin src="[^"]*${item.fileName}"></script>`);
          const code = item.code.replace(/<\/script/gi, '<\\/script');
          page = page.replace(tag, () => `<script type="module">${code}</script>`);
        } else if (item.fileName.endsWith('.svg')) {
          page = page.replace(`./${item.fileName}`, `data:image/svg+xml,${encodeURIComponent(String(item.source))}`);
        } else {
          throw new Error(`verifier build: ${item.fileName} cannot be inlined`);
        }
        delete bundle[item.fileName];
      }
      html.source = withPolicyMeta(page, contentPolicy(inlineCodeOf(page), 'meta'));
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [inlineScript()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 20000,
    modulePreload: false,
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
  },
});
