/**
 * Times a first search in Chromium against a built site, served as the browser tests serve it
 * (tests/support/static-server.ts): from opening the search page with a query to the status line
 * giving the count, and the requests the page made (Pagefind loads every shard's entry and, per
 * shard, the index chunks a query needs).
 *   node --import tsx src/bench/search-latency.ts <site folder> <query>…
 * Chromium as in the browser tests: /usr/bin/chromium, or CHROMIUM_PATH.
 */
import { chromium } from 'playwright-core';
import { serveSite } from '../../tests/support/static-server.ts';

const [site, ...queries] = process.argv.slice(2);
if (!site || !queries.length) {
  process.stderr.write('usage: node --import tsx src/bench/search-latency.ts <site folder> <query>…\n');
  process.exit(2);
}
const server = await serveSite(site);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const query of queries) {
    const page = await browser.newPage();
    let requests = 0;
    page.on('request', () => (requests += 1));
    const started = performance.now();
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => /篇|没有/.test(document.querySelector('[role=status]')?.textContent ?? ''), null, { timeout: 120_000 });
    console.log(`${query}: ${((performance.now() - started) / 1000).toFixed(2)} s, ${requests} requests`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
