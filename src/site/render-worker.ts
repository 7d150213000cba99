/**
 * A worker thread of src/site/render-pool.ts: renders the article files it is sent and files
 * each in the build cache, where the archive then reads it.
 */
import { readFileSync } from 'node:fs';
import { CacheArea } from '../support/cache.ts';
import { sha256 } from '../support/hash.ts';
import { poolData, serveJobs } from '../support/worker-pool.ts';
import { renderArticleFile } from './rendered-article.ts';

const area = new CacheArea(poolData<{ areaFolder: string }>().areaFolder);
serveJobs(({ key, source }: { key: string; source: string }) => {
  try {
    const bytes = readFileSync(source);
    // A file changed since its key was taken is left to loadArchive.
    if (sha256(bytes) === key) area.write(key, renderArticleFile(bytes.toString('utf8'), source));
  } catch {
    // Not filed: loading the archive renders the file again and reports what is wrong with it.
  }
  return true;
});
