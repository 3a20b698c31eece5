/**
 * Links the hall's phones open. They go where the operator says (`sunshine serve --public-url`, or the console's
 * display controls): the hall's LAN address or a public site. Without one, the controller that served the display.
 */

/** The address links start with, without a trailing slash. */
export function publicBase(publicUrl: string | null, origin: string): string {
  return (publicUrl ?? origin).replace(/\/+$/, '');
}

/** The school's public result page (names masked). */
export function resultUrl(base: string, school: string): string {
  return `${base}/r/${encodeURIComponent(school)}`;
}

/** Every school's result page, listed. */
export function resultsIndexUrl(base: string): string {
  return `${base}/r/`;
}

/** The offline verifier page, for anyone who wants to check the draws. */
export function verifyUrl(base: string): string {
  return `${base}/verify`;
}

/** The link written beside a QR code for phones that cannot scan: no scheme, the school name left readable. */
export function shortUrl(url: string): string {
  return decodeURIComponent(url.replace(/^https?:\/\//, ''));
}
