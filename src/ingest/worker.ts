import { poolData, serveJobs } from '../support/worker-pool.ts';
import { DraftCache } from './cache.ts';
import { loadArchiveData } from './data.ts';
import { type CaptureJob, runJob } from './job.ts';
import { pipeline } from './pipeline.ts';

/**
 * A worker thread of a large ingest (parallel.ts): takes captures one at a time and sends back
 * their drafts. It writes the cache in the background, and finishes those writes once told there
 * are no more captures.
 */
const { dataDir, cacheDir } = poolData<{ dataDir: string; cacheDir?: string }>();
const data = loadArchiveData(dataDir);
const processor = pipeline(data);
const cache = cacheDir ? DraftCache.inBackground(cacheDir) : undefined;
serveJobs((job: CaptureJob) => runJob(job, data, processor, cache), async () => cache?.flush());
