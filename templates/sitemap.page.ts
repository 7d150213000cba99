/**
 * The sitemap (sitemap.11ty.ts: an index of its files; sitemap-file.11ty.ts: each file, every
 * page of every edition) and robots.txt (robots.11ty.ts), which points crawlers to it.
 */
import type { Edition } from '../src/site/editions.ts';
import { chunk, type FileEntry, type PageEntry, type PageKind } from '../src/site/views.ts';

export interface SitemapUrl {
  url: string;
  alternates: Record<Edition, string>;
}

/** One file of the sitemap: up to SITEMAP_SIZE pages, each listed in every edition. */
export interface SitemapFile extends FileEntry {
  entries: SitemapUrl[];
}

export interface SitemapIndex extends FileEntry {
  /** The URLs of the sitemap's files. */
  files: string[];
}

/**
 * Pages per sitemap file: 30,000 URLs with the three editions, within the protocol's 50,000
 * URLs and 50 MB a file. /sitemap.xml is the index of the files.
 */
export const SITEMAP_SIZE = 10_000;

/** The sitemap files listing `pages`: one entry per page of the Simplified edition, each naming every edition. */
export function sitemapSpecs(pages: readonly Pick<PageEntry, 'edition' | 'url' | 'alternates'>[]): SitemapFile[] {
  const entries = pages.filter((page) => page.edition === 'zh-Hans').map((page) => ({ url: page.url, alternates: page.alternates }));
  return chunk(entries, SITEMAP_SIZE).map((part, index) => ({ url: `/sitemaps/${index + 1}.xml`, entries: part }));
}

/** The sitemap's files; its specs are the files themselves, made from the pages it lists (sitemapSpecs). */
export const sitemaps: PageKind<SitemapFile, SitemapFile> = {
  specs: () => [],
  build: (file) => file,
  files: (file) => [file.url],
};

export const sitemapIndex: PageKind<SitemapIndex, SitemapIndex> = {
  specs: () => [],
  build: (index) => index,
  files: (index) => [index.url],
};

export const robots: PageKind<FileEntry, FileEntry> = {
  specs: () => [{ url: '/robots.txt' }],
  build: (file) => file,
  files: (file) => [file.url],
};
