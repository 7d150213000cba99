/**
 * The shape of the site's Eleventy JavaScript templates (templates/*.11ty.ts).
 *
 * The templates are plain TypeScript modules so that they are compiled once per build (Eleventy
 * caches the module instance) and type-checked against the page data prepared in pages.ts. Each
 * one paginates, one entry per page, over a list of `archive.pages`, and prints that entry.
 */
import type { Archive } from './archive.ts';
import type { SitePages } from './pages.ts';

/** What Eleventy binds as `this` when it renders a JavaScript template: the site's filters. */
export interface TemplateContext {
  /** Eleventy's `url` filter: a root-relative URL with the deploy path prefix, for attributes the HTML base plugin does not rewrite. */
  url(rootRelative: string): string;
  /** Origin + path prefix + root-relative URL (feeds, canonical links, sitemap, JSON-LD). */
  siteUrl(rootRelative: string): string;
}

type EntryOf<List extends keyof SitePages> = SitePages[List][number];

export interface PaginatedData<Entry> {
  pagination: { data: string; size: 1; alias: 'entry' };
  permalink: (data: { entry: Entry }) => string;
  eleventyExcludeFromCollections: true;
}

export interface PaginatedTemplate<Entry> {
  data: PaginatedData<Entry>;
  render(this: TemplateContext, data: { entry: Entry }): string;
}

/**
 * Front data of a template that prints one page per entry of `archive.pages[list]`, each at the
 * entry's own URL (`urlOf`). Nothing reads Eleventy's collections, so pages stay out of them.
 * HTML pages get their frame from templates/_includes/layouts/base.ts, called by the template.
 */
export function paginate<List extends keyof SitePages>(list: List, urlOf: (entry: EntryOf<List>) => string): PaginatedData<EntryOf<List>> {
  return {
    pagination: { data: `archive.pages.${list}`, size: 1, alias: 'entry' },
    permalink: ({ entry }) => urlOf(entry),
    eleventyExcludeFromCollections: true,
  };
}

/**
 * The `archive` global data (.eleventy.ts): the archive model and the pages of this Eleventy run
 * prepared from it (all of them, or one batch: src/site/site-build.ts).
 */
export interface ArchiveData {
  model: Archive;
  pages: SitePages;
  /** Whether this run writes the files made from the whole archive (sitemap, robots.txt, downloads). */
  wholeArchiveFiles: boolean;
  /** URLs of all the sitemap files, whichever runs write them (the sitemap index lists them). */
  sitemapFiles: string[];
}

export interface SingleFileData {
  permalink: (data: { archive: ArchiveData }) => string | false;
  eleventyExcludeFromCollections: true;
}

/** A template that writes one file from the whole archive (sitemap, robots.txt, downloads). */
export interface SingleFileTemplate {
  data: SingleFileData;
  render(this: TemplateContext, data: { archive: ArchiveData }): string;
}

/** Front data of a single-file template writing `url`, in the run that writes whole-archive files. */
export function singleFile(url: string): SingleFileData {
  return { permalink: ({ archive }) => (archive.wholeArchiveFiles ? url : false), eleventyExcludeFromCollections: true };
}
