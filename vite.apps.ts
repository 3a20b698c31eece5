import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type UserConfig } from 'vite';

export type AppName = 'display' | 'console';

/**
 * The build of one browser app, served by the controller under /<app>/. Everything the app needs (code, fonts) is
 * bundled into <app>/dist, so the hall needs no network beyond the controller.
 */
export function appConfig(app: AppName): UserConfig {
  return defineConfig({
    root: fileURLToPath(new URL(`./${app}/`, import.meta.url)),
    base: `/${app}/`,
    plugins: [svelte()],
    build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
    // `vite --config <app>/vite.config.ts` during development talks to a controller started with `npm start`.
    server: { proxy: { '/socket.io': { target: 'http://127.0.0.1:8080', ws: true } } },
  });
}
