/** The JSON Feed of each edition: the same entries as the Atom feed. */
import { dateToRfc3339 } from '@11ty/eleventy-plugin-rss';
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
      description: feed.ui.siteTagline,
      authors: [{ name: feed.title }],
      items: feed.entries.map((item) => ({
        id: this.siteUrl(item.url),
        url: this.siteUrl(item.url),
        title: item.title,
        summary: item.summary,
        content_html: item.contentHtml,
        date_published: dateToRfc3339(item.published),
      })),
    };
    return `${JSON.stringify(document, null, 2)}\n`;
  },
};

export default template;
