import { readFileSync } from 'node:fs';
import { isCalendarDay } from '../contract.ts';
import { localDay } from './dates.ts';
import type { Manifest } from './manifest.ts';

/**
 * The day each article joined the archive (`added` in its front matter): the day ingest first saw
 * one of its captures. It is remembered by capture in the manifest, as slugs are, so that every
 * later run writes the same bytes; the feeds list articles by it.
 */

/** Overrides the day a run takes for "today" (`YYYY-MM-DD`), so that a run can be repeated exactly. */
export const TODAY_VARIABLE = 'ARCHIVE_TODAY';

/** The archive's day turns at midnight in Beijing, wherever ingest runs. */
const ARCHIVE_ZONE = 'Asia/Shanghai';

export function isAddedDay(value: unknown): value is string {
  return typeof value === 'string' && isCalendarDay(value);
}

/** Today in Beijing, or the day ARCHIVE_TODAY names; a value that is not a day is refused, not guessed. */
export function archiveToday(env: NodeJS.ProcessEnv = process.env, now: number = Date.now()): string {
  const given = env[TODAY_VARIABLE]?.trim();
  if (given) {
    if (!isAddedDay(given)) throw new Error(`${TODAY_VARIABLE}=${JSON.stringify(given)} is not a day of the calendar (YYYY-MM-DD)`);
    return given;
  }
  const day = localDay(now, ARCHIVE_ZONE, { earliest: 1, latest: 9999 });
  if (!('day' in day)) throw new Error(`the clock gives no day: ${day.problem}`);
  return day.day;
}

const ADDED_LINE = /^added: '?(\d{4}-\d{2}-\d{2})'?$/m;

/**
 * The `added` day an article file already says. It stands in for the manifest when the manifest
 * lost the day (a run killed after the articles were written, a manifest restored from an older
 * commit), so that the day stays what it was.
 */
export function writtenAddedDay(absolute: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch {
    return undefined;
  }
  const end = text.indexOf('\n---', 3);
  if (!text.startsWith('---\n') || end < 0) return undefined;
  const day = ADDED_LINE.exec(text.slice(0, end))?.[1];
  return isAddedDay(day) ? day : undefined;
}

/**
 * The added day of an article made of `captures`: the earliest day any of them was seen, else
 * what its file already says, else today. Records the day of each capture in `next`.
 */
export function addedDay(captures: readonly { rawSha256: string }[], manifest: Manifest, next: Manifest, today: string, written: () => string | undefined): string {
  const remembered = captures.map((capture) => manifest.added[capture.rawSha256]).filter(isAddedDay);
  const day = remembered.length ? remembered.reduce((a, b) => (b < a ? b : a)) : (written() ?? today);
  for (const capture of captures) {
    const own = manifest.added[capture.rawSha256];
    // A second capture of an article already archived is itself seen today; the article keeps its day.
    next.added[capture.rawSha256] = isAddedDay(own) ? own : remembered.length ? today : day;
  }
  return day;
}
