import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that readers see either the old content or the new, never a torn one: the
 * text goes to a temporary file beside the target, which is then renamed over it. An interrupted
 * ingest leaves the previous articles intact.
 */
export function writeAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = temporaryPath(path);
  // No fsync: rename already guarantees a reader never sees a torn file when ingest is killed;
  // flushing every file to disk would cost more than the rest of a large ingest together.
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

/** writeAtomic for many files at once, a few dozen in flight at a time. */
export async function writeAllAtomic(files: { absolute: string; content: string }[], inFlight = 32): Promise<void> {
  const folders = new Set(files.map((file) => dirname(file.absolute)));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const { absolute, content } = files[next++]!;
      const temporary = temporaryPath(absolute);
      await writeFile(temporary, content);
      await rename(temporary, absolute);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, files.length) }, lane));
}

/** Beside the target (same file system, so the rename is atomic), hidden, and one per process. */
function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
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
  const current = readFileSync(absolute, 'utf8');
  if (current === wanted) return 'same';
  return manifest.files[path] === sha256(current) ? 'ours' : 'foreign';
}

/** Removes `absolute` when it is still what ingest wrote there; `gone` when there was nothing to remove. */
export function removeIfOurs(key: string, absolute: string, manifest: Manifest): 'removed' | 'gone' | 'edited' {
  if (!existsSync(absolute)) return 'gone';
  if (manifest.files[key] !== sha256(readFileSync(absolute, 'utf8'))) return 'edited';
  rmSync(absolute);
  return 'removed';
}
