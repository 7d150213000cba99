import { parentPort, workerData } from 'node:worker_threads';
import { DraftCache } from './cache.ts';
import { loadArchiveData } from './data.ts';
import { type CaptureJob, runJob } from './job.ts';
import { pipeline } from './pipeline.ts';

/** A worker thread of a large ingest: takes captures one at a time and sends back their drafts. */
const { dataDir, cacheDir } = workerData as { dataDir: string; cacheDir?: string };
const data = loadArchiveData(dataDir);
const processor = pipeline(data);
const cache = cacheDir ? new DraftCache(cacheDir) : undefined;
parentPort!.on('message', ({ index, job }: { index: number; job: CaptureJob }) => {
  parentPort!.postMessage({ index, result: runJob(job, data, processor, cache) });
});
