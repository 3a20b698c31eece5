/**
 * Where the Chromium that prints PDFs and PNGs lives on this machine. The same browsers the kiosk launchers look for
 * (kiosk-config/linux/sunshine-kiosk.sh, kiosk-config/windows/sunshine-kiosk.ps1), in that order, after an explicit
 * `SUNSHINE_CHROMIUM`. Nothing is ever downloaded: the ceremony machine is offline.
 */
import { existsSync } from 'node:fs';
import { delimiter, join, win32 } from 'node:path';

export const CHROMIUM_VARIABLE = 'SUNSHINE_CHROMIUM';

/** The kiosk launcher's list, looked up on PATH as it does (`command -v`), /usr/bin first. */
const UNIX_BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'microsoft-edge'];

function unixBrowsers(env: NodeJS.ProcessEnv): string[] {
  const folders = ['/usr/bin', ...(env['PATH'] ?? '').split(delimiter).filter((folder) => folder !== '')];
  const unique = [...new Set(folders)];
  return UNIX_BROWSERS.flatMap((name) => unique.map((folder) => join(folder, name)));
}

function windowsBrowsers(env: NodeJS.ProcessEnv): string[] {
  const programFilesX86 = env['ProgramFiles(x86)'];
  const programFiles = env['ProgramFiles'];
  const localAppData = env['LOCALAPPDATA'];
  return [
    programFilesX86 && win32.join(programFilesX86, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    programFiles && win32.join(programFiles, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    programFiles && win32.join(programFiles, 'Google', 'Chrome', 'Application', 'chrome.exe'),
    localAppData && win32.join(localAppData, 'Google', 'Chrome', 'Application', 'chrome.exe'),
  ].filter((path): path is string => typeof path === 'string' && path !== '');
}

export type ChromiumSearch =
  { readonly found: true; readonly path: string } | { readonly found: false; readonly zh: string; readonly en: string };

/** The browser to print with; `SUNSHINE_CHROMIUM`, when set, is the only one tried, so a typo is not papered over. */
export function findChromium(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  exists: (path: string) => boolean = existsSync,
): ChromiumSearch {
  const chosen = env[CHROMIUM_VARIABLE];
  if (chosen !== undefined && chosen !== '') {
    return exists(chosen)
      ? { found: true, path: chosen }
      : {
          found: false,
          zh: `环境变量 ${CHROMIUM_VARIABLE} 指向的浏览器不存在：${chosen}`,
          en: `${CHROMIUM_VARIABLE} names a browser that does not exist: ${chosen}`,
        };
  }
  const windows = platform === 'win32';
  const path = (windows ? windowsBrowsers(env) : unixBrowsers(env)).find(exists);
  if (path !== undefined) return { found: true, path };
  const looked = windows ? 'Edge、Chrome' : UNIX_BROWSERS.join('、');
  return {
    found: false,
    zh:
      `找不到用于生成 PDF 的浏览器（已查找 ${looked}）。` +
      `请安装 Chromium（Debian/Ubuntu：apt-get install chromium）或 Chrome / Edge，` +
      `或用环境变量 ${CHROMIUM_VARIABLE} 指定浏览器程序的路径`,
    en:
      `no browser found to make PDFs (looked for ${looked.replaceAll('、', ', ')}). ` +
      `Install Chromium (Debian/Ubuntu: apt-get install chromium) or Chrome / Edge, ` +
      `or set ${CHROMIUM_VARIABLE} to the browser program's path`,
  };
}
