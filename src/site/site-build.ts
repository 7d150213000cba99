/**
 * One build of the site: the work done once per build whatever renders the pages (reading the
 * archive, the raw captures, the record of pages already written, the search index), and the
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
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderArticleBody } from './article-body.ts';
import { loadArchive, type Archive } from './archive.ts';
import { buildArticlePages, buildListingPages, buildPages, noPages, type SitePages, type StaticTexts } from './pages.ts';
import type { ArchiveData } from './page-template.ts';
import { writeSearchIndex, type SearchIndexResult } from './search/write-index.ts';
import type { BuildCache } from '../support/cache.ts';
export { searchSummary } from './search/write-index.ts';
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
/** Articles whose pages are prepared in one go. */
const ARTICLES_PER_STEP = 200;

/** What renders pages: a change to any of it writes every page again (src/site/written-pages.ts). */
export const RENDERING_CODE = ['templates', 'src/site', '.eleventy.ts'].map((entry) => path.resolve(import.meta.dirname, '..', '..', entry));

/** The static pages' texts (templates/_includes/), rendered as article bodies are. */
export function readStaticTexts(): StaticTexts {
  return { about: renderArticleBody(readFileSync(path.resolve(import.meta.dirname, '..', '..', 'templates', '_includes', 'about.md'), 'utf8')) };
}

export class SiteBuild {
  private constructor(
    readonly archive: Archive,
    private readonly texts: StaticTexts,
    private readonly written: WrittenPages,
    private readonly outputDir: string,
    private readonly cache: BuildCache,
    /** `<file>: <reason>` for each article or capture left out; the build goes on without them and fails at the end. */
    readonly problems: string[],
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
    // Every raw capture an article cites, byte for byte (only new or changed ones are copied).
    const copies = publishRawCaptures(archive.rawFiles, path.resolve(options.outputDir));
    return new SiteBuild(archive, options.texts, written, path.resolve(options.outputDir), options.cache, [...archive.problems, ...copies.problems]);
  }

  /** Every page in one batch. */
  all(): ArchiveData {
    const pages = this.written.toWrite(buildPages(this.archive, this.texts));
    return { model: this.archive, pages, wholeArchiveFiles: true, sitemapFiles: pages.sitemaps.map((file) => file.url) };
  }

  /**
   * The pages to write, in batches of at most `pagesPerBatch` pages: the single pages and the
   * files made from the whole archive come in the first, then the tag and year pages, then the
   * article and audit-report pages. Pages a rebuild leaves in place (written-pages.ts) are left
   * out before batches are made, so a rebuild after one new capture is one or two runs. Every page
   * is in exactly one batch, and an article's pages are prepared only when its batch is being
   * filled, so only one batch is held at a time.
   */
  async *batches(pagesPerBatch: number): AsyncGenerator<ArchiveData> {
    const size = Math.max(1, pagesPerBatch);
    const listing = this.written.toWrite(buildListingPages(this.archive, this.texts));
    const sitemapFiles = listing.sitemaps.map((file) => file.url);
    let pages = noPages();
    let count = 0;
    let first = true;
    const flush = (): ArchiveData => {
      const batch = { model: this.archive, pages, wholeArchiveFiles: first, sitemapFiles };
      pages = noPages();
      count = 0;
      first = false;
      return batch;
    };
    // Adds entries to the batch being filled, yielding each batch that fills up.
    const add = function* <List extends keyof SitePages>(list: List, entries: SitePages[List]): Generator<ArchiveData> {
      for (let at = 0; at < entries.length; ) {
        const part = entries.slice(at, at + size - count);
        (pages[list] as unknown[]).push(...part);
        count += part.length;
        at += part.length;
        if (count >= size) yield flush();
      }
    };
    for (const list of Object.keys(listing) as (keyof SitePages)[]) yield* add(list, listing[list]);
    const { articles } = this.archive;
    for (let start = 0; start < articles.length; ) {
      // As many articles as the batch has room for (each has up to four pages), a few hundred at a time.
      await new Promise((resolve) => setImmediate(resolve));
      const take = Math.max(1, Math.min(ARTICLES_PER_STEP, Math.floor((size - count) / PAGES_PER_ARTICLE)));
      const made = this.written.toWrite(buildArticlePages(this.archive, articles.slice(start, start + take)));
      start += take;
      yield* add('articles', made.articles);
      yield* add('reports', made.reports);
    }
    if (count > 0 || first) yield flush();
  }

  /**
   * After the last batch: the record of written pages, and the search index (src/site/search/),
   * made once Eleventy's pages are garbage, so that its memory is not added to theirs.
   */
  async finish(): Promise<SearchIndexResult> {
    this.written.save();
    return writeSearchIndex(this.archive.articles, { siteDir: this.outputDir, cache: this.cache, variants: this.archive.scriptMap.hansCounterparts });
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
