/**
 * Renders the article files that the build cache does not hold yet on worker threads
 * (src/support/worker-pool.ts), before the archive is loaded. Rendering an article (Markdown,
 * sanitizing, OpenCC for the Traditional edition) is most of a cold build's reading of the
 * archive, and the search index and the pages cannot start before it ends. The workers file each
 * article in the cache (rendered-article.ts), where loadArchive then finds it; they change
 * nothing that loadArchive would not have made itself, only on which thread it is made.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BuildCache } from '../support/cache.ts';
import { sha256 } from '../support/hash.ts';
import { runOnWorkers } from '../support/worker-pool.ts';
import { renderedArticlesArea } from './rendered-article.ts';

/** Below this many articles to render per worker, starting workers costs more than it saves. */
const ARTICLES_PER_WORKER = 50;

/** Renders into the cache the articles of `contentDir` it does not hold; returns how many were sent to workers. */
export async function prerenderArticles(contentDir: string, cache: BuildCache, threads?: number): Promise<number> {
  const area = renderedArticlesArea(cache);
  if (!area.folder) return 0;
  const articlesDir = path.join(contentDir, 'articles');
  let names: string[];
  try {
    names = readdirSync(articlesDir).filter((name) => name.endsWith('.md')).sort();
  } catch {
    return 0; // loadArchive says what is wrong.
  }
  const missing = names.flatMap((name) => {
    const source = path.join(articlesDir, name);
    const key = sha256(readFileSync(source));
    return area.has(key) ? [] : [{ source, key }];
  });
  const done = await runOnWorkers(new URL('./render-worker.ts', import.meta.url), missing, ARTICLES_PER_WORKER, { workerData: { areaFolder: area.folder }, ...(threads ? { threads } : {}) });
  return done ? missing.length : 0;
}
