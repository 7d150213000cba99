/**
 * The whole archive as CSV for spreadsheets: one row per article, its front-matter fields in
 * the order the README's article contract lists them, after the URL of its page.
 *
 * The file is RFC 4180 (comma separated, CRLF between records, fields with a comma, quote or
 * line break in double quotes) and UTF-8 with a byte-order mark, without which Excel reads
 * UTF-8 as the local code page and shows the Chinese as mojibake. A list field (people,
 * authors, fidelity notes…) holds its items one per line inside the cell. A cell that would
 * begin with = + - @ (or their full-width forms, or a tab) is written with a leading apostrophe
 * so that a spreadsheet shows it as text instead of running it as a formula; archive.json
 * carries the exact values.
 */
import { stringify } from 'csv-stringify/sync';
import type { ArticleFrontMatter } from '../../contract.ts';

export interface CsvArticle {
  frontMatter: ArticleFrontMatter;
  /** The article's page in this archive, absolute. */
  url: string;
}

type Column = { name: string; value: (article: CsvArticle) => string | readonly string[] | undefined };

const field =
  (key: keyof ArticleFrontMatter): Column['value'] =>
  ({ frontMatter }) => {
    const value = frontMatter[key];
    return typeof value === 'string' || Array.isArray(value) ? (value as string | string[]) : undefined;
  };

export const CSV_COLUMNS: readonly Column[] = [
  { name: 'url', value: (article) => article.url },
  ...(
    [
      'title',
      'originalTitle',
      'subtitle',
      'date',
      'published',
      'retrieved',
      'added',
      'province',
      'people',
      'places',
      'placePaths',
      'meetingType',
      'publisher',
      'site',
      'sourceUrl',
      'dateline',
      'authors',
      'photographers',
      'editors',
      'slug',
      'raw',
      'rawSha256',
      'encoding',
      'originalScript',
    ] as const
  ).map((key) => ({ name: key, value: field(key) })),
  { name: 'captures', value: ({ frontMatter }) => frontMatter.captures.map((capture) => capture.raw) },
  { name: 'report', value: field('report') },
  { name: 'fidelity', value: field('fidelity') },
];

function cell(value: string | readonly string[] | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : value.join('\n');
}

export function archiveCsv(articles: readonly CsvArticle[]): string {
  const rows = articles.map((article) => CSV_COLUMNS.map((column) => cell(column.value(article))));
  return stringify([CSV_COLUMNS.map((column) => column.name), ...rows], {
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
  });
}
