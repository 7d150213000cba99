/**
 * Machine-readable descriptions of article pages: schema.org NewsArticle as JSON-LD.
 */
import { beijingDateTime } from './dates.ts';
import { editionRoot, scriptOf } from './editions.ts';
import type { ArticlePage } from '../../templates/article.page.ts';

/** Root-relative → absolute; undefined without a site URL, and then the description has no URLs of this site. */
export type AbsoluteUrl = ((rootRelative: string) => string) | undefined;

export function newsArticle(page: ArticlePage, absolute: AbsoluteUrl, siteName: string): Record<string, unknown> {
  const { article } = page;
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    ...(article.subtitle ? { alternativeHeadline: article.subtitle } : {}),
    ...(article.published ? { datePublished: beijingDateTime(article.published) } : {}),
    // The article's own language: the English edition shows the Simplified text.
    inLanguage: scriptOf(page.edition),
    ...(absolute ? { url: absolute(page.url), mainEntityOfPage: absolute(page.url) } : {}),
    description: page.description,
    ...(article.authors.length ? { author: article.authors.map((name) => ({ '@type': 'Person', name })) } : {}),
    ...(article.publisher ? { publisher: { '@type': 'Organization', name: article.publisher } } : {}),
    contentLocation: { '@type': 'Place', name: article.province.text },
    about: article.meetingTypes.map((type) => type.text),
    isPartOf: { '@type': 'WebSite', name: siteName, ...(absolute ? { url: absolute(editionRoot(page.edition)) } : {}) },
    ...(article.sourceUrl ? { isBasedOn: article.sourceUrl } : {}),
  };
  return data;
}

/** JSON for a <script type="application/ld+json"> element: `<` is escaped so no text can close the element. */
export function jsonLdScriptText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
