/**
 * The browser security headers of every page: one helmet configuration, sent by the Express routes, by the result
 * pages the controller answers before Express, and, for the static site, written as a `<meta>` policy into each page
 * and as a header file for nginx. The policy lets a page run only files of its own site, and inline code only when
 * its SHA-256 is named: the result pages' one style sheet, the offline verifier's inline script and style.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { contentSecurityPolicy } from 'helmet';
import { PAGE_STYLE } from '../publication/render.ts';

/** Hash sources (`'sha256-…'`) of the inline scripts and style sheets a page may run. */
export interface InlineCode {
  readonly scripts: readonly string[];
  readonly styles: readonly string[];
}

export const sha256Source = (code: string): string => `'sha256-${createHash('sha256').update(code).digest('base64')}'`;

/** What the result pages run inline, on the controller and in the static site: their one style sheet. */
export const RESULT_PAGES: InlineCode = { scripts: [], styles: [sha256Source(PAGE_STYLE)] };

/** What any of these pages runs inline: the policy of a site that serves them all under one header. */
export function allOf(...pages: readonly InlineCode[]): InlineCode {
  const union = (sources: (readonly string[])[]) => [...new Set(sources.flat())];
  return { scripts: union(pages.map((page) => page.scripts)), styles: union(pages.map((page) => page.styles)) };
}

/** The hashes of the inline `<script>` and `<style>` elements of a page (elements with a `src` have no content). */
export function inlineCodeOf(html: string): InlineCode {
  const hashes = (tag: string) =>
    [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'gi'))]
      .map((element) => element[1]!)
      .filter((code) => code !== '')
      .map(sha256Source);
  return { scripts: hashes('script'), styles: hashes('style') };
}

/** A policy travels in a header, or in a `<meta>` tag, which browsers do not let name frame-ancestors. */
export type Delivery = 'header' | 'meta';

function directives(page: InlineCode, delivery: Delivery) {
  return {
    // Also what fonts, images and connections fall back to: the socket.io WebSocket included, 'self' covering ws:.
    'default-src': ["'self'"],
    'script-src': ["'self'", ...page.scripts],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", ...page.styles],
    // The apps' build inlines the smallest font subsets; the verifier's icon is inside its page (for a USB stick).
    'font-src': ["'self'", 'data:'],
    'img-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    ...(delivery === 'header' ? { 'frame-ancestors': ["'none'"] } : {}),
  };
}

type Middleware = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;

/** The headers a middleware sets: helmet's are the same for every request, so they are worked out once. */
function headersOf(middleware: Middleware): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string) => void (headers[name] = value),
    removeHeader: (name: string) => void delete headers[name],
  };
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, () => undefined);
  return headers;
}

/**
 * Sets the security headers on every answer of the Express routes; their pages run no inline code but the result
 * pages' style sheet. An app's page, which may run more, has its policy set where it is sent.
 */
export const securityHeaders: Middleware = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: directives(RESULT_PAGES, 'header') },
  // The hall's network is plain HTTP; where HTTPS is added (a proxy, the public site), so is HSTS, by whoever does.
  strictTransportSecurity: false,
  xFrameOptions: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
});

/** The same headers, for answers written without Express (the result pages' fast path) and for nginx. */
export const SECURITY_HEADERS = headersOf(securityHeaders);

/**
 * The Content-Security-Policy of a page that runs this inline code: as a header, or as a `<meta>` carries it (without
 * frame-ancestors, which only a header can set).
 */
export function contentPolicy(page: InlineCode, delivery: Delivery): string {
  const middleware = contentSecurityPolicy({ useDefaults: false, directives: directives(page, delivery) });
  return headersOf(middleware)['Content-Security-Policy']!;
}

const CHARSET = /<meta charset="utf-8"\s*\/?>/i;

/**
 * The page with `policy` as a `<meta http-equiv>` right after its charset: a meta policy covers only what comes
 * after it, so it goes before every style and script.
 */
export function withPolicyMeta(html: string, policy: string): string {
  const charset = CHARSET.exec(html);
  if (charset === null) throw new Error('a page without <meta charset="utf-8"> has no place for its policy');
  const end = charset.index + charset[0].length;
  return `${html.slice(0, end)}<meta http-equiv="Content-Security-Policy" content="${policy}">${html.slice(end)}`;
}
