import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * The offline verifier as one self-contained HTML file (opened from a USB stick or the results site, no server):
 * the built script is inlined into index.html and nothing else is emitted. `</script` inside the code is escaped so
 * the inline script cannot end early.
 */
function inlineScript(): Plugin {
  return {
    name: 'sunshine-inline-script',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = Object.values(bundle).find((item) => item.fileName === 'index.html');
      if (html?.type !== 'asset') throw new Error('verifier build: no index.html');
      let page = String(html.source);
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const tag = new RegExp(`<script type="module" crossorigin src="[^"]*${chunk.fileName}"></script>`);
        const code = chunk.code.replace(/<\/script/gi, '<\\/script');
        page = page.replace(tag, () => `<script type="module">${code}</script>`);
        delete bundle[chunk.fileName];
      }
      html.source = page;
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
