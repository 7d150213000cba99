import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DraftCache } from './cache.ts';
import type { ArchiveData } from './data.ts';
import { type CaptureJob, type JobResult, runJob } from './job.ts';
import { pipeline } from './pipeline.ts';

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
    const processor = pipeline(data);
    return jobs.map((job) => runJob(job, data, processor, cache));
  }
  const results: JobResult[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, () => {
      const worker = startWorker(dataDir, cache?.dir);
      return new Promise<void>((resolve, reject) => {
        const feed = () => {
          if (next >= jobs.length) {
            void worker.terminate().then(() => resolve());
            return;
          }
          const index = next++;
          worker.postMessage({ index, job: jobs[index] });
        };
        worker.on('message', ({ index, result }: { index: number; result: JobResult }) => {
          results[index] = result;
          feed();
        });
        worker.on('error', reject);
        worker.on('online', feed);
      });
    }),
  );
  return results;
}

/** tsx's ESM API module, found through its package.json (a CommonJS resolve would give the .cjs). */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const exports = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return join(dirname(manifest), exports.exports['./esm/api']!.import.default);
}

/**
 * Workers run TypeScript too: the worker registers tsx itself before importing its module,
 * because Node 20 does not apply the parent's --import loader to a worker's entry file.
 */
function startWorker(dataDir: string, cacheDir: string | undefined): Worker {
  const tsx = pathToFileURL(tsxEsmApi()).href;
  const entry = new URL('./worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`, {
    eval: true,
    workerData: { dataDir, ...(cacheDir ? { cacheDir } : {}) },
  });
}
