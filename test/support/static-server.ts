/**
 * An ordinary static web server for tests, as a CDN or nginx would serve an exported site: files by path, a folder's
 * index.html, a redirect from a folder without its trailing slash, a content type by extension, nothing else.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.zip': 'application/zip',
};

export interface StaticServer {
  readonly base: string;
  close(): Promise<void>;
}

export async function serveFolder(root: string): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = normalize(join(root, decodeURIComponent(url.pathname)));
    const found = path.startsWith(root) ? statSync(path, { throwIfNoEntry: false }) : undefined;
    if (found?.isDirectory() && !url.pathname.endsWith('/')) {
      response.writeHead(301, { Location: `${url.pathname}/` }).end();
      return;
    }
    const file = found?.isDirectory() ? join(path, 'index.html') : path;
    if (statSync(file, { throwIfNoEntry: false })?.isFile() !== true) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Browsers and fetch keep connections open: close waits for them otherwise.
        server.closeAllConnections();
      }),
  };
}
