import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that readers see either the old content or the new, never a torn one: the
 * text goes to a temporary file beside the target, which is then renamed over it. An interrupted
 * ingest leaves the previous articles intact.
 */
export function writeAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = temporaryPath(path);
  try {
    // No fsync: rename already guarantees a reader never sees a torn file when ingest is killed;
    // flushing every file to disk would cost more than the rest of a large ingest together.
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * writeAtomic for many files at once, a few dozen in flight at a time. A file that cannot be
 * written (a full disk, a folder in its place) does not stop the others: it is returned with
 * its error, and its temporary file is removed.
 */
export async function writeAllAtomic(files: { absolute: string; content: string }[], inFlight = 32): Promise<{ absolute: string; error: unknown }[]> {
  const failed: { absolute: string; error: unknown }[] = [];
  const unwritable = new Map<string, unknown>();
  for (const folder of new Set(files.map((file) => dirname(file.absolute)))) {
    await mkdir(folder, { recursive: true }).catch((error: unknown) => unwritable.set(folder, error));
  }
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const { absolute, content } = files[next++]!;
      const folderError = unwritable.get(dirname(absolute));
      if (folderError) {
        failed.push({ absolute, error: folderError });
        continue;
      }
      const temporary = temporaryPath(absolute);
      try {
        await writeFile(temporary, content);
        await rename(temporary, absolute);
      } catch (error) {
        failed.push({ absolute, error });
        await rm(temporary, { force: true }).catch(() => undefined);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, files.length) }, lane));
  return failed.sort((a, b) => (a.absolute < b.absolute ? -1 : 1));
}

/** Beside the target (same file system, so the rename is atomic), hidden, and one per process. */
function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

const TEMPORARY = /^\..+\.(\d+)\.tmp$/;

/**
 * Removes the temporary files an earlier run left in `folder` when it was killed or the disk was
 * full (those of a process still running are left to it). Returns the names removed.
 */
export function removeLeftoverTemporaries(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = TEMPORARY.exec(name)?.[1];
    if (!pid || (Number(pid) !== process.pid && isRunning(Number(pid)))) continue;
    try {
      rmSync(join(folder, name), { force: true });
      removed.push(name);
    } catch {
      // Left for the next run; nothing reads these files.
    }
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What a file-system error says, without the path Node appends (the message names the file itself): `ENOSPC: no space left on device`. */
export function fileSystemReason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const text = String(message ?? error).split('\n')[0]!;
  if (!code) return text;
  const described = text.startsWith(`${code}:`) ? text.split(',')[0]! : `${code}: ${text}`;
  return described;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The files ingest wrote last time, with the hash of what it wrote. Ingest only overwrites or
 * deletes a file listed here whose content still has that hash: an article an archivist edited
 * by hand, or dropped in, is never touched.
 */
export interface Manifest {
  /** Path relative to the articles folder (reports: `../reports/<slug>.json`) → SHA-256 of the content ingest wrote. */
  files: Record<string, string>;
  /** Raw capture SHA-256 → slug given to its article, so that URLs stay stable. */
  slugs: Record<string, string>;
}

export function readManifest(path: string): Manifest {
  if (!existsSync(path)) return { files: {}, slugs: {} };
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Manifest>;
    return { files: parsed.files ?? {}, slugs: parsed.slugs ?? {} };
  } catch {
    return { files: {}, slugs: {} };
  }
}

export function renderManifest(manifest: Manifest): string {
  const sorted = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ files: sorted(manifest.files), slugs: sorted(manifest.slugs) }, null, 2)}\n`;
}

export type Ownership = 'absent' | 'same' | 'ours' | 'foreign';

/** Whether ingest may write `path`: it is absent, already right, or unchanged since ingest wrote it. */
export function ownership(path: string, absolute: string, wanted: string, manifest: Manifest): Ownership {
  if (!existsSync(absolute)) return 'absent';
  // A folder or anything else unreadable there is in the way like a file ingest did not write.
  let current: string;
  try {
    current = readFileSync(absolute, 'utf8');
  } catch {
    return 'foreign';
  }
  if (current === wanted) return 'same';
  return manifest.files[path] === sha256(current) ? 'ours' : 'foreign';
}

/** Removes `absolute` when it is still what ingest wrote there; `gone` when there was nothing to remove. */
export function removeIfOurs(key: string, absolute: string, manifest: Manifest): 'removed' | 'gone' | 'edited' {
  if (!existsSync(absolute)) return 'gone';
  let current: string;
  try {
    current = readFileSync(absolute, 'utf8');
  } catch {
    return 'edited';
  }
  if (manifest.files[key] !== sha256(current)) return 'edited';
  rmSync(absolute);
  return 'removed';
}
