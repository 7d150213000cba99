/**
 * One build of the site: the work done once per build whatever renders the pages (reading the
 * archive, the search index, the raw captures, the record of pages already written), and the
 * pages to render, in batches.
 *
 * Why batches: Eleventy keeps every page it rendered in memory until its build ends (each page's
 * content, and the list of results its build returns). At 10,000 captures the site has about
 * 50,000 pages, close to a gigabyte of HTML, so `npm run site` (src/site/build.ts) runs Eleventy
 * once per batch of a few thousand pages, in one process (SiteBuild.batches). Each run starts
 * from the same prepared data, so the pages are those of one run.
 * Run on its own (`eleventy --config=.eleventy.ts`, as in watch mode), .eleventy.ts renders
 * everything in one batch.
 */
import path from 'node:path';
import { loadArchive, type Archive } from './archive.ts';
import { buildArticlePages, buildListingPages, buildPages, noPages, type StaticTexts } from './pages.ts';
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

/** An article's page and audit-report page, in two editions. */
const PAGES_PER_ARTICLE = 4;

/** What renders pages: a change to any of it writes every page again (src/site/written-pages.ts). */
export const RENDERING_CODE = ['templates', 'src/site', '.eleventy.ts'].map((entry) => path.resolve(import.meta.dirname, '..', '..', entry));

export function searchSummary(result: SearchIndexResult): string {
  const cached = result.shardCount - result.indexedShards;
  return `[archive] Pagefind: ${result.pageCount} articles (one index for both editions) in ${result.shardCount} shards, ${result.indexedShards} indexed, ${cached} from the cache (${result.seconds.toFixed(1)} s)`;
}

export class SiteBuild {
  private constructor(
    readonly archive: Archive,
    private readonly texts: StaticTexts,
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
    return new SiteBuild(archive, options.texts, written, indexing);
  }

  /** Every page in one batch. */
  all(): ArchiveData {
    return { model: this.archive, pages: this.written.toWrite(buildPages(this.archive, this.texts)), wholeArchiveFiles: true };
  }

  /**
   * The pages in batches of at most `pagesPerBatch` pages (but at least one article's): first
   * the files made from the whole archive and the single pages (home, tag index, about, search,
   * feeds, 404), then the tag and year pages, then the article and audit-report pages, an
   * article's four pages (two editions) in one batch. Every page is in exactly one batch, and an
   * article's pages are prepared only when its batch is due, so only one batch is held at a time.
   */
  *batches(pagesPerBatch: number): Generator<ArchiveData> {
    const size = Math.max(1, pagesPerBatch);
    const listing = buildListingPages(this.archive, this.texts);
    const { tags, years, ...single } = this.written.toWrite(listing);
    yield { model: this.archive, pages: { ...single, tags: [], years: [] }, wholeArchiveFiles: true };
    for (let start = 0; start < tags.length; start += size) {
      yield { model: this.archive, pages: { ...noPages(), tags: tags.slice(start, start + size) }, wholeArchiveFiles: false };
    }
    for (let start = 0; start < years.length; start += size) {
      yield { model: this.archive, pages: { ...noPages(), years: years.slice(start, start + size) }, wholeArchiveFiles: false };
    }
    const { articles } = this.archive;
    const articlesPerBatch = Math.max(1, Math.floor(size / PAGES_PER_ARTICLE));
    for (let start = 0; start < articles.length; start += articlesPerBatch) {
      const pages = this.written.toWrite(buildArticlePages(this.archive, articles.slice(start, start + articlesPerBatch)));
      yield { model: this.archive, pages: { ...noPages(), ...pages }, wholeArchiveFiles: false };
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
