/** robots.txt: everything may be crawled; the sitemap lists both editions. */
import { singleFile, type SingleFileTemplate } from '../src/site/page-template.ts';

const template: SingleFileTemplate = {
  data: singleFile('/robots.txt'),

  render() {
    return `User-agent: *\nAllow: /\n\nSitemap: ${this.siteUrl('/sitemap.xml')}\n`;
  },
};

export default template;
