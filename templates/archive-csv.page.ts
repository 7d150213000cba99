/** /archive.csv (archive-csv.11ty.ts): one row per article, its front-matter fields, for spreadsheets (src/site/research/archive-csv.ts). */
import type { ArticleFrontMatter } from '../src/contract.ts';
import type { FileEntry, PageKind } from '../src/site/views.ts';

export interface ArchiveCsvRow {
  frontMatter: ArticleFrontMatter;
  /** The article's page, root-relative; the template makes it absolute when the site has a URL. */
  url: string;
}

export interface ArchiveCsvDownload extends FileEntry {
  rows: ArchiveCsvRow[];
}

export const archiveCsv: PageKind<FileEntry, ArchiveCsvDownload> = {
  specs: () => [{ url: '/archive.csv' }],
  // An article is its front matter and what the build adds; the CSV's columns read the front matter's fields only.
  build: (file, { archive }) => ({ ...file, rows: archive.articles.map((article) => ({ frontMatter: article, url: article.url })) }),
  files: (file) => [file.url],
};
