/** About the archive (templates/_includes/about.md, rendered like an article body), its downloads and its feeds. */
import { html, raw } from '../src/site/html.ts';
import { paginate, type PaginatedTemplate } from '../src/site/page-template.ts';
import type { FeedLinks } from '../src/site/views.ts';
import type { AboutPage } from './about.page.ts';
import { basePage } from './_includes/layouts/base.ts';

const template: PaginatedTemplate<AboutPage> = {
  data: paginate('about', (entry) => entry.url),

  render({ entry }) {
    const { ui } = entry;
    const feedItem = (name: string, feed: FeedLinks) =>
      html`    <li>${ui.format.labelled(name, '')}<a href="${feed.atomUrl}" type="application/atom+xml">${ui.atomFeed}</a> · <a href="${feed.jsonUrl}" type="application/feed+json">${ui.jsonFeed}</a></li>\n`;
    return basePage(this, entry, html`<div class="page-wrap prose about">
  <h1>${ui.aboutTitle}</h1>
${raw(entry.bodyHtml)}
  <h2>${ui.download}</h2>
  <ul>
    <li><a href="/archive.json">${ui.downloadArchive}</a></li>
    <li><a href="/archive.csv">${ui.downloadCsv}</a></li>
  </ul>
${this.hasSiteUrl() ? html`  <h2>${ui.feeds}</h2>
  <p>${ui.feedsNote}</p>
  <ul class="feed-list">
${feedItem(ui.wholeArchive, entry.archiveFeeds)}${entry.provinceFeeds.map((feed) => feedItem(feed.province, feed))}  </ul>
` : ''}</div>
`);
  },
};

export default template;
