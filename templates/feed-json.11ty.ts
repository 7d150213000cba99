/** The JSON Feeds of each edition: the same entries as the Atom feeds. */
import { beijingDateTime } from '../src/site/dates.ts';
import { escapeHtml } from '../src/site/html.ts';
import { paginate, type PaginatedTemplate } from '../src/site/page-template.ts';
import type { FeedPage } from './feed.page.ts';

const template: PaginatedTemplate<FeedPage> = {
  data: paginate('feeds', (feed) => feed.jsonUrl),

  render({ entry: feed }) {
    const document = {
      version: 'https://jsonfeed.org/version/1.1',
      title: feed.title,
      language: feed.edition,
      home_page_url: this.siteUrl(feed.homeUrl),
      feed_url: this.siteUrl(feed.jsonUrl),
      description: feed.subtitle,
      authors: [{ name: feed.ui.siteName }],
      items: feed.entries.map((item) => ({
        id: this.siteUrl(item.url),
        url: this.siteUrl(item.url),
        title: item.title,
        summary: `${item.meetingLine}。${item.summary}`,
        content_html: `<p>${escapeHtml(item.meetingLine)}</p>\n${item.contentHtml}`,
        date_published: beijingDateTime(item.added),
        ...(item.authors.length ? { authors: item.authors.map((name) => ({ name })) } : {}),
        tags: item.categories.map((category) => category.term),
      })),
    };
    return `${JSON.stringify(document, null, 2)}\n`;
  },
};

export default template;
