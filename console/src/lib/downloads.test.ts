/** The console's download buttons: the controller's own paths, the file names it gives, its refusals in words. */
import { describe, expect, it } from 'vitest';
import { ceremonyDownloads, downloadError, fileNameOf, schoolDownloads } from './downloads.ts';
import { operatorDownloadPaths } from '../../../controller/contract/http-routes.ts';
import { BUNDLE_ZIP_PATH } from '../../../controller/contract/public-links.ts';

describe('downloads', () => {
  it('ask for the paths the controller serves', () => {
    expect(schoolDownloads('东市街小学').map((download) => [download.path, download.kind])).toEqual([
      [operatorDownloadPaths.schoolLists('东市街小学'), 'print'],
      [operatorDownloadPaths.schoolSpreadsheet('东市街小学', 'xlsx'), 'save'],
      [operatorDownloadPaths.schoolSpreadsheet('东市街小学', 'csv'), 'save'],
      [operatorDownloadPaths.media('东市街小学'), 'save'],
    ]);
    const paths = (closed: boolean) => ceremonyDownloads(closed).map((download) => download.path);
    expect(paths(false)).not.toContain(operatorDownloadPaths.finalReport());
    expect(paths(true)).toContain(operatorDownloadPaths.finalReport());
    // The verification bundle exists from the close on, and is saved, not printed.
    expect(paths(false)).not.toContain(BUNDLE_ZIP_PATH);
    expect(ceremonyDownloads(true).find((download) => download.path === BUNDLE_ZIP_PATH)?.kind).toBe('save');
  });

  it('save under the name the controller gives, in UTF-8 when it gives one', () => {
    const path = '/operator/export/schools/%E4%B8%9C.csv';
    expect(fileNameOf(`attachment; filename="dong.csv"; filename*=UTF-8''%E4%B8%9C-%E5%90%8D%E5%8D%95.csv`, path)).toBe(
      '东-名单.csv',
    );
    expect(fileNameOf('attachment; filename="dong.csv"', path)).toBe('dong.csv');
    expect(fileNameOf(null, path)).toBe('东.csv');
  });

  it.each([
    [401, 'download-refused'],
    [409, 'download-unavailable'],
    [500, 'download-failed'],
  ])('say what a %i means', (status, code) => {
    expect(downloadError(status, 'not json')).toMatchObject({ code, details: [] });
    expect(downloadError(status, JSON.stringify({ zh: '尚未公示', en: 'not published yet' }))).toMatchObject({
      code,
      zh: '尚未公示',
      en: 'not published yet',
    });
  });
});
