/** The Atom feed of each edition: the latest articles by publication day, with their full text. */
import { dateToRfc3339 } from '@11ty/eleventy-plugin-rss';
import { html } from '../src/site/html.ts';
import { wellFormedXml } from '../src/site/xml.ts';
import { paginate, type PaginatedTemplate } from '../src/site/page-template.ts';
import type { FeedPage } from './feed.page.ts';

const template: PaginatedTemplate<FeedPage> = {
  data: paginate('feeds', (feed) => feed.atomUrl),

  render({ entry: feed }) {
    const entries = feed.entries.map(
      (item) => html`  <entry>
    <title>${item.title}</title>
    <link href="${this.siteUrl(item.url)}" rel="alternate" type="text/html"/>
    <id>${this.siteUrl(item.url)}</id>
    <published>${dateToRfc3339(item.published)}</published>
    <updated>${dateToRfc3339(item.published)}</updated>
    <summary>${item.summary}</summary>
    <content type="html">${item.contentHtml}</content>
  </entry>
`,
    );
    // The article HTML is escaped once more: Atom carries `type="html"` content as text.
    return wellFormedXml(html`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.edition}">
  <title>${feed.title}</title>
  <subtitle>${feed.ui.siteTagline}</subtitle>
  <link href="${this.siteUrl(feed.atomUrl)}" rel="self" type="application/atom+xml"/>
  <link href="${this.siteUrl(feed.homeUrl)}" rel="alternate" type="text/html"/>
  <id>${this.siteUrl(feed.homeUrl)}</id>
${feed.updated ? html`  <updated>${dateToRfc3339(feed.updated)}</updated>\n` : ''}  <author><name>${feed.title}</name></author>
${entries}</feed>
`.toString());
  },
};

export default template;
