/**
 * The raw captures, published byte for byte under /raw/ next to the articles made from them.
 *
 * Copied here rather than by Eleventy's passthrough copy, which deletes and rewrites every file
 * on every build: a copy that has the size and modification time of its capture (given to it
 * when it was copied) is left alone, so a rebuild copies only new or changed captures. Captures
 * are never edited in place, and a changed one changes size or time. A capture is copied only
 * when its bytes still have the SHA-256 its article gives, so that the file served is the one the
 * article cites.
 */
import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { RawFile } from './archive.ts';
import { quoteName } from '../support/raw-names.ts';
import { sha256 } from '../support/hash.ts';

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Copies each capture (`absolute`, checked by checkArticles in archive.ts) to <site>/raw/<name>. Returns how many
 * were copied, and `<file>: <reason>` for each that could not be.
 */
export function publishRawCaptures(rawFiles: readonly RawFile[], siteDir: string): { copied: number; problems: string[] } {
  let copied = 0;
  const problems: string[] = [];
  const folder = path.join(siteDir, 'raw');
  mkdirSync(folder, { recursive: true });
  for (const file of rawFiles) {
    const target = path.join(folder, file.name);
    try {
      const from = statSync(file.absolute);
      const to = statOrUndefined(target);
      // Within a millisecond: the time given to a copy is rounded (utimes takes seconds as a double).
      if (to && to.size === from.size && Math.abs(to.mtimeMs - from.mtimeMs) < 1) continue;
      const bytes = readFileSync(file.absolute);
      if (sha256(bytes) !== file.sha256) {
        problems.push(`${quoteName(file.repoPath)}: its SHA-256 is not the one its article gives (the capture changed after ingest?); not published: run npm run ingest`);
        continue;
      }
      writeFileSync(target, bytes);
      // The times as numbers: as Dates they would lose everything below the millisecond.
      utimesSync(target, from.atimeMs / 1000, from.mtimeMs / 1000);
      copied += 1;
    } catch (error) {
      problems.push(`${quoteName(file.repoPath)}: not published: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { copied, problems };
}
