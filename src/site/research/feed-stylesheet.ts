/**
 * The Atom feeds' XSL stylesheet (templates/assets/feed.xsl, published at /assets/feed.xsl with
 * feed.css beside it), which makes a feed opened in a browser a readable page in the feed's
 * language, as eleventy-base-blog's pretty-atom-feed.xsl does.
 *
 * Browsers are retiring XSLT: Chromium 156 still applies it but shows a deprecation banner and
 * warns in the console that it "will be removed from this browser soon". Readers of the feed
 * lose nothing when it goes (feed readers never used it); a browser then shows the XML. Every
 * feed is also linked from an HTML page that lists the same articles (the home page, the
 * province's tag page), so nobody depends on the stylesheet to read what a feed holds.
 *
 * Serve the file as an XML type (`application/xslt+xml` or `application/xml`); from the same
 * origin as the feed, since browsers refuse a cross-origin stylesheet. The page it makes loads
 * its styles from site.css and feed.css in the stylesheet's own folder (no inline style, which
 * the site's Content-Security-Policy refuses).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { escapeHtml } from '../html.ts';

export const FEED_STYLESHEET_FILE = fileURLToPath(new URL('../../../templates/assets/feed.xsl', import.meta.url));

export function feedStylesheet(): string {
  return readFileSync(FEED_STYLESHEET_FILE, 'utf8');
}

/** The processing instruction to put after the feed's XML declaration. */
export function stylesheetInstruction(href: string): string {
  return `<?xml-stylesheet href="${escapeHtml(href)}" type="text/xsl"?>`;
}
