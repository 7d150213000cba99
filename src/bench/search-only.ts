/**
 * Measures the search step alone (src/site/search/write-index.ts) in a built archive: the CPU
 * time it takes per article and the memory it adds to the process, once into an empty folder
 * (every file written) and once more into the same folder (nothing changed, nothing written).
 * Run in a built archive's folder (the benchmark's, kept with --keep), so that the articles load
 * from the build cache:
 *   node --import tsx <repo>/src/bench/search-only.ts [contentDir] [--json]
 * With --json it prints one line of JSON (src/bench/cli.ts reads it).
 *
 * Extra memory is the peak resident size while the index is made (sampled every 10 ms, and the
 * kernel's high-water mark), less the resident size once the archive is loaded and garbage
 * collected: what the step needs on top of what the site build already holds. (The high-water
 * mark counts only if the step raised it: loading the archive may have peaked higher.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { archiveOf, checkArticles } from '../site/archive.ts';
import { indexArchive } from '../site/archive-index.ts';
import { searchableArticles } from '../site/site-run.ts';
import { BuildCache, cacheRoot } from '../support/cache.ts';
import { writeSearchIndex, type SearchIndexResult } from '../site/search/write-index.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const contentDir = args.find((arg) => !arg.startsWith('--')) ?? 'content';
/** A full garbage collection before each measurement, as src/site/build.ts makes one before the step. */
const collect: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as unknown;
  return typeof gc === 'function' ? (gc as () => void) : () => undefined;
})();

const buildCache = new BuildCache(cacheRoot());
const index = indexArchive(contentDir, buildCache);
const { articles, variants } = searchableArticles(archiveOf(checkArticles(index, contentDir).articles, index.officials, index.places), buildCache);
const scratch = mkdtempSync(path.join(os.tmpdir(), 'search-only-'));
const cache = new BuildCache(path.join(scratch, 'cache'));

function measured(): SearchIndexResult & { extraBytes: number } {
  collect();
  const before = process.memoryUsage().rss;
  const highWater = process.resourceUsage().maxRSS * 1024;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const result = writeSearchIndex(articles, { siteDir: path.join(scratch, 'site'), cache, variants });
  clearInterval(sampler);
  // The kernel's high-water mark covers moments the sampler missed (the step runs on this thread).
  const highWaterNow = process.resourceUsage().maxRSS * 1024;
  peak = Math.max(peak, process.memoryUsage().rss, highWaterNow > highWater ? highWaterNow : 0);
  return { ...result, extraBytes: peak - before };
}

try {
  const cold = measured();
  const warm = measured();
  const figures = {
    articles: cold.articles,
    cpuMsPerArticle: (cold.cpuSeconds * 1000) / cold.articles,
    warmCpuMsPerArticle: (warm.cpuSeconds * 1000) / warm.articles,
    seconds: cold.seconds,
    extraMB: cold.extraBytes / 1e6,
    files: cold.files,
    bytes: cold.bytes,
    bucketCount: cold.bucketCount,
    grams: cold.grams,
    postings: cold.postings,
    warmWritten: warm.written,
  };
  if (json) console.log(JSON.stringify(figures));
  else {
    console.log(
      `search step alone: ${figures.articles} articles, ${figures.cpuMsPerArticle.toFixed(2)} ms of CPU per article (${figures.seconds.toFixed(1)} s), ` +
        `${figures.extraMB.toFixed(0)} MB of extra memory; ${figures.files} files, ${(figures.bytes / 1e6).toFixed(1)} MB, ${figures.bucketCount} buckets; ` +
        `again with nothing changed: ${figures.warmCpuMsPerArticle.toFixed(2)} ms per article, ${figures.warmWritten} files written`,
    );
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
