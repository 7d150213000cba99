import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
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
  const code = await workerBundle();
  const results: JobResult[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, () => {
      const worker = startWorker(code, dataDir, cache?.dir);
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

/** tsx's package.json: tsx and its compiler, esbuild, are found through it. */
function tsxManifest(): string {
  return createRequire(import.meta.url).resolve('tsx/package.json');
}

/** tsx's ESM API module, found through its package.json (a CommonJS resolve would give the .cjs). */
function tsxEsmApi(): string {
  const manifest = tsxManifest();
  const exports = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return join(dirname(manifest), exports.exports['./esm/api']!.import.default);
}

/** The part of esbuild's API used here (esbuild comes with tsx, which compiles with it). */
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { text: string }[] }>;
}

/**
 * The worker's code, ingest and its libraries, as one CommonJS bundle made by esbuild. Loading
 * the few hundred modules of the steps through tsx's loader, which answers every import from a
 * thread of its own, cost each worker about a second of start-up on both cores; one bundle loads
 * in a fraction of that. Undefined when esbuild cannot be found or fails: workers then use tsx.
 */
async function workerBundle(): Promise<string | undefined> {
  try {
    const esbuild = createRequire(tsxManifest())('esbuild') as Esbuild;
    const result = await esbuild.build({
      entryPoints: [fileURLToPath(new URL('./worker.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    return result.outputFiles[0]?.text;
  } catch {
    return undefined;
  }
}

/**
 * Starts a worker on the bundle, or else on the TypeScript sources: the worker then registers tsx
 * itself before importing its module, because Node 20 does not apply the parent's --import
 * loader to a worker's entry file.
 */
function startWorker(code: string | undefined, dataDir: string, cacheDir: string | undefined): Worker {
  const workerData = { dataDir, ...(cacheDir ? { cacheDir } : {}) };
  if (code) return new Worker(code, { eval: true, workerData });
  const tsx = pathToFileURL(tsxEsmApi()).href;
  const entry = new URL('./worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`, {
    eval: true,
    workerData,
  });
}
