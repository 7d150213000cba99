/**
 * Times a first search in Chromium against a built site served from this process: from opening
 * the search page with a query to the status line giving the count, and the requests it made
 * (Pagefind loads every shard's entry and, per shard, the index chunks a query needs).
 *   node --import tsx src/bench/search-latency.ts <site folder> <query>…
 * Needs Debian's Chromium at /usr/bin/chromium (as the browser tests do).
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [site, ...queries] = process.argv.slice(2);
if (!site || !queries.length) {
  process.stderr.write('usage: node --import tsx src/bench/search-latency.ts <site folder> <query>…\n');
  process.exit(2);
}
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm', '.css': 'text/css' };
let requests = 0;
const server = createServer((request, response) => {
  requests += 1;
  let file = path.join(site, decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const query of queries) {
    const page = await browser.newPage();
    requests = 0;
    const started = performance.now();
    await page.goto(`http://127.0.0.1:${port}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => /篇|没有/.test(document.querySelector('[role=status]')?.textContent ?? ''), null, { timeout: 120_000 });
    console.log(`${query}: ${((performance.now() - started) / 1000).toFixed(2)} s, ${requests} requests`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
