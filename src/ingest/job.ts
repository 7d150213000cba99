import { readFileSync, statSync } from 'node:fs';
import { type ArticleDraft, draftArticle } from './article.ts';
import type { DraftCache } from './cache.ts';
import type { ArchiveData } from './data.ts';
import { tooLarge } from './decode.ts';
import { ingestCapture, type pipeline, readCaptureFile } from './pipeline.ts';
import { CaptureError } from './types.ts';
import { fileSystemReason } from '../support/atomic-write.ts';
import { quoteName } from '../support/raw-names.ts';

/** One capture to ingest: where it is, and how messages and front matter name it. */
export interface CaptureJob {
  absolute: string;
  shown: string;
}

export type JobResult = { ok: true; draft: ArticleDraft; warnings: string[] } | { ok: false; error: string };

/**
 * Ingests one capture into a draft article, or says in one line why it cannot: the same work
 * whether it runs on the main thread or in a worker. The draft goes into the cache from here, so
 * that workers write the cache in parallel.
 */
export function runJob(job: CaptureJob, data: ArchiveData, processor: ReturnType<typeof pipeline>, cache?: DraftCache): JobResult {
  try {
    // Checked before reading, so that a huge file is never loaded at all.
    const size = tooLarge(statSync(job.absolute).size);
    if (size) throw new CaptureError(job.shown, size);
    const ingested = ingestCapture(readCaptureFile(job.shown, readFileSync(job.absolute)), data, processor);
    const draft = draftArticle(ingested);
    // A capture with warnings is read again next time, so that its warnings are shown again. A
    // draft the cache cannot keep (a full disk) is only a miss next time.
    if (cache && !ingested.warnings.length) {
      try {
        cache.set(ingested.state.capture.sha256, draft);
      } catch {
        // not cached
      }
    }
    return { ok: true, draft, warnings: ingested.warnings.map((warning) => `${quoteName(job.shown)}: ${warning}`) };
  } catch (error) {
    if (error instanceof CaptureError) return { ok: false, error: `${quoteName(error.file)}: ${error.reason}` };
    if ((error as NodeJS.ErrnoException).syscall) return { ok: false, error: `${quoteName(job.shown)}: not read: ${fileSystemReason(error)}` };
    const message = String(error instanceof Error ? error.message : error).split('\n')[0];
    return { ok: false, error: `${quoteName(job.shown)}: internal error: ${message}` };
  }
}
