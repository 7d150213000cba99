import type { PageHead } from './types.ts';

/**
 * The titles a web page declares for its article, outside its visible text: the CMS's and Open
 * Graph's meta tags (ArticleTitle, og:title), JSON-LD `headline`, and the <title>, which joins the
 * headline to the site's name (标题_网易新闻, 标题 - 长江网, 标题 | 某某网).
 */
export interface DeclaredTitles {
  /** Titles given as the article's own, white space collapsed, in order of trust. */
  own: string[];
  /** The <title> as it is. */
  titleTag?: string;
  /** The <title>'s longest part, without the site's name and section. */
  titleTagHeadline?: string;
}

const OWN_TITLE_META = ['articletitle', 'og:title', 'twitter:title', 'dc.title', 'title'];

/** Where a <title> joins the headline to the site's name and section. */
const TITLE_SEPARATOR = /\s*[_|｜]\s*|\s*-{2,}\s*|\s+[-–—]\s+|(?<=\p{Script=Han})-(?=\p{Script=Han})/u;

export function declaredTitles(page: PageHead): DeclaredTitles {
  const own: string[] = [];
  for (const name of OWN_TITLE_META) {
    for (const entry of page.meta) if (entry.name === name && entry.content.trim()) own.push(collapse(entry.content));
  }
  for (const item of page.jsonLd) if (typeof item.headline === 'string' && item.headline.trim()) own.push(collapse(item.headline));
  const found: DeclaredTitles = { own: [...new Set(own)] };
  if (page.title) {
    found.titleTag = collapse(page.title);
    const longest = page.title.split(TITLE_SEPARATOR).map(collapse).reduce((best, part) => (part.length > best.length ? part : best), '');
    if ([...longest].length >= 4) found.titleTagHeadline = longest;
  }
  return found;
}

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
