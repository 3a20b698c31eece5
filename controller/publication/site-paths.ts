/**
 * Where the static export puts each page: the controller's own paths (`r/<学校>/`, `verify/`), so a site that serves
 * the folder at its root answers the same addresses as the controller and the display's QR codes work on both.
 */
import { BUNDLE_ZIP, RESULTS_FOLDER, resultPagePath, VERIFIER_FOLDER } from '../contract/public-links.ts';
import type { Bilingual } from './lookup.ts';
import type { SiteLinks } from './render.ts';

export const LOOKUP_SCRIPT = 'lookup.js';
export const LOOKUP_DATA = 'lookup.json';
/** The files beside the school folders in `r/`: a school named like one of them would collide with it. */
const RESULTS_FILES = ['index.html', LOOKUP_SCRIPT];

/** Names Windows reserves for devices, with or without an extension. */
const RESERVED_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
/** Characters Windows forbids in file names (Unix forbids "/" and NUL, included here), besides control characters. */
const FORBIDDEN = '<>:"/\\|?*';

/**
 * Why a school's name cannot be its folder in the export, or null when it can. A name is never escaped instead:
 * the folder must be the name itself, or the address on the display's QR code would not find the page.
 */
export function folderNameProblem(name: string): Bilingual | null {
  const forbidden = [...name].find((char) => char < ' ' || FORBIDDEN.includes(char));
  if (forbidden !== undefined) {
    const shown = forbidden < ' ' ? `U+${forbidden.charCodeAt(0).toString(16).padStart(4, '0')}` : forbidden;
    return {
      zh: `学校名“${name}”含有文件名不允许的字符“${shown}”，无法作为静态站点的文件夹名`,
      en: `the school name "${name}" holds "${shown}", which file names cannot: it cannot be a folder of the static site`,
    };
  }
  if (/[. ]$/.test(name) || RESERVED_DEVICE.test(name) || RESULTS_FILES.includes(name.toLowerCase())) {
    return {
      zh: `学校名“${name}”不能作为静态站点的文件夹名（保留名，或以点、空格结尾）`,
      en: `the school name "${name}" cannot be a folder of the static site (a reserved name, or ending in a dot or space)`,
    };
  }
  return null;
}

/** The links of a page `depth` folders below the site's root: relative, so the folder works under any address. */
export function staticLinks(depth: number, options: { verifier: boolean; bundle: boolean }): SiteLinks {
  const up = '../'.repeat(depth);
  return {
    index: `${up}${RESULTS_FOLDER}/`,
    school: (name) => `${up}${resultPagePath(name).slice(1)}/`,
    verifier: options.verifier ? `${up}${VERIFIER_FOLDER}/` : null,
    bundle: options.bundle ? `${up}${VERIFIER_FOLDER}/${BUNDLE_ZIP}` : null,
  };
}
