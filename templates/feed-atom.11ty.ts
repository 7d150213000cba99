/**
 * The Atom feeds of each edition (the whole archive, and one per province): what is new, by the
 * day added, with the full text. A browser shows them through templates/assets/feed.xsl.
 */
import { beijingDateTime } from '../src/site/dates.ts';
import { escapeHtml, html, raw } from '../src/site/html.ts';
import { wellFormedXml } from '../src/site/xml.ts';
import { paginate, type PaginatedTemplate } from '../src/site/page-template.ts';
import { stylesheetInstruction } from '../src/site/research/feed-stylesheet.ts';
import type { FeedPage } from './feed.page.ts';

const template: PaginatedTemplate<FeedPage> = {
  data: paginate('feeds', (feed) => feed.atomUrl),

  render({ entry: feed }) {
    const entries = feed.entries.map((item) => {
      const authors = item.authors.map((name) => html`    <author><name>${name}</name></author>\n`);
      const categories = item.categories.map((category) => html`    <category term="${category.term}" scheme="${this.siteUrl(category.scheme)}" label="${category.term}"/>\n`);
      return html`  <entry>
    <title>${item.title}</title>
    <link href="${this.siteUrl(item.url)}" rel="alternate" type="text/html"/>
    <id>${this.siteUrl(item.url)}</id>
    <published>${beijingDateTime(item.added)}</published>
    <updated>${beijingDateTime(item.added)}</updated>
${authors}${categories}    <summary>${item.meetingLine}。${item.summary}</summary>
    <content type="html">${`<p>${escapeHtml(item.meetingLine)}</p>\n${item.contentHtml}`}</content>
  </entry>
`;
    });
    // The article HTML is escaped once more: Atom carries `type="html"` content as text.
    return wellFormedXml(html`<?xml version="1.0" encoding="utf-8"?>
${raw(stylesheetInstruction(this.url(feed.stylesheetUrl)))}
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.edition}">
  <title>${feed.title}</title>
  <subtitle>${feed.subtitle}</subtitle>
  <link href="${this.siteUrl(feed.atomUrl)}" rel="self" type="application/atom+xml"/>
  <link href="${this.siteUrl(feed.jsonUrl)}" rel="alternate" type="application/feed+json"/>
  <link href="${this.siteUrl(feed.homeUrl)}" rel="alternate" type="text/html"/>
  <id>${this.siteUrl(feed.homeUrl)}</id>
${feed.updated ? html`  <updated>${beijingDateTime(feed.updated)}</updated>\n` : ''}  <author><name>${feed.ui.siteName}</name></author>
${entries}</feed>
`.toString());
  },
};

export default template;
