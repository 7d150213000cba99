/**
 * The search step of a site build: writes the search index under <site>/search/data/ from the
 * archive's articles (one entry point, writeSearchIndex). Both editions search it.
 *
 *   catalog.bin      every article's id and tags, the bucket count, the script table
 *   b/<n>.bin        postings, by a hash of the gram (postings.ts)
 *   p/<n>.bin        positions of the same bucket's grams of four, for longer queries
 *   docs/<id>.json   per article: URL, title, deck, publisher and body in both scripts
 *
 * Everything is computed again on every build (the grams of the whole archive take less time
 * than reading per-article results back from the cache would), but a file is written only when
 * its bytes change: the build cache keeps, per output folder, a hash of what each file holds
 * with the size and time the file had once written, so that a rebuild after adding one capture
 * rewrites the catalog, the buckets that capture's grams fall in and its own article file.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { searchableText } from '../../../templates/assets/search-engine.js';
import { codeVersion, type BuildCache } from '../../support/cache.ts';
import { sha256, sha256OfParts } from '../../support/hash.ts';
import { toTraditional } from '../editions.ts';
import { articleIds } from './article-ids.ts';
import { buildPostings, gramText, type GramSource } from './postings.ts';
import { articleFile, catalogFile, catalogTags, type SearchableArticle } from './index-files.ts';

export type { SearchableArticle } from './index-files.ts';

/** Where the index lives in the site, root-relative. */
export const SEARCH_INDEX_URL = '/search/data/';

export interface SearchIndexResult {
  articles: number;
  bucketCount: number;
  grams: number;
  postings: number;
  /** Files written by this build (the others were left as they were). */
  written: number;
  /** Files of the index in all. */
  files: number;
  /** Files of an earlier index removed. */
  removed: number;
  /** Bytes of the index in all. */
  bytes: number;
  seconds: number;
  /** CPU time of this process over the step (user and system), in seconds. */
  cpuSeconds: number;
}

export interface SearchIndexOptions {
  /** The site's output folder. */
  siteDir: string;
  cache: BuildCache;
  /** Traditional character → its Simplified counterparts (the script map of the articles' texts: src/site/search-script-map.ts). */
  variants: Record<string, string>;
}

/** What decides the index's files besides the articles: this code, the engine's, the conversion to Traditional. */
const INDEX_CODE = [
  import.meta.dirname,
  path.resolve(import.meta.dirname, '..', 'editions.ts'),
  path.resolve(import.meta.dirname, '..', '..', '..', 'templates', 'assets', 'search-engine.js'),
];

/** file (relative to the index folder) → [hash of its content, size, mtime] once written. */
type Record_ = Record<string, [string, number, number]>;

class IndexOutput {
  private readonly record: Record_;
  private readonly next: Record_ = {};
  written = 0;
  files = 0;
  bytes = 0;

  constructor(
    readonly folder: string,
    private readonly load: () => Record_ | undefined,
    private readonly save: (record: Record_) => void,
  ) {
    this.record = load() ?? {};
  }

  /** Whether `file` is in place as `key` describes it (then it is kept). */
  private inPlace(file: string, key: string): boolean {
    const known = this.record[file];
    if (!known || known[0] !== key) return false;
    try {
      const stat = statSync(path.join(this.folder, file));
      if (stat.size !== known[1] || stat.mtimeMs !== known[2]) return false;
      this.next[file] = known;
      this.files += 1;
      this.bytes += stat.size;
      return true;
    } catch {
      return false;
    }
  }

  /** Writes `file` unless it is in place; `content` is made only when it must be written. */
  put(file: string, key: string, content: () => string | Uint8Array): void {
    if (this.inPlace(file, key)) return;
    const target = path.join(this.folder, file);
    mkdirSync(path.dirname(target), { recursive: true });
    const bytes = content();
    writeFileSync(target, bytes);
    const stat = statSync(target);
    this.next[file] = [key, stat.size, stat.mtimeMs];
    this.written += 1;
    this.files += 1;
    this.bytes += stat.size;
  }

  /** Removes every file of the folder this build did not put there; returns how many. */
  removeOthers(): number {
    let removed = 0;
    const walk = (folder: string) => {
      if (!existsSync(folder)) return;
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (!this.next[path.relative(this.folder, full).split(path.sep).join('/')]) {
          rmSync(full, { force: true });
          removed += 1;
        }
      }
    };
    walk(this.folder);
    this.save(this.next);
    return removed;
  }
}

/**
 * Writes the search index of `articles` (the archive's, in its order: by meeting date) under
 * <siteDir>/search/data/.
 */
export function writeSearchIndex(articles: readonly SearchableArticle[], options: SearchIndexOptions): SearchIndexResult {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const folder = path.join(path.resolve(options.siteDir), ...SEARCH_INDEX_URL.split('/').filter(Boolean));
  const area = options.cache.area('search', codeVersion(INDEX_CODE));
  const recordKey = sha256OfParts('search-index-files', folder);
  const output = new IndexOutput(folder, () => area.read<Record_>(recordKey), (record) => area.write(recordKey, record));

  const { ids, dayShift, epoch } = articleIds(articles.map((article) => article.date));
  const sources = function* (): Generator<GramSource> {
    for (let index = 0; index < articles.length; index++) {
      const article = articles[index]!;
      yield { id: ids[index]!, ...gramText(searchableText(article.title, article.subtitle, article.body.plainText), article.title.length) };
    }
  };
  const hash = (bytes: Uint8Array) => sha256(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const postings = buildPostings(sources, (bucket, bytes, positions) => {
    output.put(`b/${bucket}.bin`, hash(bytes), () => bytes);
    output.put(`p/${bucket}.bin`, hash(positions), () => positions);
  });
  const tags = catalogTags(articles, toTraditional);
  const catalog = catalogFile({ articles, ids, tags, bucketCount: postings.bucketCount, dayShift, epoch, variants: options.variants });
  output.put('catalog.bin', hash(catalog), () => catalog);
  articles.forEach((article, index) => {
    output.put(`docs/${ids[index]}.json`, sha256OfParts(article.body.sourceSha256, article.url), () => articleFile(article, toTraditional));
  });
  const removed = output.removeOthers();
  const used = process.cpuUsage(cpu);
  return {
    articles: articles.length,
    bucketCount: postings.bucketCount,
    grams: postings.grams,
    postings: postings.postings,
    written: output.written,
    files: output.files,
    removed,
    bytes: output.bytes,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
}

export function searchSummary(result: SearchIndexResult): string {
  return `[archive] search index: ${result.articles} articles, ${result.grams} grams, ${result.postings} postings in ${result.bucketCount} buckets; ${result.written} of ${result.files} files written, ${result.removed} removed (${result.seconds.toFixed(1)} s)`;
}
