/**
 * The one build cache of ingest and the site (under .cache/ by default, ignored by git): what a
 * run leaves for the next one, filed under a hash of everything it was made from, so that a run
 * after adding one capture redoes only what that capture changed. Ingest keeps each capture's
 * draft there, the site each article as rendered, and a record of the files it wrote.
 *
 * Each kind of entry lives in an area named after the version of the code that makes it
 * (`articles/<version>/…`): entries of another version can never be used again, so the first
 * run of a new version removes them. Entries are written atomically (src/support/atomic-write.ts),
 * so a run beside another one (the tests build several sites at once) reads either a whole entry
 * or none. An entry that cannot be read is a miss, and one that cannot be written only costs the
 * next run time: the cache never fails a run.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeAtomic, writeAtomicLater } from './atomic-write.ts';
import { sha256OfParts } from './hash.ts';

/** drafts: ingest's drafts by capture; archive: the site's archive index; bodies and texts: articles as rendered for pages and for search; outputs: what a build wrote where; search: the search index's record. */
export type CacheKind = 'drafts' | 'archive' | 'bodies' | 'texts' | 'outputs' | 'search';

/** Files and folders (all files under them), sorted. */
function filesOf(entries: readonly string[]): string[] {
  return entries.flatMap((entry) => {
    if (!existsSync(entry)) return [entry];
    try {
      return readdirSync(entry, { recursive: true, withFileTypes: true })
        .filter((dirent) => dirent.isFile())
        .map((dirent) => path.join(dirent.parentPath, dirent.name))
        .sort();
    } catch {
      return [entry];
    }
  });
}

/**
 * A hash of the code that decides what a cache entry holds (files, or folders of files, with
 * their names) and of the installed dependencies (package-lock.json): a change to any starts a
 * new version.
 */
export function codeVersion(entries: readonly string[]): string {
  // Resolved here, not when the module loads: worker bundles (worker-pool.ts) have no import.meta.
  const lockfile = path.resolve(import.meta.dirname, '..', '..', 'package-lock.json');
  return sha256OfParts(...filesOf([...entries, lockfile]).flatMap((file) => [file, existsSync(file) ? readFileSync(file) : 'missing']));
}

/** The entries of one kind made by one version of the code. */
export class CacheArea {
  private readonly pending = new Set<Promise<void>>();

  /** `folder` undefined: no cache (every lookup misses, nothing is written). */
  constructor(readonly folder: string | undefined) {}

  private entryFile(key: string): string | undefined {
    // Two levels, so that no folder holds tens of thousands of entries.
    return this.folder && path.join(this.folder, key.slice(0, 2), `${key}.json`);
  }

  /** Whether an entry is filed under `key` (without reading it). */
  has(key: string): boolean {
    const file = this.entryFile(key);
    return file !== undefined && existsSync(file);
  }

  read<T>(key: string): T | undefined {
    const file = this.entryFile(key);
    if (!file) return undefined;
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as T;
    } catch {
      return undefined;
    }
  }

  write(key: string, value: unknown): void {
    const file = this.entryFile(key);
    if (!file) return;
    try {
      writeAtomic(file, JSON.stringify(value));
    } catch {
      // Only a miss next time.
    }
  }

  /**
   * write, without waiting for the file: creating thousands of files can take longer than the
   * work they keep, and the thread goes on meanwhile (see settled).
   */
  writeLater(key: string, value: unknown): void {
    const file = this.entryFile(key);
    if (!file) return;
    const write = writeAtomicLater(file, JSON.stringify(value)).catch(() => undefined);
    this.pending.add(write);
    void write.then(() => this.pending.delete(write));
  }

  /** Once every writeLater has reached the disk (or failed). */
  async settled(): Promise<void> {
    await Promise.all(this.pending);
  }
}

export class BuildCache {
  /** `root` undefined: a run without a cache (every lookup misses, nothing is written). */
  constructor(readonly root: string | undefined) {}

  /** The area of `kind` for code `version`; areas of other versions of that kind are removed. */
  area(kind: CacheKind, version: string): CacheArea {
    if (!this.root) return new CacheArea(undefined);
    const kindFolder = path.join(this.root, kind);
    const name = version.slice(0, 16);
    if (existsSync(kindFolder)) {
      for (const other of readdirSync(kindFolder)) {
        if (other !== name) rmSync(path.join(kindFolder, other), { recursive: true, force: true });
      }
    }
    return new CacheArea(path.join(kindFolder, name));
  }
}

/**
 * ARCHIVE_CACHE: the cache's folder, or `off` for a run that neither reads nor writes a cache.
 * By default `.cache` in the working folder (the checkout's, ignored by git).
 */
export function cacheRoot(env: Record<string, string | undefined> = process.env): string | undefined {
  const value = env.ARCHIVE_CACHE?.trim();
  if (value === 'off') return undefined;
  return path.resolve(value || '.cache');
}
