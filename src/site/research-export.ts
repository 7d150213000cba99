/**
 * The whole archive as one JSON document for researchers: every article's metadata, its
 * provenance and its plain text, in the Simplified edition as archived.
 */
import type { Archive } from './archive.ts';

export const EXPORT_FORMAT = 'xiangyu-covid-meetings-archive/1';

export function researchExport(archive: Archive, absolute: (rootRelative: string) => string): string {
  const articles = archive.articles.map((article) => ({
    slug: article.slug,
    url: absolute(article.url),
    title: article.title,
    originalTitle: article.originalTitle ?? null,
    subtitle: article.subtitle ?? null,
    date: article.date ?? null,
    published: article.published ?? null,
    retrieved: article.retrieved ?? null,
    province: article.province,
    people: article.people,
    places: article.places,
    placePaths: article.placePaths ?? [],
    meetingType: article.meetingType,
    publisher: article.publisher ?? null,
    site: article.site ?? null,
    sourceUrl: article.sourceUrl ?? null,
    authors: article.authors,
    photographers: article.photographers ?? [],
    editors: article.editors,
    originalScript: article.originalScript,
    captures: article.rawFiles.map((file) => ({
      raw: file.repoPath,
      url: absolute(file.url),
      sha256: file.sha256,
      encoding: file.encoding,
      bytes: file.bytes,
    })),
    fidelity: article.fidelity,
    missingPhotos: article.body.missingPhotos,
    text: article.body.plainText,
  }));
  return `${JSON.stringify({ format: EXPORT_FORMAT, articleCount: articles.length, articles }, null, 2)}\n`;
}
