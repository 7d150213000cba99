/**
 * The shape of the site's Eleventy JavaScript templates (templates/*.11ty.ts).
 *
 * The templates are plain TypeScript modules, so that they are compiled once per build (Eleventy
 * caches the module instance) and type-checked against the entries their page kinds build
 * (src/site/pages.ts). Each one paginates, one entry per page, over the entries of its kind that
 * this Eleventy run writes, `archive.pages.<kind>` (.eleventy.ts), and prints that entry.
 */
import type { KindName, SitePages } from './pages.ts';

/** What Eleventy binds as `this` when it renders a JavaScript template: the site's filters. */
export interface TemplateContext {
  /** Eleventy's `url` filter: a root-relative URL with the deploy path prefix, for attributes the HTML base plugin does not rewrite. */
  url(rootRelative: string): string;
  /** Whether the site has a URL (ARCHIVE_SITE_URL or data/site.yaml), so that siteUrl can be called. */
  hasSiteUrl(): boolean;
  /** Origin + path prefix + root-relative URL (feeds, canonical links, sitemap, JSON-LD); only with a site URL. */
  siteUrl(rootRelative: string): string;
}

type EntryOf<Kind extends KindName> = SitePages[Kind][number];

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
 * Front data of a template that prints one page per entry of its kind, each at the entry's own
 * URL (`urlOf`). Nothing reads Eleventy's collections, so pages stay out of them. HTML pages get
 * their frame from templates/_includes/layouts/base.ts, called by the template.
 */
export function paginate<Kind extends KindName>(kind: Kind, urlOf: (entry: EntryOf<Kind>) => string): PaginatedData<EntryOf<Kind>> {
  return {
    pagination: { data: `archive.pages.${kind}`, size: 1, alias: 'entry' },
    permalink: ({ entry }) => urlOf(entry),
    eleventyExcludeFromCollections: true,
  };
}

/** The `archive` global data (.eleventy.ts): the entries of this Eleventy run's pages. */
export interface ArchiveData {
  pages: SitePages;
}
