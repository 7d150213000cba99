/**
 * A tiny static file server for tests: serves a built site under a path prefix, answers
 * unknown paths with the site's 404 page and a 404 status, as GitHub Pages does. Asked to, it
 * also sends the headers of the site's `_headers` file, as Netlify and Cloudflare Pages do.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
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
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
};

export interface RunningServer {
  origin: string;
  close(): Promise<void>;
}

/** The rules of a `_headers` file: a path pattern (`/*` matches below it), then its indented `Name: value` lines. */
function readHeadersFile(file: string): { pattern: string; headers: Record<string, string> }[] {
  const rules: { pattern: string; headers: Record<string, string> }[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: {} });
    else {
      const at = line.indexOf(':');
      rules.at(-1)!.headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

export async function serveSite(siteDir: string, pathPrefix = '/', options: { headersFile?: boolean } = {}): Promise<RunningServer> {
  const root = path.resolve(siteDir);
  const rules = options.headersFile ? readHeadersFile(path.join(root, '_headers')) : [];
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    const inSite = `/${pathname.slice(pathPrefix.length)}`;
    for (const rule of rules) {
      const matches = rule.pattern.endsWith('*') ? inSite.startsWith(rule.pattern.slice(0, -1)) : inSite === rule.pattern;
      if (matches) for (const [name, value] of Object.entries(rule.headers)) response.setHeader(name, value);
    }
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
