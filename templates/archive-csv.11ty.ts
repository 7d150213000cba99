/** /archive.csv: the whole archive as a spreadsheet, one row per article (src/site/research/archive-csv.ts). */
import { paginate, type PaginatedTemplate } from '../src/site/page-template.ts';
import { archiveCsv } from '../src/site/research/archive-csv.ts';
import type { ArchiveCsvDownload } from './archive-csv.page.ts';

const template: PaginatedTemplate<ArchiveCsvDownload> = {
  data: paginate('archiveCsv', (entry) => entry.url),

  render({ entry }) {
    // As in archive.json: without a site URL, the URLs are the site's own, root-relative with the path prefix.
    return archiveCsv(entry.rows.map((row) => ({ frontMatter: row.frontMatter, url: this.hasSiteUrl() ? this.siteUrl(row.url) : this.url(row.url) })));
  },
};

export default template;
