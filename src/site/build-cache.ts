/**
 * What one site build leaves for the next (under .cache/site/ by default): each article rendered
 * in both editions, each shard of the search index, and what was written to each output folder,
 * filed under a hash of everything they were made from. A build after adding one capture
 * therefore renders and indexes only what that capture changed.
 *
 * Each kind of entry lives in an area named after the version of the code that makes it
 * (`articles/<version>/…`): entries of another version can never be used again, so the first
 * build of a new version removes them. Entries are never updated in place: an entry is written
 * to a temporary name and renamed, so a build running beside another one (the tests build several
 * sites at once) reads either a whole entry or none. An entry that cannot be read is a miss.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type CacheKind = 'articles' | 'search' | 'outputs';

export function sha256(...parts: (string | Buffer)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(part);
    // Parts are separated so that ("ab", "c") and ("a", "bc") differ.
    hash.update('\u0000');
  }
  return hash.digest('hex');
}

/** Files and folders (all files under them), sorted, for codeVersion. */
function filesOf(entries: string[]): string[] {
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
 * A hash of the code that decides what a cache entry holds (files, or folders of files) and of
 * the installed dependencies (package-lock.json): a change to either starts a new version.
 */
export function codeVersion(entries: string[]): string {
  const lockfile = path.resolve(import.meta.dirname, '..', '..', 'package-lock.json');
  return sha256(...filesOf([...entries, lockfile]).flatMap((file) => [file, existsSync(file) ? readFileSync(file) : 'missing']));
}

let temporaryCounter = 0;

/** A name in the same folder as `target` (so that renaming is atomic) that no other build uses. */
function temporaryName(target: string): string {
  temporaryCounter += 1;
  return `${target}.${process.pid}.${temporaryCounter}.tmp`;
}

/** The entries of one kind made by one version of the code. */
export class CacheArea {
  /** `folder` undefined: no cache (every lookup misses, nothing is written). */
  constructor(readonly folder: string | undefined) {}

  private entryPath(key: string): string | undefined {
    // Two levels, so that no folder holds tens of thousands of entries.
    return this.folder && path.join(this.folder, key.slice(0, 2), key);
  }

  /** Whether a JSON entry is filed under `key` (without reading it). */
  hasJson(key: string): boolean {
    const file = this.entryPath(key);
    return file !== undefined && existsSync(`${file}.json`);
  }

  readJson<T>(key: string): T | undefined {
    const file = this.entryPath(key);
    if (!file) return undefined;
    try {
      return JSON.parse(readFileSync(`${file}.json`, 'utf8')) as T;
    } catch {
      return undefined;
    }
  }

  /** Files a JSON entry. A cache that cannot be written only costs the next build time, so failing to is not an error. */
  writeJson(key: string, value: unknown): void {
    const file = this.entryPath(key);
    if (!file) return;
    const temporary = temporaryName(`${file}.json`);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(temporary, JSON.stringify(value));
      renameSync(temporary, `${file}.json`);
    } catch {
      rmSync(temporary, { force: true });
    }
  }

  /** The folder of a complete folder entry, if there is one. */
  entryFolder(key: string): string | undefined {
    const folder = this.entryPath(key);
    return folder && existsSync(folder) ? folder : undefined;
  }

  /**
   * Files a folder entry: `fill` writes into an empty temporary folder, which then takes the
   * entry's name. Returns the entry's folder; without a cache, the temporary folder (created
   * under `scratch`), which the caller then owns.
   */
  async writeFolder(key: string, scratch: string, fill: (folder: string) => Promise<void>): Promise<string> {
    const folder = this.entryPath(key);
    const temporary = temporaryName(folder ?? path.join(scratch, key));
    mkdirSync(path.dirname(temporary), { recursive: true });
    await fill(temporary);
    if (!folder) return temporary;
    try {
      renameSync(temporary, folder);
    } catch (error) {
      // Another build filed the same entry first; its content is the same.
      rmSync(temporary, { recursive: true, force: true });
      if (!existsSync(folder)) throw error;
    }
    return folder;
  }
}

export class BuildCache {
  /** `root` undefined: a build without a cache (every lookup misses, nothing is written). */
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
