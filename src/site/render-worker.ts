/**
 * A worker thread of src/site/render-pool.ts: renders the article files it is sent and files
 * each in the build cache, where the archive then reads it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CacheArea } from './build-cache.ts';
import { renderArticleFile } from './rendered-article.ts';

const area = new CacheArea((workerData as { areaFolder: string }).areaFolder);
parentPort!.on('message', ({ key, source, text }: { key: string; source: string; text: string }) => {
  try {
    area.writeJson(key, renderArticleFile(text, source));
  } catch {
    // Not filed: loading the archive renders the file again and reports what is wrong with it.
  }
  parentPort!.postMessage('done');
});
