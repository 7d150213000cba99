/**
 * The whole archive as one JSON document for researchers (/archive.json): every article's
 * metadata, its provenance and its plain text, in the Simplified edition as archived.
 */
import type { Archive, Article } from './archive.ts';
import type { ArticleTexts } from './article-render.ts';

export const EXPORT_FORMAT = 'xiangyu-covid-meetings-archive/1';

/** The articles as the download lists them, their URLs root-relative (made absolute as the file is written). */
export function exportedArticles(archive: Archive, texts: (article: Article) => ArticleTexts) {
  return archive.articles.map((article) => {
    const { plainText, missingPhotos } = texts(article);
    return {
      slug: article.slug,
      url: article.url,
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
        url: file.url,
        sha256: file.sha256,
        encoding: file.encoding,
        bytes: file.bytes,
      })),
      fidelity: article.fidelity,
      missingPhotos,
      text: plainText,
    };
  });
}

export type ExportedArticle = ReturnType<typeof exportedArticles>[number];

/** The document, every URL made absolute by `absolute`. */
export function researchExport(articles: readonly ExportedArticle[], absolute: (rootRelative: string) => string): string {
  const document = articles.map((article) => ({ ...article, url: absolute(article.url), captures: article.captures.map((capture) => ({ ...capture, url: absolute(capture.url) })) }));
  return `${JSON.stringify({ format: EXPORT_FORMAT, articleCount: document.length, articles: document }, null, 2)}\n`;
}
