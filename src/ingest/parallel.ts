import { availableParallelism } from 'node:os';
import { startWorker, workerBundle } from '../support/typescript-worker.ts';
import type { DraftCache } from './cache.ts';
import type { ArchiveData } from './data.ts';
import type { CaptureJob, JobResult } from './job.ts';

/** Below this many captures, starting workers costs more than it saves. */
const PARALLEL_FROM = 40;
const MAX_WORKERS = 8;

/**
 * Ingests captures on every core: a pool of worker threads takes them one at a time (so a slow
 * capture does not hold up a whole share), and the results come back in input order, so the
 * output does not depend on which worker was faster.
 */
export async function ingestAll(jobs: CaptureJob[], data: ArchiveData, dataDir: string, threads = availableParallelism(), cache?: DraftCache): Promise<JobResult[]> {
  const workers = Math.min(threads, MAX_WORKERS, Math.ceil(jobs.length / PARALLEL_FROM));
  if (workers < 2) {
    // Loaded only here: a run on workers never needs the steps (and their dictionaries) in this thread.
    const [{ runJob }, { pipeline }] = await Promise.all([import('./job.ts'), import('./pipeline.ts')]);
    const processor = pipeline(data);
    return jobs.map((job) => runJob(job, data, processor, cache));
  }
  const entry = new URL('./worker.ts', import.meta.url);
  const code = await workerBundle(entry);
  const results: JobResult[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, () => {
      const worker = startWorker(code, entry, { dataDir, ...(cache ? { cacheDir: cache.dir } : {}) });
      return new Promise<void>((resolve, reject) => {
        const feed = () => {
          if (next >= jobs.length) {
            // The worker finishes its cache writes before it is stopped.
            worker.postMessage({ done: true });
            return;
          }
          const index = next++;
          worker.postMessage({ index, job: jobs[index] });
        };
        worker.on('message', (message: { index: number; result: JobResult } | { done: true }) => {
          if ('done' in message) {
            void worker.terminate().then(() => resolve());
            return;
          }
          results[message.index] = message.result;
          feed();
        });
        worker.on('error', reject);
        worker.on('online', feed);
      });
    }),
  );
  return results;
}
