import { parentPort, workerData } from 'node:worker_threads';
import { loadArchiveData } from './data.ts';
import { type CaptureJob, runJob } from './job.ts';
import { pipeline } from './pipeline.ts';

/** A worker thread of a large ingest: takes captures one at a time and sends back their drafts. */
const data = loadArchiveData((workerData as { dataDir: string }).dataDir);
const processor = pipeline(data);
parentPort!.on('message', ({ index, job }: { index: number; job: CaptureJob }) => {
  parentPort!.postMessage({ index, result: runJob(job, data, processor) });
});
