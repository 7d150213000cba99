/**
 * Times the search step alone: Pagefind indexing every article of an archive into a scratch
 * folder, with no cache and nothing else running, as the site build does it (both Pagefind
 * processes at once). Run in a built archive's folder (the benchmark's, kept with --keep), so that
 * the articles load from the build cache:
 *   node --import tsx <repo>/src/bench/search-only.ts [contentDir]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadArchive } from '../site/archive.ts';
import { BuildCache } from '../site/build-cache.ts';
import { writeSearchIndex } from '../site/search-index.ts';

const contentDir = process.argv[2] ?? 'content';
const archive = loadArchive({ contentDir, cache: new BuildCache(path.resolve('.cache', 'site')) });
const scratch = mkdtempSync(path.join(os.tmpdir(), 'search-only-'));
try {
  const result = await writeSearchIndex(scratch, archive, new BuildCache(undefined));
  const perArticle = (result.seconds * 1000) / result.pageCount;
  console.log(`search step alone: ${result.pageCount} articles in ${result.shardCount} shards, ${result.seconds.toFixed(1)} s (${perArticle.toFixed(1)} ms of wall time per article)`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
