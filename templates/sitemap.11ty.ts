/** Every page of both editions, each listing its two alternates (x-default: Simplified). */
import { html } from '../src/site/html.ts';
import { singleFile, type SingleFileTemplate } from '../src/site/page-template.ts';
import { EDITIONS } from '../src/site/editions.ts';

const template: SingleFileTemplate = {
  data: singleFile('/sitemap.xml'),

  render({ archive }) {
    const urls = archive.pages.sitemap.map((page) => {
      const alternates = html`    <xhtml:link rel="alternate" hreflang="zh-Hans" href="${this.siteUrl(page.alternates['zh-Hans'])}"/>
    <xhtml:link rel="alternate" hreflang="zh-Hant" href="${this.siteUrl(page.alternates['zh-Hant'])}"/>
    <xhtml:link rel="alternate" hreflang="x-default" href="${this.siteUrl(page.alternates['zh-Hans'])}"/>
`;
      return EDITIONS.map((edition) => html`  <url>
    <loc>${this.siteUrl(page.alternates[edition])}</loc>
${alternates}  </url>
`);
    });
    return html`<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls}</urlset>
`.toString();
  },
};

export default template;
