/**
 * `npm run site`: renders _site/ from content/articles with Eleventy (.eleventy.ts), in batches.
 *
 * The build is prepared once (archive, raw captures, pages: src/site/site-build.ts),
 * then Eleventy runs once per batch of pages in this process, so that it never holds more than a
 * batch of rendered pages (at 10,000 captures all of them would not fit in 1.5 GB).
 *
 * usage: npm run site -- [--output=DIR] [--pathprefix=/sub/path/] [--quiet]
 * Environment: ARCHIVE_CONTENT_DIR, ARCHIVE_SITE_URL, ARCHIVE_PATH_PREFIX, ARCHIVE_CACHE
 * (src/site/settings.ts), and ARCHIVE_BATCH_PAGES, the most pages per Eleventy run (default 2,000).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import Eleventy from '@11ty/eleventy';
import { normalisePathPrefix, readSiteSettings } from './settings.ts';
import { BuildCache } from '../support/cache.ts';
import { readStaticTexts, RENDERING_CODE, SiteBuild, searchSummary, setDrivenBatch } from './site-build.ts';
import { prerenderArticles } from './render-pool.ts';

const USAGE = 'usage: npm run site -- [--output=DIR] [--pathprefix=/sub/path/] [--quiet]';
const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
/**
 * Pages per Eleventy run: Eleventy holds every page of a run until the run ends. At 10,000
 * captures the site process peaked at 1,014 MB in runs of 2,000 pages, 1,271 MB in runs of 4,000.
 */
const DEFAULT_BATCH_PAGES = 2000;

function batchPages(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_BATCH_PAGES;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new Error(`ARCHIVE_BATCH_PAGES must be a positive whole number, got ${value}`);
  return count;
}

/**
 * Eleventy files every template it compiles in a process-wide cache under a key of its
 * configuration instance, which a new instance never asks for again: each run would keep the last
 * one's compiled templates, and with them its configuration, for good (at 2,000 captures the heap
 * after each run of 500 pages grew by about 3 MB without this). Eleventy clears that cache on its
 * global event bus when a configuration is reset; the bus is not exported, so it is reached beside
 * Eleventy's entry module. Should another Eleventy version move it, runs only keep more memory.
 */
async function forgetCompiledTemplates(): Promise<void> {
  try {
    const eventBus = new URL('./EventBus.js', import.meta.resolve('@11ty/eleventy'));
    const { default: bus } = (await import(eventBus.href)) as { default: { emit(event: string): Promise<unknown> } };
    await bus.emit('eleventy.compileCacheReset');
  } catch {
    // Memory only: the pages are the same.
  }
}

/**
 * A full garbage collection between runs. A run leaves its pages behind as garbage, and V8 lets
 * garbage pile up until the heap nears its limit (about 4 GB here): at 10,000 captures the
 * process grew to 2.6 GB while a third of that was live. Collecting before each run (a few
 * tenths of a second at that size) keeps it near what one run needs. Where V8 does not allow it,
 * nothing is collected by hand.
 */
const collectGarbage: () => void = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : () => undefined;
  } catch {
    return () => undefined;
  }
})();

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      output: { type: 'string', default: '_site' },
      pathprefix: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      // Accepted for the command line `npm run site` used to be; the configuration is always .eleventy.ts.
      config: { type: 'string' },
    },
    strict: true,
  });
  const settings = readSiteSettings();
  const pathPrefix = normalisePathPrefix(values.pathprefix ?? settings.pathPrefix);
  const outputDir = path.resolve(values.output);
  const perBatch = batchPages(process.env.ARCHIVE_BATCH_PAGES);
  const started = performance.now();

  const cache = new BuildCache(settings.cacheDir);
  // Articles the cache lacks are rendered on every core first; the archive then reads them from it.
  await prerenderArticles(settings.contentDir, cache);
  const build = SiteBuild.start({
    contentDir: settings.contentDir,
    outputDir,
    cache,
    origin: settings.origin,
    pathPrefix,
    texts: readStaticTexts(),
    code: RENDERING_CODE,
  });
  let batches = 0;
  try {
    for await (const batch of build.batches(perBatch)) {
      // What the last run left is garbage by now (not after the last run: the process ends).
      if (batches > 0) collectGarbage();
      setDrivenBatch(batch);
      // As the Eleventy command line runs it: the output folder given here wins over the
      // configuration's, and an error is reported as Eleventy reports it, failing the build.
      const eleventy = new Eleventy(undefined, outputDir, {
        source: 'cli',
        configPath: path.join(REPO_ROOT, '.eleventy.ts'),
        pathPrefix,
        quietMode: values.quiet,
      });
      // Eleventy resolves to every page it wrote; dropping that list is what frees the batch.
      await eleventy.write();
      await forgetCompiledTemplates();
      batches += 1;
    }
  } finally {
    setDrivenBatch(undefined);
  }
  // The last run's pages are garbage now; the search index is made next.
  collectGarbage();
  const search = await build.finish();
  console.log(searchSummary(search));
  console.log(`[archive] site written in ${batches} Eleventy runs, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (build.problems.length) {
    for (const line of build.problems) process.stderr.write(`${line}\n`);
    process.stderr.write(`site: ${build.problems.length} article file(s) or capture(s) left out of the site (listed above)\n`);
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (error) {
  process.stderr.write(`site: ${error instanceof Error ? error.message : String(error)}\n${error instanceof TypeError && /parseArgs|option/i.test(error.message) ? `${USAGE}\n` : ''}`);
  process.exitCode = 1;
}
