import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleDraft } from './article.ts';

/**
 * Drafts of captures already ingested, by the SHA-256 of the raw bytes, so that adding one capture
 * to a large archive ingests one capture. A draft is only reused under the same fingerprint: the
 * ingest code, the archive's data files and the locked dependency versions. Change any of them
 * and every capture is ingested afresh (the old cache is dropped).
 */
export class DraftCache {
  /** The cache of one fingerprint: a folder of `<sha256>.json` drafts. */
  constructor(readonly dir: string) {}

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
    writeFileSync(join(this.dir, `${sha256}.json`), JSON.stringify(draft));
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
