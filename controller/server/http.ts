/** The HTTP side: health, the two browser apps (or an honest page until they are built), and the result pages. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import { PROJECT_ROOT } from '../build-hash.ts';
import { RESULTS_INDEX_PATH, VERIFIER_PATH } from '../contract/public-links.ts';
import type { CeremonyService } from '../service.ts';
import { resultPages } from './results.ts';

const APPS = [
  { route: '/console', folder: 'console', zh: '操作控制台', en: 'operator console' },
  { route: '/display', folder: 'display', zh: '大屏显示', en: 'hall display' },
  // One self-contained page: the same file the bundle carries, to check a bundle offline (docs/verification.md).
  { route: VERIFIER_PATH, folder: 'verifier', zh: '验证包复核', en: 'bundle verifier' },
] as const;

export function createApp(service: CeremonyService, root: string = PROJECT_ROOT): express.Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', (_request, response) => {
    const { phase, revision, schools } = service.state;
    response.json({ status: 'ok', phase, revision, schools: schools.length });
  });

  // The controller's server answers the pages before Express (resultPages(…).answer); these routes answer them for
  // any other server of this app, and hold the lookup.
  app.use(resultPages(service).router);

  app.get('/', (_request, response) => {
    const links =
      APPS.map((entry) => `<li><a href="${entry.route}">${entry.zh} / ${entry.en}</a></li>`).join('') +
      `<li><a href="${RESULTS_INDEX_PATH}">分班结果公示 / result pages</a></li>`;
    response.type('html').send(page('阳光分班 Sunshine Class Draw', `<ul>${links}</ul>`));
  });

  for (const entry of APPS) {
    const dist = join(root, entry.folder, 'dist');
    app.use(entry.route, express.static(dist));
    app.get([entry.route, `${entry.route}/{*rest}`], (_request, response) => {
      const index = join(dist, 'index.html');
      if (existsSync(index)) {
        response.sendFile(index);
        return;
      }
      response
        .status(503)
        .type('html')
        .send(
          page(
            `${entry.zh}尚未构建 / ${entry.en} not built`,
            `<p>${entry.zh}尚未构建（缺少 ${entry.folder}/dist）。控制器已在运行，可用 <code>npx sunshine ceremony</code> 无界面操作。</p>` +
              `<p>The ${entry.en} is not built yet (no ${entry.folder}/dist). The controller is running; ` +
              `<code>npx sunshine ceremony</code> drives it without a browser.</p>`,
          ),
        );
    });
  }

  return app;
}

function page(title: string, body: string): string {
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
    `<title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`
  );
}
