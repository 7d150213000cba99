/**
 * One build of the site: the work done once per build whatever renders the pages (reading the
 * archive, the search index, the raw captures, the record of pages already written), and the
 * pages to render, in batches.
 *
 * Why batches: Eleventy keeps every page it rendered in memory until its build ends (each page's
 * content, and the list of results its build returns). At 10,000 captures the site has about
 * 50,000 pages, close to a gigabyte of HTML, so `npm run site` (src/site/build.ts) runs Eleventy
 * once per batch, in one process: first the pages that list the whole archive (home, tags, years,
 * feeds, sitemap, downloads), then the article and audit-report pages of a few thousand articles
 * at a time. Each run starts from the same prepared data, so the pages are those of one run.
 * Run on its own (`eleventy --config=.eleventy.ts`, as in watch mode), .eleventy.ts renders
 * everything in one batch.
 */
import path from 'node:path';
import { loadArchive, type Archive } from './archive.ts';
import { buildPages, type SitePages, type StaticTexts } from './pages.ts';
import type { ArchiveData } from './page-template.ts';
import { writeSearchIndex, type SearchIndexResult } from './search-index.ts';
import type { BuildCache } from './build-cache.ts';
import { publishRawCaptures } from './raw-copies.ts';
import { WrittenPages } from './written-pages.ts';

export interface SiteBuildOptions {
  archive?: Archive;
  contentDir: string;
  outputDir: string;
  cache: BuildCache;
  origin: string;
  pathPrefix: string;
  texts: StaticTexts;
  /** What renders pages (templates, site code, configuration): a change to it writes every page again. */
  code: string[];
}

/** What renders pages: a change to any of it writes every page again (src/site/written-pages.ts). */
export const RENDERING_CODE = ['templates', 'src/site', '.eleventy.ts'].map((entry) => path.resolve(import.meta.dirname, '..', '..', entry));

export function searchSummary(result: SearchIndexResult): string {
  const cached = result.shardCount - result.indexedShards;
  return `[archive] Pagefind: ${result.pageCount} articles (one index for both editions) in ${result.shardCount} shards, ${result.indexedShards} indexed, ${cached} from the cache (${result.seconds.toFixed(1)} s)`;
}

/** The lists of pages with one page per article (and edition). */
const PER_ARTICLE = ['articles', 'reports'] as const;

export class SiteBuild {
  private constructor(
    readonly archive: Archive,
    private readonly pages: SitePages,
    private readonly written: WrittenPages,
    private readonly indexing: Promise<SearchIndexResult>,
  ) {}

  static start(options: SiteBuildOptions): SiteBuild {
    const archive = options.archive ?? loadArchive({ contentDir: options.contentDir, cache: options.cache });
    // Pages whose entry, code and settings are those of the last build into this folder are left as they are.
    const written = WrittenPages.open(options.cache, {
      outputDir: options.outputDir,
      code: options.code,
      origin: options.origin,
      pathPrefix: options.pathPrefix,
    });
    // The search index needs only the archive, not the written pages, so Pagefind (a process of
    // its own) indexes while Eleventy renders; finish() waits for it and reports failures.
    const indexing = writeSearchIndex(path.resolve(options.outputDir), archive, options.cache);
    indexing.catch(() => undefined);
    // Every raw capture an article cites, byte for byte (only new or changed ones are copied).
    publishRawCaptures(archive.rawFiles, process.cwd(), path.resolve(options.outputDir));
    const pages = written.toWrite(buildPages(archive, options.texts));
    return new SiteBuild(archive, pages, written, indexing);
  }

  /** Every page in one batch. */
  all(): ArchiveData {
    return { model: this.archive, pages: this.pages, wholeArchiveFiles: true };
  }

  /**
   * The pages in batches: the first holds every page but the per-article ones, and the files made
   * from the whole archive; each of the others the per-article pages of `articlesPerBatch`
   * articles in both editions. Every page is in exactly one batch.
   */
  *batches(articlesPerBatch: number): Generator<ArchiveData> {
    const none = { articles: [], reports: [] };
    yield { model: this.archive, pages: { ...this.pages, ...none }, wholeArchiveFiles: true };
    const empty = Object.fromEntries(Object.keys(this.pages).map((list) => [list, []])) as unknown as SitePages;
    const longest = Math.max(...PER_ARTICLE.map((list) => this.pages[list].length));
    // Two editions: a batch of n articles holds 2n entries of each list.
    const size = Math.max(1, articlesPerBatch) * 2;
    for (let start = 0; start < longest; start += size) {
      yield {
        model: this.archive,
        pages: { ...empty, articles: this.pages.articles.slice(start, start + size), reports: this.pages.reports.slice(start, start + size) },
        wholeArchiveFiles: false,
      };
    }
  }

  /** After the last batch: the record of written pages, and the search index (its failure is the build's). */
  async finish(): Promise<SearchIndexResult> {
    this.written.save();
    return this.indexing;
  }
}

/** The batch src/site/build.ts has Eleventy render now; undefined when Eleventy runs on its own. */
let drivenBatch: ArchiveData | undefined;

export function setDrivenBatch(batch: ArchiveData | undefined): void {
  drivenBatch = batch;
}

export function currentDrivenBatch(): ArchiveData | undefined {
  return drivenBatch;
}
