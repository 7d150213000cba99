/**
 * A reader's first search, in Chromium, against a built site served as the browser tests serve
 * it (tests/support/static-server.ts, no compression): each query in a fresh browser context
 * (nothing cached; the browser itself warmed up once on the home page), opening /search/?q=… at 1280 × 900. Counts every request and every byte
 * (headers and bodies) the page made up to the moment the network has been quiet for half a
 * second after the results were shown: the page, its CSS and scripts, the index's catalog and
 * buckets, and the files of the results on screen (titles and excerpts), or of the candidates a
 * longer query checks. "Results shown" is when the status gives the final count and the results
 * on screen have their titles, measured in the page from the start of navigation.
 *   node --import tsx src/bench/search-latency.ts <site folder> [--json] <query>…
 * Chromium as in the browser tests: /usr/bin/chromium, or CHROMIUM_PATH.
 */
import { chromium } from 'playwright-core';
import { serveSite } from '../../tests/support/static-server.ts';

export interface FirstSearch {
  query: string;
  requests: number;
  bytes: number;
  /** Milliseconds from navigation to results shown; undefined when they were not within the time allowed. */
  resultsMs?: number;
  count: number;
  status: string;
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const [site, ...queries] = args.filter((arg) => arg !== '--json');
if (!site || !queries.length) {
  process.stderr.write('usage: node --import tsx src/bench/search-latency.ts <site folder> [--json] <query>…\n');
  process.exit(2);
}
/** A search still checking candidates after this long is reported as such. */
const ALLOWED_MS = 120_000;

const server = await serveSite(site);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const results: FirstSearch[] = [];
try {
  // A reader's browser is already running: the browser's own start-up (its first renderer and
  // network service) is spent once on the home page, in a context of its own that shares nothing
  // (no cache) with the measured ones.
  const warmUp = await browser.newContext();
  await (await warmUp.newPage()).goto(`${server.origin}/`);
  await warmUp.close();
  for (const query of queries) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    let requests = 0;
    let bytes = 0;
    const sizes: Promise<void>[] = [];
    page.on('requestfinished', (request) => {
      requests += 1;
      sizes.push(request.sizes().then((size) => void (bytes += size.responseHeadersSize + size.responseBodySize)));
    });
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
    let resultsMs: number | undefined;
    try {
      await page.waitForFunction(
        () => {
          const status = document.getElementById('search-status')?.textContent ?? '';
          if (!/篇|没有/.test(status) || /核对/.test(status)) return false;
          // The results on screen have their titles.
          return [...document.querySelectorAll('#search-results .result-title')].every((title) => title.getBoundingClientRect().top > window.innerHeight || title.querySelector('a'));
        },
        null,
        { timeout: ALLOWED_MS, polling: 'raf' },
      );
      resultsMs = await page.evaluate(() => performance.now());
    } catch {
      resultsMs = undefined;
    }
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.waitForTimeout(500);
    await Promise.all(sizes);
    const status = (await page.textContent('#search-status')) ?? '';
    results.push({ query, requests, bytes, ...(resultsMs !== undefined ? { resultsMs } : {}), count: Number(/(\d+) 篇/.exec(status)?.[1] ?? 0), status });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
if (json) console.log(JSON.stringify(results));
else {
  for (const result of results) {
    const shown = result.resultsMs === undefined ? `not shown within ${ALLOWED_MS / 1000} s (${result.status})` : `results in ${(result.resultsMs / 1000).toFixed(2)} s`;
    console.log(`${result.query}: ${result.requests} requests, ${(result.bytes / 1024).toFixed(0)} KB, ${shown}, ${result.count} articles`);
  }
}
