/**
 * The HTTP side: health, the browser apps (or an honest page until they are built), the result pages, the icon, and
 * for everything else a refusal in words. Every answer carries the security headers (security.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response } from 'express';
import { PROJECT_ROOT } from '../build-hash.ts';
import { RESULTS_INDEX_PATH, VERIFIER_PATH } from '../contract/public-links.ts';
import type { CeremonyService } from '../service.ts';
import { resultPages } from './results.ts';
import { contentPolicy, inlineCodeOf, securityHeaders } from './security.ts';

const APPS = [
  { route: '/console', folder: 'console', zh: '操作控制台', en: 'operator console' },
  { route: '/display', folder: 'display', zh: '大屏显示', en: 'hall display' },
  // One self-contained page: the same file the bundle carries, to check a bundle offline (docs/verification.md).
  { route: VERIFIER_PATH, folder: 'verifier', zh: '验证包复核', en: 'bundle verifier' },
] as const;

/** The sunshine icon: an SVG for browsers that take one, and /favicon.ico, which every browser asks for. */
export const FAVICONS = [
  { file: 'favicon.svg', type: 'image/svg+xml' },
  { file: 'favicon.ico', type: 'image/x-icon' },
].map((icon) => ({ ...icon, path: fileURLToPath(new URL(`../contract/${icon.file}`, import.meta.url)) }));

export interface AppOptions {
  /** Where the apps' `dist` folders are. */
  readonly root?: string;
  /**
   * More routes (the operator's downloads, the bundle zip), answered before the apps' pages (the verifier's folder
   * holds the zip) and the refusal of an unknown address.
   */
  readonly routers?: readonly express.Router[];
}

export function createApp(service: CeremonyService, options: AppOptions = {}): express.Express {
  const root = options.root ?? PROJECT_ROOT;
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders);

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

  for (const icon of FAVICONS) {
    app.get(`/${icon.file}`, (_request, response) => {
      response.type(icon.type).set('Cache-Control', 'public, max-age=86400').sendFile(icon.path);
    });
  }

  for (const router of options.routers ?? []) app.use(router);

  for (const entry of APPS) {
    const dist = join(root, entry.folder, 'dist');
    app.use(
      entry.route,
      // Its redirect of /console to /console/ would go out with a policy of its own: the route below sends it.
      express.static(dist, {
        redirect: false,
        setHeaders: (response, file) => {
          if (file.endsWith('.html')) response.setHeader('Content-Security-Policy', pagePolicy(file));
        },
      }),
    );
    app.get(entry.route, (request, response, next) => {
      if (!request.path.endsWith('/') && existsSync(dist)) {
        response.redirect(
          301,
          request.originalUrl.replace(/^[^?]*/, (path) => `${path}/`),
        );
        return;
      }
      next();
    });
    app.get([entry.route, `${entry.route}/{*rest}`], (_request, response) => {
      const index = join(dist, 'index.html');
      if (existsSync(index)) {
        response.set('Content-Security-Policy', pagePolicy(index)).sendFile(index);
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

  app.use((request, response) => refuse(request, response, NOT_FOUND));
  // Express's own error page shows the stack trace and this machine's paths: never sent.
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    const refusal = refusalOf(error);
    if (refusal.status >= 500) console.error(error);
    refuse(request, response, refusal);
  });

  return app;
}

/** An app's page goes out with a policy naming its own inline code, if any: the verifier is one inlined file. */
function pagePolicy(file: string): string {
  return contentPolicy(inlineCodeOf(readFileSync(file, 'utf8')), 'header');
}

/** A refusal in words, Chinese first; `status` is the HTTP status. */
export interface Refusal {
  readonly status: number;
  readonly zh: string;
  readonly en: string;
}

const NOT_FOUND: Refusal = {
  status: 404,
  zh: '未找到：本控制器没有这个地址的页面',
  en: 'not found: the controller has no page at this address',
};

/** What to tell the client about an error raised while answering: by the status Express and its parsers give. */
function refusalOf(error: unknown): Refusal {
  const status = (error as { status?: unknown } | null)?.status;
  if (error instanceof URIError) {
    return {
      status: 400,
      zh: '地址有误：其中的 % 编码不是有效的 UTF-8 文字',
      en: 'bad address: its %-encoding is not valid UTF-8 text',
    };
  }
  switch (status) {
    case 400:
      return {
        status,
        zh: '请求有误：地址或提交的内容格式不对',
        en: 'bad request: the address or the content sent is malformed',
      };
    case 404:
      return NOT_FOUND;
    case 413:
      return {
        status,
        zh: '提交的内容过大，未予处理',
        en: 'the content sent is too large: it was not read',
      };
    case 415:
      return {
        status,
        zh: '提交内容的字符集或压缩方式无法识别（请用 UTF-8，不压缩）',
        en: 'the character set or encoding of the content sent is not supported (send UTF-8, uncompressed)',
      };
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, zh: `请求被拒绝（${status}）`, en: `the request was refused (${status})` };
  }
  return {
    status: 500,
    zh: '控制器内部出错，已记录在控制器的输出中；请重试',
    en: "the controller failed inside; the error is logged in the controller's output. Please try again",
  };
}

/** JSON `{ zh, en }` for the console's downloads and any client that asks for JSON; a small page for a browser. */
export function refuse(request: Request, response: Response, refusal: Refusal): void {
  response.status(refusal.status).set('Cache-Control', 'no-store');
  const json = request.path.startsWith('/operator/') || request.accepts(['html', 'json']) === 'json';
  if (json) {
    response.json({ zh: refusal.zh, en: refusal.en });
    return;
  }
  response
    .type('html')
    .send(page(`${refusal.status} ${refusal.zh}`, `<p>${refusal.zh}</p><p lang="en">${refusal.en}</p>`));
}

function page(title: string, body: string): string {
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
    `<title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`
  );
}
