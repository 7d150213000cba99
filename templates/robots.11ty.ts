/** robots.txt: everything may be crawled; the sitemap (with a site URL: src/site/settings.ts) lists every edition. */
import { paginate, type PaginatedTemplate } from '../src/site/page-template.ts';
import type { FileEntry } from '../src/site/views.ts';

const template: PaginatedTemplate<FileEntry> = {
  data: paginate('robots', (entry) => entry.url),

  render() {
    return `User-agent: *\nAllow: /\n${this.hasSiteUrl() ? `\nSitemap: ${this.siteUrl('/sitemap.xml')}\n` : ''}`;
  },
};

export default template;
