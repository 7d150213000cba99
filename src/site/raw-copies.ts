/**
 * The raw captures, published byte for byte under /raw/ next to the articles made from them.
 *
 * Copied here rather than by Eleventy's passthrough copy, which deletes and rewrites every file
 * on every build: a copy that has the size and modification time of its capture (given to it
 * when it was copied) is left alone, so a rebuild copies only new or changed captures. Captures
 * are never edited in place, and a changed one changes size or time.
 */
import { copyFileSync, mkdirSync, statSync, utimesSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { RawFile } from './archive.ts';

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** Copies each capture to <site><url>; `rootDir` is what the captures' repository paths are relative to. */
export function publishRawCaptures(rawFiles: readonly RawFile[], rootDir: string, siteDir: string): { copied: number } {
  let copied = 0;
  const folders = new Set<string>();
  for (const file of rawFiles) {
    const source = path.resolve(rootDir, file.repoPath);
    const target = path.join(siteDir, file.url);
    const from = statSync(source);
    const to = statOrUndefined(target);
    // Within a millisecond: the time given to a copy is rounded (utimes takes seconds as a double).
    if (to && to.size === from.size && Math.abs(to.mtimeMs - from.mtimeMs) < 1) continue;
    if (!folders.has(path.dirname(target))) {
      mkdirSync(path.dirname(target), { recursive: true });
      folders.add(path.dirname(target));
    }
    copyFileSync(source, target);
    // The times as numbers: as Dates they would lose everything below the millisecond.
    utimesSync(target, from.atimeMs / 1000, from.mtimeMs / 1000);
    copied += 1;
  }
  return { copied };
}
