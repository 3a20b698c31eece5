/** Links the hall's phones open: served by the same controller as the display, so they work on the hall's network. */

/** The school's public result page (names masked). */
export function resultUrl(origin: string, school: string): string {
  return `${origin}/r/${encodeURIComponent(school)}`;
}

/** The link written beside a QR code for phones that cannot scan: no scheme, the school name left readable. */
export function shortUrl(url: string): string {
  return decodeURIComponent(url.replace(/^https?:\/\//, ''));
}
