import { existsSync, readFileSync, rmSync } from 'node:fs';
import { sha256 } from '../support/hash.ts';

// What ingest remembers of what it wrote, and whether it may overwrite or remove a file (files
// are written with src/support/atomic-write.ts).

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
  /** Raw capture SHA-256 → the day ingest first saw it (see added.ts). */
  added: Record<string, string>;
}

export function readManifest(path: string): Manifest {
  if (!existsSync(path)) return { files: {}, slugs: {}, added: {} };
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Manifest>;
    return { files: parsed.files ?? {}, slugs: parsed.slugs ?? {}, added: parsed.added ?? {} };
  } catch {
    return { files: {}, slugs: {}, added: {} };
  }
}

export function renderManifest(manifest: Manifest): string {
  const sorted = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ files: sorted(manifest.files), slugs: sorted(manifest.slugs), added: sorted(manifest.added) }, null, 2)}\n`;
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
