/**
 * The search index is split into shards, one per edition and month of meeting, each a complete
 * Pagefind index in its own folder. Adding an article re-indexes one shard per edition (a month's
 * articles) rather than the archive, and the search page merges the shards of its edition at
 * query time (Pagefind's mergeIndex). A month keeps its shard as the archive grows, so a shard's
 * content, and with it its cached index, changes only when one of its own articles does.
 */
import type { Edition } from './editions.ts';

export interface SearchShard {
  edition: Edition;
  /** `yyyy-mm` of the meeting day. */
  month: string;
  /** Root-relative URL of the shard's folder, e.g. `/pagefind/zh-hant/2021-07/`. */
  url: string;
}

export function searchShard(edition: Edition, date: string): SearchShard {
  const month = date.slice(0, 7);
  return { edition, month, url: `/pagefind/${edition.toLowerCase()}/${month}/` };
}

/**
 * The shards of an edition, oldest month first. The first one also holds Pagefind's script and
 * WebAssembly, which the search page loads from it (search-index.ts puts them there).
 */
export function editionShards(edition: Edition, dates: Iterable<string>): SearchShard[] {
  const months = [...new Set([...dates].map((date) => date.slice(0, 7)))].sort();
  return months.map((month) => searchShard(edition, `${month}-01`));
}
