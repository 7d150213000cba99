import { availableParallelism } from 'node:os';
import { runOnWorkers } from '../support/worker-pool.ts';
import type { DraftCache } from './cache.ts';
import type { ArchiveData } from './data.ts';
import type { CaptureJob, JobResult } from './job.ts';

/** Below this many captures per worker, starting workers costs more than it saves. */
const CAPTURES_PER_WORKER = 40;
const MAX_WORKERS = 8;

/**
 * Ingests captures on every core (src/support/worker-pool.ts, with ./worker.ts); the results come
 * back in input order, so the output does not depend on which worker was faster. `onCapture` is
 * told of each capture done (progress).
 */
export async function ingestAll(
  jobs: CaptureJob[],
  data: ArchiveData,
  dataDir: string,
  threads?: number,
  cache?: DraftCache,
  onCapture: () => void = () => undefined,
): Promise<JobResult[]> {
  const onWorkers = await runOnWorkers<CaptureJob, JobResult>(new URL('./worker.ts', import.meta.url), jobs, CAPTURES_PER_WORKER, {
    workerData: { dataDir, ...(cache?.folder ? { cacheDir: cache.folder } : {}) },
    // One per core unless told: each worker holds the archive's data, so more than the cores is memory for nothing.
    threads: Math.min(threads ?? availableParallelism(), MAX_WORKERS),
    onResult: onCapture,
  });
  if (onWorkers) return onWorkers;
  // Loaded only here: a run on workers never needs the steps (and their dictionaries) in this thread.
  const [{ runJob }, { pipeline }] = await Promise.all([import('./job.ts'), import('./pipeline.ts')]);
  const processor = pipeline(data);
  return jobs.map((job) => {
    const result = runJob(job, data, processor, cache);
    onCapture();
    return result;
  });
}
