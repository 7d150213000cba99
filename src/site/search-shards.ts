/**
 * The search index is split into shards by meeting date, each a complete Pagefind index in its
 * own folder. Adding an article re-indexes one shard rather than the archive, and the search page
 * merges the shards at query time (Pagefind's mergeIndex). A shard's content, and with it its
 * cached index, changes only when one of its own articles does.
 *
 * A shard is a month. A month with more than SHARD_ARTICLES articles is split into its thirds
 * (days 1–10, 11–20, 21 to the end), and a third that is still larger into its days: Pagefind
 * holds a whole shard in memory while it writes it, about 1.5 MB per article (measured: 160 MB
 * for 100 articles, 600 MB for 420, 1,260 MB for 840), so the cap is what bounds a build's memory
 * as the archive grows. A split month is re-indexed whole once, when it crosses the cap.
 *
 * Both editions search the same shards: the index holds the Simplified text, and the
 * Traditional edition's search page converts the query to Simplified and its results back
 * (src/site/search-index.ts says why).
 */

export interface SearchShard {
  /** `yyyy-mm`, `yyyy-mm-t1` … `yyyy-mm-t3` (a third of a month) or `yyyy-mm-dd`. */
  name: string;
  /** Root-relative URL of the shard's folder, e.g. `/pagefind/2021-07/`. */
  url: string;
}

/** The most articles a shard holds unless a single day has more. */
export const SHARD_ARTICLES = 200;

/** Meeting dates (`yyyy-mm-dd`, or undefined for an undated article) → their shards. */
export interface SearchShards {
  /** In name order. The first one also holds Pagefind's script and WebAssembly, which the search page loads from it. */
  shards: SearchShard[];
  shardOf(date: string | undefined): SearchShard;
}

/** The shard of the articles without a meeting date (after every month in name order). */
export const UNDATED_SHARD = 'undated';

function shard(name: string): SearchShard {
  return { name, url: `/pagefind/${name}/` };
}

function third(date: string): string {
  const day = Number(date.slice(8, 10));
  return `${date.slice(0, 7)}-t${day <= 10 ? 1 : day <= 20 ? 2 : 3}`;
}

/** How many of `dates` each key groups. */
function counts(dates: string[], key: (date: string) => string): Map<string, number> {
  const tally = new Map<string, number>();
  for (const date of dates) tally.set(key(date), (tally.get(key(date)) ?? 0) + 1);
  return tally;
}

/** The shards of an archive whose articles have these meeting dates (one entry per article). */
export function searchShards(dates: Iterable<string | undefined>): SearchShards {
  const given = [...dates];
  const all = given.filter((date): date is string => date !== undefined);
  const undated = all.length < given.length;
  const perMonth = counts(all, (date) => date.slice(0, 7));
  const perThird = counts(all, third);
  const nameOf = (date: string): string => {
    if (perMonth.get(date.slice(0, 7))! <= SHARD_ARTICLES) return date.slice(0, 7);
    return perThird.get(third(date))! <= SHARD_ARTICLES ? third(date) : date.slice(0, 10);
  };
  const names = [...new Set(all.map(nameOf))].sort();
  if (undated) names.push(UNDATED_SHARD);
  const byName = new Map(names.map((name) => [name, shard(name)]));
  return {
    shards: names.map((name) => byName.get(name)!),
    shardOf: (date) => {
      const found = byName.get(date === undefined ? UNDATED_SHARD : nameOf(date));
      if (!found) throw new Error(`no search shard for ${date}: not a meeting date of the archive`);
      return found;
    },
  };
}
