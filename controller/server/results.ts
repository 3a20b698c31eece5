/**
 * The public result pages on the controller: `/r/` (every school), `/r/<学校>` and its lookup. A crowd of phones asks
 * for the same few pages, so each is rendered once per state revision, compressed once (brotli, gzip) and answered
 * from memory with an ETag; the lookup reads a Map built once per revision. Lookups are rate-limited per address.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import type { CeremonyState } from '../../engine/ceremony/state.ts';
import { lookupIndex, lookUp } from '../publication/lookup.ts';
import { RESULTS_INDEX_PATH, resultPagePath, VERIFIER_PATH } from '../contract/public-links.ts';
import { publicCeremony, type PublicCeremony } from '../publication/model.ts';
import {
  renderIndex,
  renderLookupPage,
  renderMessage,
  renderSchool,
  type LookupForm,
  type SiteLinks,
} from '../publication/render.ts';
import { HashedLookup, newLookupHashKey, type LookupHashKey } from './hashed-lookup.ts';
import { SECURITY_HEADERS } from './security.ts';

/** What the pages are made from: the current ceremony state (CeremonyService is one). */
export interface StateSource {
  readonly state: CeremonyState;
}

/** Lookups one address may make per minute: enough for a family, far too few to guess ID digits. */
export const LOOKUPS_PER_MINUTE = 10;

const LINKS: SiteLinks = { index: RESULTS_INDEX_PATH, school: resultPagePath, verifier: VERIFIER_PATH, bundle: null };
const lookupForm = (school: string): LookupForm => ({ kind: 'server', action: `${resultPagePath(school)}/lookup` });

interface CachedPage {
  readonly identity: Buffer;
  readonly gzip: Buffer;
  readonly brotli: Buffer;
  readonly etag: string;
}

function cachePage(html: string): CachedPage {
  const identity = Buffer.from(html);
  return {
    identity,
    gzip: gzipSync(identity, { level: 9 }),
    brotli: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
    // From the content, not the revision: a page that did not change keeps its ETag and phones get a 304.
    etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`,
  };
}

/** The model, pages and lookup indexes of one state revision, each made when first asked for. */
class RevisionCache {
  readonly ceremony: PublicCeremony;
  private readonly pages = new Map<string, CachedPage>();
  private readonly indexes = new Map<string, HashedLookup>();

  constructor(
    readonly state: CeremonyState,
    private readonly hashKey: LookupHashKey,
  ) {
    this.ceremony = publicCeremony(state);
  }

  indexPage(): CachedPage {
    return this.page('', () => renderIndex(this.ceremony, LINKS));
  }

  /** The school's page; null for a school not in the plan. */
  schoolPage(name: string): CachedPage | null {
    const school = this.ceremony.schools.find((found) => found.name === name);
    if (school === undefined) return null;
    return this.page(name, () => renderSchool(school, this.ceremony.verification, LINKS, lookupForm(name)));
  }

  /** The school's lookup, its keys hashed; null until it is published. */
  lookupIndex(name: string): HashedLookup | null {
    const record = this.state.schools.find((found) => found.name === name);
    const school = this.ceremony.schools.find((found) => found.name === name);
    if (record === undefined || school?.status !== 'published') return null;
    let index = this.indexes.get(name);
    if (index === undefined) {
      index = new HashedLookup(lookupIndex(name, record.imported!.roster, record.draw!.classOf), this.hashKey);
      this.indexes.set(name, index);
    }
    return index;
  }

  private page(key: string, render: () => string): CachedPage {
    let cached = this.pages.get(key);
    if (cached === undefined) {
      cached = cachePage(render());
      this.pages.set(key, cached);
    }
    return cached;
  }
}

/**
 * The result pages of one ceremony: answered from memory by `answer`, which the controller's server calls before
 * Express (Express 5 re-prototypes every request and response before routing, which costs two thirds of the
 * throughput a crowd of phones needs: bench/result-pages.ts), and by the Express routes of `router`, which also hold
 * the lookup and the 404s. One per state source (`resultPages`), so both share one cache.
 */
export class ResultPages {
  readonly router: express.Router;
  private cache: RevisionCache;
  private readonly hashKey = newLookupHashKey();

  constructor(private readonly source: StateSource) {
    this.cache = new RevisionCache(source.state, this.hashKey);
    this.router = this.routes();
  }

  /** Answers a GET or HEAD of `/r`, `/r/` or a school's page from memory; false when it is something else. */
  answer(request: IncomingMessage, response: ServerResponse): boolean {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const path = PAGE_PATH.exec(request.url ?? '');
    if (path === null) return false;
    let school: string;
    try {
      school = decodeURIComponent(path[1] ?? '');
    } catch {
      return false;
    }
    const page = school === '' ? this.current().indexPage() : this.current().schoolPage(school);
    if (page === null) return false;
    sendPage(request, response, page);
    return true;
  }

  private current(): RevisionCache {
    if (this.cache.state !== this.source.state) this.cache = new RevisionCache(this.source.state, this.hashKey);
    return this.cache;
  }

  private routes(): express.Router {
    const router = express.Router();
    router.get('/r', (request, response) => void this.answer(request, response));
    router.get('/r/:school', (request, response) => {
      if (!this.answer(request, response)) unknownSchool(response, request.params.school);
    });
    // A reload of an answer, or a link to it, lands on the school's page: answers are only ever posted.
    router.get('/r/:school/lookup', (request, response) => {
      response.redirect(303, resultPagePath(request.params.school));
    });
    router.post(
      '/r/:school/lookup',
      lookupLimiter(),
      express.urlencoded({ extended: false, limit: '4kb' }),
      (request: express.Request<{ school: string }>, response: express.Response) =>
        this.lookUp(request.params.school, request.body, response),
    );
    return router;
  }

  private lookUp(name: string, body: unknown, response: express.Response): void {
    const revision = this.current();
    const school = revision.ceremony.schools.find((found) => found.name === name);
    if (school === undefined) {
      unknownSchool(response, name);
      return;
    }
    const index = revision.lookupIndex(name);
    // Answers carry a full name: never kept by a browser cache or a proxy.
    response.set('Cache-Control', 'no-store').type('html');
    if (index === null) {
      response
        .status(409)
        .send(
          renderMessage(
            { zh: '尚未公示', en: 'Not published yet' },
            { zh: `${name}的分班结果尚未公示，暂不能查询。`, en: `${name} has not published its classes yet.` },
            LINKS,
          ),
        );
      return;
    }
    const fields = (body ?? {}) as Record<string, unknown>;
    // A repeated field arrives as an array: not a usable answer, so it reads as empty.
    const field = (key: string) => {
      const value = fields[key];
      return typeof value === 'string' ? value : '';
    };
    const outcome = lookUp((key) => index.find(key), name, field('name'), field('code'));
    response
      .status(outcome.kind === 'problem' ? 400 : 200)
      .send(renderLookupPage(school, outcome, LINKS, lookupForm(name)));
  }
}

/** `/r`, `/r/`, `/r/<学校>` and `/r/<学校>/`, any query ignored; group 1 is the encoded name. */
const PAGE_PATH = /^\/r(?:\/([^/?]*))?\/?(?:\?.*)?$/;

const pagesOfSource = new WeakMap<StateSource, ResultPages>();

export function resultPages(source: StateSource): ResultPages {
  let pages = pagesOfSource.get(source);
  if (pages === undefined) {
    pages = new ResultPages(source);
    pagesOfSource.set(source, pages);
  }
  return pages;
}

function lookupLimiter(): express.RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: LOOKUPS_PER_MINUTE,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_request, response) => {
      response
        .status(429)
        .set('Retry-After', '60')
        .type('html')
        .send(
          renderMessage(
            { zh: '查询过于频繁', en: 'Too many lookups' },
            {
              zh: `同一网络地址每分钟最多查询 ${LOOKUPS_PER_MINUTE} 次，请一分钟后再试。`,
              en: `At most ${LOOKUPS_PER_MINUTE} lookups a minute from one network address: please try again in a minute.`,
            },
            LINKS,
          ),
        );
    },
  });
}

function sendPage(request: IncomingMessage, response: ServerResponse, page: CachedPage): void {
  // Express never sees these answers, so its security headers are added here.
  const headers = {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    ETag: page.etag,
    // Always revalidated: during the ceremony a page changes as schools are published.
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Encoding',
  };
  if (hasTag(request.headers['if-none-match'], page.etag)) {
    response.writeHead(304, headers).end();
    return;
  }
  const encoding = smallestEncoding(request.headers['accept-encoding']);
  const body = encoding === 'br' ? page.brotli : encoding === 'gzip' ? page.gzip : page.identity;
  response.writeHead(200, encoding === null ? headers : { ...headers, 'Content-Encoding': encoding }).end(body);
}

function hasTag(ifNoneMatch: string | undefined, etag: string): boolean {
  return ifNoneMatch?.split(',').some((tag) => ['*', etag, `W/${etag}`].includes(tag.trim())) ?? false;
}

/** Brotli, else gzip, whatever order the phone lists them in; none refused with `q=0`. */
function smallestEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((entry) =>
        entry
          .trim()
          .toLowerCase()
          .split(/\s*;\s*q=/),
      )
      .filter(([, quality]) => quality === undefined || Number(quality) > 0)
      .map(([name]) => name),
  );
  if (accepted.has('br') || accepted.has('*')) return 'br';
  return accepted.has('gzip') ? 'gzip' : null;
}

function unknownSchool(response: express.Response, name: string): void {
  response
    .status(404)
    .type('html')
    .send(
      renderMessage(
        { zh: '未找到', en: 'Not found' },
        { zh: `没有学校“${name}”。`, en: `There is no school "${name}".` },
        LINKS,
      ),
    );
}
