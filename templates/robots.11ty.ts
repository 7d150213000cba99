/** robots.txt: everything may be crawled; the sitemap lists both editions. */
import type { SingleFileTemplate } from '../src/site/page-template.ts';

const template: SingleFileTemplate = {
  data: { permalink: '/robots.txt', eleventyExcludeFromCollections: true },

  render() {
    return `User-agent: *\nAllow: /\n\nSitemap: ${this.siteUrl('/sitemap.xml')}\n`;
  },
};

export default template;
