/**
 * The operator's download addresses (`server/operator-http.ts` serves them) and how to ask for them. Browser-safe:
 * the console imports this module, so the two sides never spell a path differently.
 */

/** The header carrying the operator passphrase, percent-encoded: header values cannot hold Chinese characters. */
export const PASSPHRASE_HEADER = 'X-Sunshine-Passphrase';

export function passphraseHeaders(passphrase: string): Record<string, string> {
  return { [PASSPHRASE_HEADER]: encodeURIComponent(passphrase) };
}

/** The header carrying the console's session token instead (`session:granted`): the console keeps no passphrase. */
export const SESSION_HEADER = 'X-Sunshine-Session';

export function sessionHeaders(token: string): Record<string, string> {
  return { [SESSION_HEADER]: token };
}

export type SpreadsheetFormat = 'xlsx' | 'csv';

const school = (name: string) => encodeURIComponent(name);

export const operatorDownloadPaths = {
  sealCertificate: () => '/operator/print/seal-certificate.pdf',
  finalReport: () => '/operator/print/final-report.pdf',
  /** Class lists and teacher teams, four copies in one PDF. */
  schoolLists: (name: string) => `/operator/print/schools/${school(name)}.pdf`,
  schoolSpreadsheet: (name: string, format: SpreadsheetFormat) => `/operator/export/schools/${school(name)}.${format}`,
  districtSpreadsheet: (format: SpreadsheetFormat) => `/operator/export/district.${format}`,
  /** The school's image for WeChat and the press. */
  media: (name: string) => `/operator/media/${school(name)}.png`,
} as const;
