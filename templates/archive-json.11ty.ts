/** /archive.json: the whole archive, metadata and plain text, for researchers (src/site/research-export.ts). */
import { paginate, type PaginatedTemplate } from '../src/site/page-template.ts';
import { researchExport } from '../src/site/research-export.ts';
import type { ArchiveDownload } from './archive-json.page.ts';

const template: PaginatedTemplate<ArchiveDownload> = {
  data: paginate('archiveJson', (entry) => entry.url),

  render({ entry }) {
    // Without a site URL, the URLs are the site's own, root-relative with the path prefix.
    return researchExport(entry.articles, (url) => (this.hasSiteUrl() ? this.siteUrl(url) : this.url(url)));
  },
};

export default template;
