import { parentPort, workerData } from 'node:worker_threads';
import { DraftCache } from './cache.ts';
import { loadArchiveData } from './data.ts';
import { type CaptureJob, runJob } from './job.ts';
import { pipeline } from './pipeline.ts';

/**
 * A worker thread of a large ingest: takes captures one at a time and sends back their drafts.
 * It writes the cache in the background, and says when those writes are done once told there
 * are no more captures.
 */
const { dataDir, cacheDir } = workerData as { dataDir: string; cacheDir?: string };
const data = loadArchiveData(dataDir);
const processor = pipeline(data);
const cache = cacheDir ? new DraftCache(cacheDir, true) : undefined;
parentPort!.on('message', (message: { index: number; job: CaptureJob } | { done: true }) => {
  if ('done' in message) {
    void (cache?.flush() ?? Promise.resolve()).then(() => parentPort!.postMessage({ done: true }));
    return;
  }
  parentPort!.postMessage({ index: message.index, result: runJob(message.job, data, processor, cache) });
});
