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
  /** The <title>'s other parts: the site's name and its section (洛阳市人民政府; 两岸, 海峡新闻网), last first. */
  titleTagSite: string[];
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
  const found: DeclaredTitles = { own: [...new Set(own)], titleTagSite: [] };
  if (page.title) {
    found.titleTag = collapse(page.title);
    const parts = page.title.split(TITLE_SEPARATOR).map(collapse).filter(Boolean);
    const longest = parts.reduce((best, part) => (part.length > best.length ? part : best), '');
    if ([...longest].length >= 4) found.titleTagHeadline = longest;
    // The headline opens the <title> (标题_栏目_站名), unless a later part is the page's own title:
    // the other parts are the site's name and its section, read last first.
    const squeeze = (text: string) => text.replace(/\s+/gu, '');
    const own = new Set(found.own.map(squeeze));
    const headline = Math.max(0, parts.findIndex((part) => own.has(squeeze(part))));
    found.titleTagSite = parts.filter((part, index) => index !== headline && !own.has(squeeze(part))).reverse();
  }
  return found;
}

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
