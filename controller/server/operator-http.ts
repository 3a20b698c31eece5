/**
 * The operator's downloads (paths in `contract/http-routes.ts`): printed documents as PDF, the media image as PNG, the
 * platform lists as Excel and CSV. Operator-only — full names and ID numbers — so every request carries the console's
 * session token (issued after the seal for the passphrase) or the operator passphrase itself, checked by the gate the
 * sockets share, throttled the same (401 when wrong, 429 while the caller must wait). Not ready yet is 409, an
 * unknown school 404; the body of every refusal is `{ zh, en }`.
 *
 * One printing press renders everything (in production one Chromium, started at the first PDF or PNG and closed with
 * the controller: `wiring.ts`). A rendering is kept per document until the ceremony or the event information changes,
 * and a second request for a document being rendered waits for the same rendering instead of starting another.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { districtSchools, platformRows } from '../export/platform-rows.ts';
import { platformCsv, platformWorkbook } from '../export/spreadsheets.ts';
import { documentContext, type DocumentContext } from '../print/context.ts';
import { printJob, type PrintRequest } from '../print/documents.ts';
import { BrowserMissing, type PrintingPress } from '../print/press.ts';
import { publishedSchool, type PublishedSchool, type Unavailable } from '../print/published.ts';
import { PASSPHRASE_HEADER, SESSION_HEADER, type SpreadsheetFormat } from '../contract/http-routes.ts';
import { publicBase } from '../contract/public-links.ts';
import type { Ceremony } from '../ceremony.ts';
import { ceremonyTimes, NO_TIMES } from '../storage/ceremony-times.ts';
import { plainAddress } from './local-address.ts';
import type { OperatorGate } from './operator-gate.ts';

export interface OperatorDownloads {
  readonly router: express.Router;
  /** Closes the browser, if one was started. */
  close(): Promise<void>;
}

interface Rendering {
  /** What the rendering was made from: the state's revision and the document context. */
  readonly stamp: string;
  readonly bytes: Promise<Uint8Array>;
}

const MEDIA_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

/** `press` renders the PDFs and PNGs; closing the downloads closes it. `gate` checks who asks. */
export function operatorDownloads(ceremony: Ceremony, press: PrintingPress, gate: OperatorGate): OperatorDownloads {
  const { service, presentations } = ceremony;
  const renderings = new Map<string, Rendering>();
  let times = { revision: -1, value: NO_TIMES };

  function context(): DocumentContext {
    const { revision } = service.state;
    if (times.revision !== revision) times = { revision, value: ceremonyTimes(ceremony.log) };
    return documentContext(presentations.presentation.event, times.value);
  }

  /** Where phones reach the controller: the configured public address, else the address the console used. */
  function publicUrl(request: Request): string {
    return publicBase(
      presentations.presentation.publicUrl,
      `${request.protocol}://${request.get('host') ?? 'localhost'}`,
    );
  }

  async function sendPrinted(response: Response, request: PrintRequest, asciiName: string): Promise<void> {
    const documentContext = context();
    const job = printJob(service.state, documentContext, request);
    if ('reason' in job) return refuse(response, job);
    const key = JSON.stringify(request);
    const stamp = JSON.stringify([service.state.revision, documentContext]);
    let rendering = renderings.get(key);
    if (rendering?.stamp !== stamp) {
      const bytes = press.print(job);
      rendering = { stamp, bytes };
      renderings.set(key, rendering);
      // A failed rendering is forgotten, so the next request tries again.
      void bytes.catch(() => renderings.get(key) === rendering && renderings.delete(key));
    }
    send(response, job.format, `${job.name}.${job.format}`, asciiName, await rendering.bytes);
  }

  async function sendSpreadsheet(
    response: Response,
    schools: PublishedSchool[],
    format: SpreadsheetFormat,
    name: string,
    asciiName: string,
  ): Promise<void> {
    const rows = platformRows(schools);
    const body = format === 'xlsx' ? await platformWorkbook(rows) : new TextEncoder().encode(platformCsv(rows));
    send(response, format, `${name}-分班名单.${format}`, `${asciiName}.${format}`, body);
  }

  const router = express.Router();

  router.use('/operator', async (request, response, next) => {
    if (service.state.seal === null) {
      response.status(409).json({
        zh: '尚未封装：封装前没有可下载的文件',
        en: 'not sealed yet: there is nothing to download before the seal',
      });
      return;
    }
    if (gate.session(request.get(SESSION_HEADER)) === 'passphrase') return next();
    const passphrase = decodedHeader(request.get(PASSPHRASE_HEADER));
    const checked =
      passphrase === null
        ? null
        : await gate.checkPassphrase(passphrase, {
            address: plainAddress(request.socket.remoteAddress),
            channel: 'http',
          });
    if (checked?.outcome === 'right') return next();
    if (checked?.outcome === 'throttled') {
      response.status(429).json({ zh: checked.error.zh, en: checked.error.en });
      return;
    }
    response.status(401).json({
      zh: `需要操作员口令（请求头 ${PASSPHRASE_HEADER}）或控制台会话，或口令不正确`,
      en: `the operator passphrase (header ${PASSPHRASE_HEADER}) or a console session is missing, or the passphrase is wrong`,
    });
  });

  router.get('/operator/print/seal-certificate.pdf', (_request, response) =>
    sendPrinted(response, { kind: 'seal-certificate' }, 'seal-certificate.pdf'),
  );
  router.get('/operator/print/final-report.pdf', (request, response) =>
    sendPrinted(response, { kind: 'final-report', publicUrl: publicUrl(request) }, 'final-report.pdf'),
  );
  router.get('/operator/print/schools/:file', async (request, response, next) => {
    const school = withoutExtension(request.params.file, ['pdf']);
    if (school === null) return next();
    await sendPrinted(response, { kind: 'school-lists', school: school.name }, 'school-lists.pdf');
  });
  router.get('/operator/media/:file', async (request, response, next) => {
    const school = withoutExtension(request.params.file, ['png']);
    if (school === null) return next();
    await sendPrinted(response, { kind: 'media', school: school.name, publicUrl: publicUrl(request) }, 'media.png');
  });
  router.get('/operator/export/schools/:file', async (request, response, next) => {
    const file = withoutExtension(request.params.file, ['xlsx', 'csv']);
    if (file === null) return next();
    const school = publishedSchool(service.state, file.name);
    if ('reason' in school) return refuse(response, school);
    await sendSpreadsheet(response, [school], file.extension, school.plan.name, 'school-lists');
  });
  router.get('/operator/export/:file', async (request, response, next) => {
    const file = withoutExtension(request.params.file, ['xlsx', 'csv']);
    if (file?.name !== 'district') return next();
    const schools = districtSchools(service.state);
    if ('reason' in schools) return refuse(response, schools);
    await sendSpreadsheet(response, schools, file.extension, '全区', 'district');
  });

  // Whatever went wrong, the console gets words to show, never a stack trace.
  router.use('/operator', (error: unknown, _request: Request, response: Response, _next: NextFunction) => {
    if (error instanceof BrowserMissing) {
      response.status(503).json({
        zh: `${error.zh}。也可在控制器电脑上运行 npx sunshine export print 得到可用任何浏览器打印的 HTML`,
        en: `${error.en}. Or run npx sunshine export print on the controller machine for HTML to print from any browser`,
      });
      return;
    }
    const reason = error instanceof Error ? error.message : String(error);
    response.status(500).json({ zh: `生成文件失败：${reason}`, en: `could not make the file: ${reason}` });
  });

  return { router, close: () => press.close() };
}

/** The passphrase header's value, percent-decoded; null when absent or not decodable. */
function decodedHeader(header: string | undefined): string | null {
  if (header === undefined) return null;
  try {
    return decodeURIComponent(header);
  } catch {
    return null;
  }
}

function withoutExtension<E extends string>(
  file: string,
  extensions: readonly E[],
): { name: string; extension: E } | null {
  const extension = extensions.find((candidate) => file.endsWith(`.${candidate}`));
  return extension === undefined ? null : { name: file.slice(0, -extension.length - 1), extension };
}

function refuse(response: Response, unavailable: Unavailable): void {
  response.status(unavailable.reason === 'unknown' ? 404 : 409).json({ zh: unavailable.zh, en: unavailable.en });
}

/** The file with its name for the browser: ASCII for old clients, the real (Chinese) name per RFC 5987. */
function send(
  response: Response,
  format: keyof typeof MEDIA_TYPES,
  fileName: string,
  asciiName: string,
  body: Uint8Array,
): void {
  response
    .type(MEDIA_TYPES[format])
    .set('Content-Disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .set('Cache-Control', 'no-store')
    .send(Buffer.from(body));
}
