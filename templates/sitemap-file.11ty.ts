/** One sitemap file: its pages in every edition, each listing its alternates (x-default: Simplified). */
import { html } from '../src/site/html.ts';
import { wellFormedXml } from '../src/site/xml.ts';
import { paginate, type PaginatedTemplate } from '../src/site/page-template.ts';
import { EDITIONS } from '../src/site/editions.ts';
import type { SitemapFile } from './sitemap.page.ts';

const template: PaginatedTemplate<SitemapFile> = {
  data: paginate('sitemaps', (entry) => entry.url),

  render({ entry }) {
    const urls = entry.entries.map((page) => {
      const alternates = html`${EDITIONS.map((edition) => html`    <xhtml:link rel="alternate" hreflang="${edition}" href="${this.siteUrl(page.alternates[edition])}"/>
`)}    <xhtml:link rel="alternate" hreflang="x-default" href="${this.siteUrl(page.alternates['zh-Hans'])}"/>
`;
      return EDITIONS.map((edition) => html`  <url>
    <loc>${this.siteUrl(page.alternates[edition])}</loc>
${alternates}  </url>
`);
    });
    return wellFormedXml(html`<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls}</urlset>
`.toString());
  },
};

export default template;
