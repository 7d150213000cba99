import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleDraft } from './article.ts';

/**
 * Drafts of captures already ingested, by the SHA-256 of the raw bytes, so that adding one capture
 * to a large archive ingests one capture. A draft is only reused under the same fingerprint: the
 * ingest code, the archive's data files and the locked dependency versions. Change any of them
 * and every capture is ingested afresh (the old cache is dropped).
 */
export class DraftCache {
  private readonly pending = new Set<Promise<void>>();

  /**
   * The cache of one fingerprint: a folder of `<sha256>.json` drafts. In the background, `set`
   * does not wait for the file: creating thousands of files can take longer than ingesting the
   * captures, and a worker goes on with the next capture meanwhile (see `flush`).
   */
  constructor(
    readonly dir: string,
    private readonly background = false,
  ) {}

  /** Opens the cache for a fingerprint, dropping the caches of other fingerprints. */
  static open(root: string, fingerprint: string): DraftCache {
    const dir = join(root, fingerprint.slice(0, 16));
    if (existsSync(root)) {
      for (const old of readdirSync(root)) if (join(root, old) !== dir) rmSync(join(root, old), { recursive: true, force: true });
    }
    mkdirSync(dir, { recursive: true });
    return new DraftCache(dir);
  }

  get(sha256: string, path: string): ArticleDraft | undefined {
    const file = join(this.dir, `${sha256}.json`);
    if (!existsSync(file)) return undefined;
    try {
      const draft = JSON.parse(readFileSync(file, 'utf8')) as ArticleDraft;
      // The same bytes may sit under another name now; the draft is otherwise the same.
      draft.captures[0]!.raw = path;
      return draft;
    } catch {
      return undefined; // a cache file cut short by an interrupted run is simply a miss
    }
  }

  set(sha256: string, draft: ArticleDraft): void {
    const file = join(this.dir, `${sha256}.json`);
    if (!this.background) {
      writeFileSync(file, JSON.stringify(draft));
      return;
    }
    // A write that fails leaves a miss, as a failed synchronous one would have thrown past.
    const write = writeFile(file, JSON.stringify(draft)).catch(() => undefined);
    this.pending.add(write);
    void write.then(() => this.pending.delete(write));
  }

  /** Waits for the background writes. */
  async flush(): Promise<void> {
    await Promise.all(this.pending);
  }
}

/** What a cached draft depends on: the files of the ingest code and data, and the lockfile. */
export function fingerprint(files: string[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) {
    hash.update(file);
    hash.update(existsSync(file) ? readFileSync(file) : '');
  }
  return hash.digest('hex');
}

export function listFiles(dir: string, extension: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => join(entry.parentPath, entry.name));
}
