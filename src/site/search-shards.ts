/**
 * The search index is split into shards, one per month of meeting, each a complete Pagefind
 * index in its own folder. Adding an article re-indexes one shard (a month's articles) rather
 * than the archive, and the search page merges the shards at query time (Pagefind's
 * mergeIndex). A month keeps its shard as the archive grows, so a shard's content, and with it
 * its cached index, changes only when one of its own articles does.
 *
 * Both editions search the same shards: the index holds the Simplified text, and the
 * Traditional edition's search page converts the query to Simplified and its results back
 * (src/site/search-index.ts says why).
 */

export interface SearchShard {
  /** `yyyy-mm` of the meeting day. */
  month: string;
  /** Root-relative URL of the shard's folder, e.g. `/pagefind/2021-07/`. */
  url: string;
}

export function searchShard(date: string): SearchShard {
  const month = date.slice(0, 7);
  return { month, url: `/pagefind/${month}/` };
}

/**
 * The shards, oldest month first. The first one also holds Pagefind's script and WebAssembly,
 * which the search page loads from it (search-index.ts puts them there).
 */
export function searchShards(dates: Iterable<string>): SearchShard[] {
  const months = [...new Set([...dates].map((date) => date.slice(0, 7)))].sort();
  return months.map((month) => searchShard(`${month}-01`));
}
