/**
 * A tiny static file server for tests: serves a built site under a path prefix, answers
 * unknown paths with the site's 404 page and a 404 status, as GitHub Pages does.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xsl': 'application/xslt+xml; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface RunningServer {
  origin: string;
  close(): Promise<void>;
}

export async function serveSite(siteDir: string, pathPrefix = '/'): Promise<RunningServer> {
  const root = path.resolve(siteDir);
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    const notFound = async () => {
      const page = await readFile(path.join(root, '404.html')).catch(() => Buffer.from('not found'));
      response.writeHead(404, { 'content-type': TYPES['.html']! });
      response.end(page);
    };
    if (!pathname.startsWith(pathPrefix)) return notFound();
    pathname = `/${pathname.slice(pathPrefix.length)}`;
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) return notFound();
    try {
      if ((await stat(file)).isDirectory()) {
        if (!pathname.endsWith('/')) {
          response.writeHead(301, { location: `${url.pathname}/` });
          return response.end();
        }
        file = path.join(file, 'index.html');
      }
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      await notFound();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
