/** The sitemap index: the sitemap files (templates/sitemap-file.11ty.ts), which list every page of every edition. */
import { html } from '../src/site/html.ts';
import { wellFormedXml } from '../src/site/xml.ts';
import { paginate, type PaginatedTemplate } from '../src/site/page-template.ts';
import type { SitemapIndex } from './sitemap.page.ts';

const template: PaginatedTemplate<SitemapIndex> = {
  data: paginate('sitemapIndex', (entry) => entry.url),

  render({ entry }) {
    return wellFormedXml(html`<?xml version="1.0" encoding="utf-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entry.files.map((url) => html`  <sitemap><loc>${this.siteUrl(url)}</loc></sitemap>\n`)}</sitemapindex>
`.toString());
  },
};

export default template;
