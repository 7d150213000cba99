import { BuildCache, CacheArea, codeVersion } from '../support/cache.ts';
import type { ArticleDraft } from './article.ts';

/**
 * Drafts of captures already ingested, by the SHA-256 of the raw bytes, so that adding one capture
 * to a large archive ingests one capture: an area of the build cache (src/support/cache.ts) whose
 * version is the ingest code, the archive's data files and the locked dependency versions.
 * Change any of them and every capture is ingested afresh (the old drafts are dropped).
 */
export class DraftCache {
  /**
   * In the background (worker threads), `set` does not wait for the file: a worker goes on with
   * the next capture meanwhile (see `flush`).
   */
  constructor(
    private readonly area: CacheArea,
    private readonly background = false,
  ) {}

  /** The drafts of this version of `code` (files and folders: the ingest code and the data folder), in the cache at `root`. */
  static open(root: string, code: readonly string[]): DraftCache {
    return new DraftCache(new BuildCache(root).area('drafts', codeVersion(code)));
  }

  /** The area's folder, for the workers (which open it with `inBackground`). */
  get folder(): string | undefined {
    return this.area.folder;
  }

  static inBackground(folder: string): DraftCache {
    return new DraftCache(new CacheArea(folder), true);
  }

  get(sha256: string, path: string): ArticleDraft | undefined {
    const draft = this.area.read<ArticleDraft>(sha256);
    // The same bytes may sit under another name now; the draft is otherwise the same.
    if (draft) draft.captures[0]!.raw = path;
    return draft;
  }

  set(sha256: string, draft: ArticleDraft): void {
    if (this.background) this.area.writeLater(sha256, draft);
    else this.area.write(sha256, draft);
  }

  /** Waits for the background writes. */
  async flush(): Promise<void> {
    await this.area.settled();
  }
}
