/**
 * Renders the article files that the build cache does not hold yet on worker threads, before the
 * archive is loaded. Rendering an article (Markdown, sanitizing, OpenCC for the Traditional
 * edition) is most of a cold build's reading of the archive, some 4 ms per article on one core,
 * and the search index and the pages cannot start before it ends. The workers file each article
 * in the cache (rendered-article.ts), where loadArchive then finds it; they change nothing that
 * loadArchive would not have made itself, only on which thread it is made.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { sha256, type BuildCache } from './build-cache.ts';
import { renderedArticlesArea } from './rendered-article.ts';
import { startWorker, workerBundle } from '../support/typescript-worker.ts';

/** Below this many articles to render, starting workers costs more than it saves. */
const PARALLEL_FROM = 100;

/** Renders into the cache the articles of `contentDir` it does not hold; returns how many were sent to workers. */
export async function prerenderArticles(contentDir: string, cache: BuildCache, threads = availableParallelism()): Promise<number> {
  const area = renderedArticlesArea(cache);
  if (!area.folder) return 0;
  const articlesDir = path.join(contentDir, 'articles');
  let names: string[];
  try {
    names = readdirSync(articlesDir).filter((name) => name.endsWith('.md')).sort();
  } catch {
    return 0; // loadArchive says what is wrong.
  }
  // Keys first, then the text again as each is sent: all texts at once would be the archive twice.
  const missing = names.flatMap((name) => {
    const source = path.join(articlesDir, name);
    const key = sha256(readFileSync(source));
    return area.hasJson(key) ? [] : [{ source, key }];
  });
  const workers = Math.min(threads, Math.floor(missing.length / (PARALLEL_FROM / 2)));
  if (workers < 2) return 0;
  const entry = new URL('./render-worker.ts', import.meta.url);
  const code = await workerBundle(entry);
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, () => {
      const worker = startWorker(code, entry, { areaFolder: area.folder });
      return new Promise<void>((resolve) => {
        const feed = () => {
          const job = missing[next++];
          if (!job) {
            void worker.terminate().then(() => resolve());
            return;
          }
          const bytes = readFileSync(job.source);
          // A file changed since its key was taken is left to loadArchive.
          if (sha256(bytes) !== job.key) return feed();
          worker.postMessage({ key: job.key, source: job.source, text: bytes.toString('utf8') });
        };
        worker.on('message', feed);
        // A worker that fails leaves its articles to loadArchive, on this thread.
        worker.on('error', () => resolve());
        worker.on('online', feed);
      });
    }),
  );
  return missing.length;
}
