/**
 * The raw captures, published byte for byte under /raw/ next to the articles made from them.
 *
 * Copied here rather than by Eleventy's passthrough copy, which deletes and rewrites every file
 * on every build: a copy that has the size and modification time of its capture (given to it
 * when it was copied) is left alone, so a rebuild copies only new or changed captures. Captures
 * are never edited in place, and a changed one changes size or time. A capture is copied only
 * when its bytes still have the SHA-256 its article gives, so that the file served is the one the
 * article cites.
 *
 * A capture that is not UTF-8 (GB18030, Big5, UTF-16) also gets a UTF-8 copy under
 * /raw/utf-8/<name>, its bytes decoded with the encoding ingest recorded: a host that serves every
 * .txt as UTF-8 (GitHub Pages) shows the exact bytes as mojibake. The copy begins with a
 * byte-order mark, so that a browser opening it from the disk reads it as UTF-8 too; it is given
 * its capture's time, and is rewritten only when that differs.
 */
import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { RawFile } from './archive.ts';
import { quoteName } from '../support/raw-names.ts';
import { sha256 } from '../support/hash.ts';
import { decodeAs, isUtf8 } from '../support/encodings.ts';
import { UTF8_COPY_FOLDER } from './provenance.ts';

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

const BYTE_ORDER_MARK = '\uFEFF';

/** Within a millisecond: the time given to a copy is rounded (utimes takes seconds as a double). */
const sameTime = (a: Stats, b: Stats) => Math.abs(a.mtimeMs - b.mtimeMs) < 1;

/**
 * Copies each capture (`absolute`, checked by checkArticles in archive.ts) to <site>/raw/<name>, and
 * the UTF-8 copy of each that is not UTF-8 to <site>/raw/utf-8/<name>. Returns how many captures and
 * how many UTF-8 copies were written, and `<file>: <reason>` for each capture that could not be.
 */
export function publishRawCaptures(rawFiles: readonly RawFile[], siteDir: string): { copied: number; utf8Copies: number; problems: string[] } {
  let copied = 0;
  let utf8Copies = 0;
  const problems: string[] = [];
  const folder = path.join(siteDir, 'raw');
  mkdirSync(folder, { recursive: true });
  for (const file of rawFiles) {
    const target = path.join(folder, file.name);
    const copyTarget = isUtf8(file.encoding) ? undefined : path.join(folder, UTF8_COPY_FOLDER, file.name);
    try {
      const from = statSync(file.absolute);
      const to = statOrUndefined(target);
      const copy = copyTarget && statOrUndefined(copyTarget);
      const rawCurrent = to && to.size === from.size && sameTime(to, from);
      if (rawCurrent && (!copyTarget || (copy && sameTime(copy, from)))) continue;
      const bytes = readFileSync(file.absolute);
      if (sha256(bytes) !== file.sha256) {
        problems.push(`${quoteName(file.repoPath)}: its SHA-256 is not the one its article gives (the capture changed after ingest?); not published: run npm run ingest`);
        continue;
      }
      if (!rawCurrent) {
        writeFileSync(target, bytes);
        // The times as numbers: as Dates they would lose everything below the millisecond.
        utimesSync(target, from.atimeMs / 1000, from.mtimeMs / 1000);
        copied += 1;
      }
      if (copyTarget && !(copy && sameTime(copy, from))) {
        mkdirSync(path.dirname(copyTarget), { recursive: true });
        writeFileSync(copyTarget, BYTE_ORDER_MARK + decodeAs(bytes, file.encoding));
        utimesSync(copyTarget, from.atimeMs / 1000, from.mtimeMs / 1000);
        utf8Copies += 1;
      }
    } catch (error) {
      problems.push(`${quoteName(file.repoPath)}: not published: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { copied, utf8Copies, problems };
}
