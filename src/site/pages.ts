/**
 * Every kind of page the site has, each beside its template (templates/<kind>.page.ts builds
 * the entries, templates/<name>.11ty.ts prints them), in the order the sitemap lists them. Each
 * template paginates (size 1) over `archive.pages.<kind>`, the entries of its kind that this
 * Eleventy run writes (src/site/plan.ts).
 */
import { about } from '../../templates/about.page.ts';
import { archiveCsv } from '../../templates/archive-csv.page.ts';
import { archiveJson } from '../../templates/archive-json.page.ts';
import { articles } from '../../templates/article.page.ts';
import { feeds } from '../../templates/feed.page.ts';
import { headers } from '../../templates/headers.page.ts';
import { notFound } from '../../templates/404.page.ts';
import { reports } from '../../templates/report.page.ts';
import { search } from '../../templates/search.page.ts';
import { robots, sitemapIndex, sitemaps } from '../../templates/sitemap.page.ts';
import { tagIndex, tags } from '../../templates/tag.page.ts';
import { home, months, undated, years } from '../../templates/timeline.page.ts';
import type { PageKind } from './views.ts';

export const PAGE_KINDS = { home, articles, reports, tagIndex, tags, years, months, undated, about, search, notFound, feeds, archiveJson, archiveCsv, robots, headers, sitemaps, sitemapIndex };

export type KindName = keyof typeof PAGE_KINDS;

type EntryOf<Kind> = Kind extends PageKind<unknown, infer Entry> ? Entry : never;
export type SpecOf<Name extends KindName> = (typeof PAGE_KINDS)[Name] extends PageKind<infer Spec, unknown> ? Spec : never;

/** The entries of each kind that one Eleventy run writes. */
export type SitePages = { [Name in KindName]: EntryOf<(typeof PAGE_KINDS)[Name]>[] };

/** The kinds of page the sitemap lists (the others are files, feeds and the not-found page), in its order. */
export const SITEMAP_KINDS: readonly KindName[] = ['home', 'articles', 'reports', 'tagIndex', 'tags', 'years', 'months', 'undated', 'about', 'search'];

/** Files made of absolute URLs: without a site URL they are not written (src/site/settings.ts). */
export const SITE_URL_KINDS: readonly KindName[] = ['feeds', 'sitemaps', 'sitemapIndex'];

/** Pages that print article bodies: a part of the build renders the bodies of the pages it writes. */
export const BODY_KINDS: readonly KindName[] = ['articles', 'reports'];

/** A site without pages: every list empty. */
export function noPages(): SitePages {
  return Object.fromEntries(Object.keys(PAGE_KINDS).map((name) => [name, []])) as unknown as SitePages;
}
