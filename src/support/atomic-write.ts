/**
 * The one way ingest, the site build and the build cache write a file: so that readers see
 * either the old content or the new, never a torn one. The content goes to a temporary file
 * beside the target (same folder, so the rename is atomic), which is then renamed over it; a write
 * that fails removes its temporary file, and the next run removes what a killed run left.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

export type FileContent = string | Uint8Array;

let written = 0;

/**
 * Beside the target, hidden, and unique to this process, thread and write: two threads of one
 * process (ingest's workers) may write the same cache entry at once.
 */
function temporaryPath(path: string): string {
  written += 1;
  return join(dirname(path), `.${basename(path)}.${process.pid}.t${threadId}-${written}.tmp`);
}

/** Writes `content` to `path`, creating its folder. Throws what the file system says; nothing is left behind. */
export function writeAtomic(path: string, content: FileContent): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = temporaryPath(path);
  try {
    // No fsync: the rename already guarantees that a reader never sees a torn file when the
    // process is killed; flushing every file to disk would cost more than the rest of a build.
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** writeAtomic without blocking the thread. */
export async function writeAtomicLater(path: string, content: FileContent): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = temporaryPath(path);
  try {
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * writeAtomic for many files at once, a few dozen in flight at a time (thousands of small files:
 * the system calls, not the bytes, cost, and the thread pool runs them in parallel). A file that
 * cannot be written (a full disk, a folder in its place) does not stop the others: it is returned
 * with its error, and its temporary file is removed.
 */
export async function writeAllAtomic(files: readonly { absolute: string; content: FileContent }[], inFlight = 32): Promise<{ absolute: string; error: unknown }[]> {
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
      try {
        await writeAtomicLater(absolute, content);
      } catch (error) {
        failed.push({ absolute, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, files.length) }, lane));
  return failed.sort((a, b) => (a.absolute < b.absolute ? -1 : 1));
}

/** The process id in a temporary file's name (also in the names earlier versions gave them). */
const TEMPORARY = /^\..+?\.(\d+)(?:\.t\d+-\d+)?\.tmp$/;

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
  return text.startsWith(`${code}:`) ? text.split(',')[0]! : `${code}: ${text}`;
}
