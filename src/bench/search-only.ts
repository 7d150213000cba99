/**
 * Measures the search step alone (src/site/search/write-index.ts) in a built archive: the CPU
 * time it takes per article and the memory it adds to the process, once into an empty folder
 * (every file written) and once more into the same folder (nothing changed, nothing written).
 * Run in a built archive's folder (the benchmark's, kept with --keep), so that the articles load
 * from the build cache:
 *   node --import tsx <repo>/src/bench/search-only.ts [contentDir] [--json] [--repeat N] [--site DIR]
 * With --json it prints one line of JSON (src/bench/cli.ts reads it). With --repeat N each
 * article is indexed N times over, as N distinct documents, the copies' meeting dates moved on
 * by the archive's span of years so that each copy follows the one before: a projection of the step for an archive N times as large whose articles are as alike
 * as the benchmark's synthetic ones (mixes of the same seed sentences), without building it.
 *
 * With --site DIR the index is written into DIR (a copy of a built site, say), where
 * search-latency.ts can then search it; else into a scratch folder, removed at the end.
 *
 * OpenCC's dictionaries are loaded before the step is measured, as the site build has loaded
 * them for the Traditional pages by the time it makes the index.
 *
 * Extra memory is the peak resident size while the index is made (sampled every 10 ms, and the
 * kernel's high-water mark), less the resident size once the archive is loaded and garbage
 * collected: what the step needs on top of what the site build already holds. (The high-water
 * mark counts only if the step raised it: loading the archive may have peaked higher.)
 */
import { englishNamesOf } from '../site/research/english-names.ts';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { archiveOf, checkArticles } from '../site/archive.ts';
import { indexArchive } from '../site/archive-index.ts';
import { toTraditional } from '../site/editions.ts';
import { searchableArticles } from '../site/site-run.ts';
import { BuildCache, cacheRoot } from '../support/cache.ts';
import { writeSearchIndex, type SearchableArticle, type SearchIndexResult } from '../site/search/write-index.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const repeatAt = args.indexOf('--repeat');
const repeat = repeatAt >= 0 ? Number(args[repeatAt + 1]) : 1;
const siteAt = args.indexOf('--site');
const siteArg = siteAt >= 0 ? args[siteAt + 1] : undefined;
if (!Number.isInteger(repeat) || repeat < 1 || (siteAt >= 0 && !siteArg)) {
  process.stderr.write('usage: node --import tsx src/bench/search-only.ts [contentDir] [--json] [--repeat N] [--site DIR]\n');
  process.exit(2);
}
const contentDir = args.find((arg, index) => !arg.startsWith('--') && index !== repeatAt + 1 && index !== siteAt + 1) ?? 'content';
/** A full garbage collection before each measurement, as src/site/build.ts makes one before the step. */
const collect: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as unknown;
  return typeof gc === 'function' ? (gc as () => void) : () => undefined;
})();

const buildCache = new BuildCache(cacheRoot());
const index = indexArchive(contentDir, buildCache);
const archive = searchableArticles(archiveOf(checkArticles(index, contentDir).articles, index.officials, index.places, englishNamesOf(contentDir)), buildCache);
/** Copy `copy` of every article, its meeting date moved on by a span longer than the archive's (so that the copies stay in date order). */
function copies(copy: number, years: number): SearchableArticle[] {
  const moved = (date: string) => `${Number(date.slice(0, 4)) + copy * years}${date.slice(4)}`;
  return archive.articles.map((article) => ({
    ...article,
    url: `${article.url}${copy}/`,
    ...(article.date !== undefined ? { date: moved(article.date) } : {}),
    body: { ...article.body, sourceSha256: `${article.body.sourceSha256}-${copy}` },
  }));
}
// Whole leap cycles of years, so that a 29 February stays a day.
const datedYears = archive.articles.flatMap((article) => (article.date ? [Number(article.date.slice(0, 4))] : []));
const span = datedYears.length ? 4 * Math.ceil((Math.max(...datedYears) - Math.min(...datedYears) + 1) / 4) : 4;
const repeated = Array.from({ length: repeat }, (_, copy) => (copy ? copies(copy, span) : archive.articles));
// The undated last, as in the archive's order.
const articles: SearchableArticle[] = [...repeated.flatMap((all) => all.filter((article) => article.date !== undefined)), ...repeated.flatMap((all) => all.filter((article) => article.date === undefined))];
toTraditional('会议');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'search-only-'));
const cache = new BuildCache(path.join(scratch, 'cache'));
const siteDir = siteArg ? path.resolve(siteArg) : path.join(scratch, 'site');

/** Per kind of index file (buckets, the result packs of each edition, the catalog): how many, their bytes in all and the largest. */
export interface FileKinds {
  [kind: string]: { files: number; bytes: number; largest: number };
}

/** The index's files by kind: the folder a file is in within its segment (b, hans, hant), or its own name. */
function fileKinds(indexDir: string): FileKinds {
  const kinds: FileKinds = {};
  const walk = (folder: string, parts: string[]) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(file, [...parts, entry.name]);
        continue;
      }
      const kind = parts.length ? parts[parts.length - 1]! : entry.name;
      const size = statSync(file).size;
      const figures = (kinds[kind] ??= { files: 0, bytes: 0, largest: 0 });
      figures.files += 1;
      figures.bytes += size;
      figures.largest = Math.max(figures.largest, size);
    }
  };
  walk(indexDir, []);
  return kinds;
}

function measured(): SearchIndexResult & { extraBytes: number; userSeconds: number; systemSeconds: number } {
  collect();
  const cpu = process.cpuUsage();
  const before = process.memoryUsage().rss;
  const highWater = process.resourceUsage().maxRSS * 1024;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const result = writeSearchIndex(articles, { siteDir, cache, variants: archive.variants });
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  // The kernel's high-water mark covers moments the sampler missed (the step runs on this thread).
  const highWaterNow = process.resourceUsage().maxRSS * 1024;
  peak = Math.max(peak, process.memoryUsage().rss, highWaterNow > highWater ? highWaterNow : 0);
  return { ...result, extraBytes: peak - before, userSeconds: used.user / 1e6, systemSeconds: used.system / 1e6 };
}

try {
  const cold = measured();
  const warm = measured();
  const figures = {
    articles: cold.articles,
    cpuMsPerArticle: (cold.cpuSeconds * 1000) / cold.articles,
    warmCpuMsPerArticle: (warm.cpuSeconds * 1000) / warm.articles,
    // The kernel's share is mostly creating the files, which costs far more while other processes write to the same disk.
    userMsPerArticle: (cold.userSeconds * 1000) / cold.articles,
    systemMsPerArticle: (cold.systemSeconds * 1000) / cold.articles,
    seconds: cold.seconds,
    extraMB: cold.extraBytes / 1e6,
    files: cold.files,
    bytes: cold.bytes,
    segments: cold.segments.length,
    bucketCount: cold.segments.reduce((sum, segment) => sum + segment.buckets, 0),
    arenaMB: cold.arenaBytes / 1e6,
    grams: cold.grams,
    postings: cold.postings,
    warmWritten: warm.written,
    kinds: fileKinds(path.join(siteDir, 'search', 'data')),
  };
  if (json) console.log(JSON.stringify(figures));
  else {
    console.log(
      `search step alone: ${figures.articles} articles, ${figures.cpuMsPerArticle.toFixed(2)} ms of CPU per article (user ${figures.userMsPerArticle.toFixed(2)}, system ${figures.systemMsPerArticle.toFixed(2)}; ${figures.seconds.toFixed(1)} s), ` +
        `${figures.extraMB.toFixed(0)} MB of extra memory (postings ${figures.arenaMB.toFixed(0)} MB); ${figures.files} files, ${(figures.bytes / 1e6).toFixed(1)} MB, ${figures.bucketCount} buckets, ${figures.grams} grams, ${figures.postings} postings; ` +
        `again with nothing changed: ${figures.warmCpuMsPerArticle.toFixed(2)} ms per article, ${figures.warmWritten} files written; ` +
        Object.entries(figures.kinds)
          .map(([kind, { files, bytes, largest }]) => `${kind}: ${files} files, ${(bytes / 1e6).toFixed(1)} MB, mean ${(bytes / files / 1024).toFixed(1)} KB, largest ${(largest / 1024).toFixed(1)} KB`)
          .join('; '),
    );
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
