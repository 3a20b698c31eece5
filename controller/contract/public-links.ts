/**
 * The public addresses of the results and the verifier, one definition for everyone who writes one: the controller's
 * routes, the static site's folders (the same paths, so a site serving the export at its root answers the same
 * addresses), the display's QR codes, the console's links and the printed media image. Browser-safe.
 */

/** `/r/` lists every school; `/r/<学校>` is one school's page. */
export const RESULTS_FOLDER = 'r';
/** `/verify`: the offline verifier page. */
export const VERIFIER_FOLDER = 'verify';

export const RESULTS_INDEX_PATH = `/${RESULTS_FOLDER}/`;
export const VERIFIER_PATH = `/${VERIFIER_FOLDER}`;
/**
 * The verification bundle as one zip, in the verifier's folder from the close on: the page fetches it by this
 * relative name, from the controller and from a static site alike (`/verify/bundle.zip`).
 */
export const BUNDLE_ZIP = 'bundle.zip';
export const BUNDLE_ZIP_PATH = `${VERIFIER_PATH}/${BUNDLE_ZIP}`;

/** The path of a school's result page on the controller, and on a static export uploaded at a site's root. */
export function resultPagePath(schoolName: string): string {
  return `${RESULTS_INDEX_PATH}${encodeURIComponent(schoolName)}`;
}

/**
 * Where phones go: the address the operator gave (`sunshine serve --public-url`, or the console's display controls)
 * — the hall's LAN address or a public site — else `origin`, the controller's address as the page asking was opened at.
 */
export function publicBase(publicUrl: string | null, origin: string): string {
  return siteBase(publicUrl ?? origin);
}

/** An address as the links above start from it: without a trailing slash. */
export function siteBase(url: string): string {
  return url.replace(/\/+$/, '');
}

/** The school's public result page (names masked). */
export function resultUrl(base: string, school: string): string {
  return `${base}${resultPagePath(school)}`;
}

/** Every school's result page, listed. */
export function resultsIndexUrl(base: string): string {
  return `${base}${RESULTS_INDEX_PATH}`;
}

/** The offline verifier page, for anyone who wants to check the draws. */
export function verifyUrl(base: string): string {
  return `${base}${VERIFIER_PATH}`;
}

/** The link written beside a QR code for phones that cannot scan: no scheme, the school name left readable. */
export function shortUrl(url: string): string {
  return decodeURIComponent(url.replace(/^https?:\/\//, ''));
}
