/**
 * The page frame of every edition: head with canonical and hreflang links, masthead with a
 * search box (a plain GET form to the search page, which needs no script to get there) and the
 * edition switch, the page's own content, colophon. Prints `entry` (a PageEntry from pages.ts).
 *
 * A function each page template calls rather than an Eleventy layout: Eleventy keeps every page's
 * output in memory until the build ends, once as its template rendered it and once more with its
 * layout; a template that returns the whole page is kept once.
 */
import { html, raw, type Markup } from '../../../src/site/html.ts';
import type { TemplateContext } from '../../../src/site/page-template.ts';
import type { PageEntry } from '../../../src/site/views.ts';
import type { ArticlePage } from '../../article.page.ts';
import { jsonLdScriptText, newsArticle } from '../../../src/site/structured-data.ts';
import { EDITIONS, feedRoot, type Edition } from '../../../src/site/editions.ts';
import { EDITION_NAMES, interfaceText, type LabelKey } from '../../../src/site/interface-text.ts';
import { PAGE_POLICY, REFERRER_POLICY } from '../../../src/site/security.ts';
import { APPLE_TOUCH_ICON_SIZE, FAVICON_PNG_SIZE, ICON_URLS, OG_SIZE } from '../../../src/site/research/icons.ts';

const isArticlePage = (entry: PageEntry | ArticlePage): entry is ArticlePage => 'article' in entry;

const OG_LOCALES: Record<Edition, string> = { 'zh-Hans': 'zh_CN', 'zh-Hant': 'zh_TW', en: 'en_GB' };
const EDITION_LABELS: Record<Edition, LabelKey> = { 'zh-Hans': 'editionLabelHans', 'zh-Hant': 'editionLabelHant', en: 'editionLabelEn' };

export function basePage(context: TemplateContext, entry: PageEntry | ArticlePage, content: Markup): string {
  const { ui, root, section } = entry;
  const isHome = entry.url === root;
  const others = EDITIONS.filter((edition) => edition !== entry.edition);
  const current = (is: boolean) => (is ? html` class="is-current"` : '');
  const currentPage = (is: boolean) => (is ? html` aria-current="page"` : '');
  // Links that must be absolute (og:image among them: crawlers do not resolve relative ones), and
  // the feeds (made of absolute links), only with a site URL.
  const linked = context.hasSiteUrl();
  const article = isArticlePage(entry)
    ? html`
<meta property="article:published_time" content="${entry.article.published}T00:00:00+08:00">
<script type="application/ld+json">${raw(jsonLdScriptText(newsArticle(entry, linked ? (url) => context.siteUrl(url) : undefined, ui.siteName)))}</script>`
    : '';
  const feeds = feedRoot(entry.edition);
  const links = linked
    ? html`${entry.url.endsWith('404.html') ? '' : html`
<link rel="canonical" href="${context.siteUrl(entry.url)}">`}
${EDITIONS.map((edition) => html`
<link rel="alternate" hreflang="${edition}" href="${context.siteUrl(entry.alternates[edition])}">`)}
<link rel="alternate" hreflang="x-default" href="${context.siteUrl(entry.alternates['zh-Hans'])}">
<link rel="alternate" type="application/atom+xml" title="${ui.atomFeed}" href="${feeds}feed.xml">
<link rel="alternate" type="application/feed+json" title="${ui.jsonFeed}" href="${feeds}feed.json">${(entry.feeds ?? []).map(
        (feed) => html`
<link rel="alternate" type="application/atom+xml" title="${feed.title} · ${ui.atomFeed}" href="${feed.atomUrl}">
<link rel="alternate" type="application/feed+json" title="${feed.title} · ${ui.jsonFeed}" href="${feed.jsonUrl}">`,
      )}`
    : '';
  const feedLinks = linked ? html` · <a href="${feeds}feed.xml">${ui.atomFeed}</a> · <a href="${feeds}feed.json">${ui.jsonFeed}</a>` : '';

  return html`<!DOCTYPE html>
<html lang="${entry.edition}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PAGE_POLICY}">
<meta name="referrer" content="${REFERRER_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${isHome ? ui.siteName : `${entry.title} · ${ui.siteShortName}`}</title>
<meta name="description" content="${entry.description}">${links}
<link rel="stylesheet" href="/assets/site.css">
<link rel="icon" href="${ICON_URLS.favicon}" type="image/svg+xml">
<link rel="icon" href="${ICON_URLS.faviconPng}" type="image/png" sizes="${FAVICON_PNG_SIZE}x${FAVICON_PNG_SIZE}">
<link rel="apple-touch-icon" href="${ICON_URLS.appleTouchIcon}" sizes="${APPLE_TOUCH_ICON_SIZE}x${APPLE_TOUCH_ICON_SIZE}">
<meta property="og:site_name" content="${ui.siteName}">
<meta property="og:title" content="${entry.title}">
<meta property="og:description" content="${entry.description}">
<meta property="og:type" content="${entry.ogType}">
${linked ? html`<meta property="og:url" content="${context.siteUrl(entry.url)}">
<meta property="og:image" content="${context.siteUrl(ICON_URLS.ogImage)}">
<meta property="og:image:type" content="image/png">
<meta property="og:image:width" content="${OG_SIZE.width}">
<meta property="og:image:height" content="${OG_SIZE.height}">
<meta property="og:image:alt" content="${ui.ogImageAlt}">
` : ''}<meta property="og:locale" content="${OG_LOCALES[entry.edition]}">${others.map((edition) => html`
<meta property="og:locale:alternate" content="${OG_LOCALES[edition]}">`)}${article}
</head>
<body class="page-${section}">
<a class="skip-link" href="#main">${ui.skipToContent}</a>
<header class="masthead">
  <div class="masthead-inner">
    <a class="site-name" href="${root}"${currentPage(isHome)}>${ui.siteName}</a>
    <nav class="site-nav" aria-label="${ui.primaryNav}">
      <ul>
        <li><a href="${root}"${current(section === 'home')}${currentPage(isHome)}>${ui.navHome}</a></li>
        <li><a href="${root}tags/"${current(section === 'tags')}${currentPage(entry.url === `${root}tags/`)}>${ui.navTags}</a></li>
        <li><a href="${root}search/"${current(section === 'search')}${currentPage(section === 'search')}>${ui.navSearch}</a></li>
        <li><a href="${root}about/"${current(section === 'about')}${currentPage(section === 'about')}>${ui.navAbout}</a></li>
      </ul>
    </nav>
    <form class="masthead-search" role="search" aria-label="${ui.searchSiteLabel}" action="${root}search/" method="get" data-site-search>
      <label class="visually-hidden" for="site-search">${ui.searchSiteLabel}</label>
      <input id="site-search" name="q" type="search" autocomplete="off">
      <button type="submit">${ui.searchButton}</button>
    </form>
    <nav class="edition-switch" aria-label="${ui.editions}"><ul>${others.map(
      (edition) => html`<li><a class="script-switch" href="${entry.alternates[edition]}" hreflang="${edition}" lang="${edition}" title="${interfaceText(edition)[EDITION_LABELS[edition]]}" data-edition-switch="${edition}"${
        // The switch between the two scripts of the Chinese text.
        edition !== 'en' && entry.edition !== 'en' ? html` data-script-switch` : ''
      }>${EDITION_NAMES[edition]}</a></li>`,
    )}</ul></nav>
  </div>
</header>
<main id="main" tabindex="-1">
${content}
</main>
<footer class="colophon">
  <div class="colophon-inner">
    <p><a href="${root}about/">${ui.aboutLink}</a>${feedLinks} · <a href="/archive.json">${ui.downloadArchive}</a></p>
    <p>${ui.footerNote}</p>
  </div>
</footer>
</body>
</html>
`.toString();
}
