/**
 * The operator's print and export files — seal certificate, final report, each school's class lists in four copies,
 * spreadsheets for the provincial platform, the image for the press, the verification bundle after the close —
 * fetched from the controller with the session this console holds (the bundle, public, needs none). PDFs open in a
 * new tab to print; the others are saved.
 */
import {
  operatorDownloadPaths as paths,
  sessionHeaders,
  type SpreadsheetFormat,
} from '../../../controller/contract/http-routes.ts';
import { BUNDLE_ZIP_PATH } from '../../../controller/contract/public-links.ts';
import { LOCAL_ERRORS, type ConsoleError, type LocalErrorCode } from './errors.ts';

type Text = { readonly zh: string; readonly en: string };

export interface Download {
  readonly label: Text;
  readonly path: string;
  /** `print`: opened in a new tab, to print; `save`: saved as a file. */
  readonly kind: 'print' | 'save';
}

const SPREADSHEETS: readonly [SpreadsheetFormat, string][] = [
  ['xlsx', 'Excel'],
  ['csv', 'CSV'],
];

/** A published school's files. */
export function schoolDownloads(school: string): Download[] {
  return [
    {
      label: { zh: '打印分班名单（一式四份）', en: 'Print the class lists (four copies)' },
      path: paths.schoolLists(school),
      kind: 'print',
    },
    ...SPREADSHEETS.map(([format, name]): Download => ({
      label: { zh: `导出名单 ${name}`, en: `Export the lists as ${name}` },
      path: paths.schoolSpreadsheet(school, format),
      kind: 'save',
    })),
    { label: { zh: '媒体发布图片', en: 'Image for the press' }, path: paths.media(school), kind: 'save' },
  ];
}

/**
 * The ceremony's own documents: the district files, and once it is closed the final report and the verification
 * bundle (the zip the verifier page at /verify checks, for the archive disc and the notary).
 */
export function ceremonyDownloads(closed: boolean): Download[] {
  return [
    { label: { zh: '打印封装证书', en: 'Print the seal certificate' }, path: paths.sealCertificate(), kind: 'print' },
    ...(closed
      ? [
          {
            label: { zh: '打印总报告', en: 'Print the final report' },
            path: paths.finalReport(),
            kind: 'print' as const,
          },
          {
            label: { zh: '下载验证包（zip）', en: 'Download the verification bundle (zip)' },
            path: BUNDLE_ZIP_PATH,
            kind: 'save' as const,
          },
        ]
      : []),
    ...SPREADSHEETS.map(([format, name]): Download => ({
      label: { zh: `导出全区名单 ${name}`, en: `Export the district’s lists as ${name}` },
      path: paths.districtSpreadsheet(format),
      kind: 'save',
    })),
  ];
}

export type Fetched =
  | { readonly ok: true; readonly blob: Blob; readonly fileName: string }
  | { readonly ok: false; readonly error: ConsoleError };

/** Fetches one file; a refusal comes back in plain words, never as a broken file. */
export async function fetchDownload(path: string, session: string): Promise<Fetched> {
  let response: Response;
  try {
    response = await fetch(path, { headers: sessionHeaders(session) });
  } catch {
    return { ok: false, error: LOCAL_ERRORS.offline };
  }
  if (!response.ok) return { ok: false, error: downloadError(response.status, await response.text()) };
  return {
    ok: true,
    blob: await response.blob(),
    fileName: fileNameOf(response.headers.get('content-disposition'), path),
  };
}

const CODE_OF_STATUS: Readonly<Record<number, LocalErrorCode>> = {
  401: 'download-refused',
  403: 'download-refused',
  404: 'download-unavailable',
  409: 'download-unavailable',
};

/** What went wrong, in the controller's own words when it gave some (`{ zh, en }` as JSON). */
export function downloadError(status: number, body: string): ConsoleError {
  const known = LOCAL_ERRORS[CODE_OF_STATUS[status] ?? 'download-failed'];
  return { ...known, ...controllerWords(body) };
}

function controllerWords(body: string): Text | null {
  try {
    const parsed: unknown = JSON.parse(body);
    const said = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Partial<Text> & {
      error?: Partial<Text>;
    };
    // Either the words themselves or, as the protocol's refusals, under `error`.
    const { zh, en } = said.error ?? said;
    return typeof zh === 'string' && typeof en === 'string' ? { zh, en } : null;
  } catch {
    return null;
  }
}

/** The name the controller gave (RFC 5987 `filename*=UTF-8''…` first), else the last part of the path. */
export function fileNameOf(disposition: string | null, path: string): string {
  const encoded = disposition === null ? undefined : /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = disposition === null ? undefined : /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)?.[1];
  try {
    return decodeURIComponent(encoded ?? plain ?? path.split('/').at(-1) ?? 'download');
  } catch {
    return plain ?? 'download';
  }
}
