/**
 * The one worker pool of the project: jobs run on worker threads that load this project's
 * TypeScript, one job at a time per worker (so a slow job does not hold up a whole share), and
 * the results come back in the order of the jobs, whichever worker was faster.
 *
 * A worker module calls serveJobs with what it does to one job. Workers load one esbuild bundle
 * of their module and its libraries: loading a few hundred modules through tsx's loader, which
 * answers every import from a thread of its own, cost each worker about a second of start-up on
 * both cores; one bundle loads in a fraction of that.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parentPort, Worker, workerData } from 'node:worker_threads';

/** What the pool says to a worker, and what a worker answers. */
type ToWorker<Job> = { index: number; job: Job } | { done: true };
type FromWorker<Result> = { index: number; result: Result } | { done: true };

export interface PoolOptions<Result> {
  /** Data every worker gets at start-up (workerData). */
  workerData: unknown;
  /** Most worker threads; default one per core. */
  threads?: number;
  /** Called with each result as it arrives (progress). */
  onResult?: (result: Result, index: number) => void;
}

/**
 * Runs `jobs` on worker threads started from the module `entry` (which calls serveJobs), and
 * returns their results in order. One worker starts per `jobsPerWorker` jobs, up to `threads`;
 * when that is fewer than two, undefined is returned, and the caller does the work on its own
 * thread, where starting workers would cost more than it saves.
 */
export async function runOnWorkers<Job, Result>(entry: URL, jobs: readonly Job[], jobsPerWorker: number, options: PoolOptions<Result>): Promise<Result[] | undefined> {
  const workers = Math.min(options.threads ?? availableParallelism(), Math.ceil(jobs.length / jobsPerWorker));
  if (workers < 2) return undefined;
  const code = await workerBundle(entry);
  const results: Result[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, () => {
      const worker = startWorker(code, entry, options.workerData);
      return new Promise<void>((resolve, reject) => {
        const feed = () => {
          // With no jobs left, the worker finishes what it does in the background before it is stopped.
          const message: ToWorker<Job> = next < jobs.length ? { index: next, job: jobs[next++]! } : { done: true };
          worker.postMessage(message);
        };
        worker.on('message', (message: FromWorker<Result>) => {
          if ('done' in message) {
            void worker.terminate().then(() => resolve());
            return;
          }
          results[message.index] = message.result;
          options.onResult?.(message.result, message.index);
          feed();
        });
        worker.on('error', reject);
        worker.on('online', feed);
      });
    }),
  );
  return results;
}

/**
 * The worker's side: answers each job with `run(job)`; when there are no more, waits for
 * `finish` (writes still in flight) and says so.
 */
export function serveJobs<Job, Result>(run: (job: Job) => Result, finish: () => Promise<void> = () => Promise.resolve()): void {
  parentPort!.on('message', (message: ToWorker<Job>) => {
    if ('done' in message) {
      void finish().then(() => parentPort!.postMessage({ done: true } satisfies FromWorker<Result>));
      return;
    }
    parentPort!.postMessage({ index: message.index, result: run(message.job) } satisfies FromWorker<Result>);
  });
}

/** The data the pool gave this worker. */
export function poolData<T>(): T {
  return workerData as T;
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
  stop?(): Promise<void> | void;
}

/** A worker module and its libraries as one CommonJS bundle; undefined when esbuild cannot be found or fails (workers then use tsx). */
async function workerBundle(entry: URL): Promise<string | undefined> {
  try {
    const esbuild = createRequire(tsxManifest())('esbuild') as Esbuild;
    const result = await esbuild.build({
      entryPoints: [fileURLToPath(entry)],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    // esbuild's service is a process of its own that would otherwise live as long as this one;
    // a later call starts it again.
    await esbuild.stop?.();
    return result.outputFiles[0]?.text;
  } catch {
    return undefined;
  }
}

/**
 * Starts a worker on the bundle, or else on the TypeScript module: the worker then registers tsx
 * itself before importing its module, because Node 20 does not apply the parent's --import
 * loader to a worker's entry file.
 */
function startWorker(code: string | undefined, entry: URL, data: unknown): Worker {
  if (code) return new Worker(code, { eval: true, workerData: data });
  const tsx = pathToFileURL(tsxEsmApi()).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`, {
    eval: true,
    workerData: data,
  });
}
