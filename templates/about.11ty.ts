/** About the archive (templates/_includes/about.md, rendered like an article body) and its downloads. */
import { html, raw } from '../src/site/html.ts';
import { feedRoot } from '../src/site/editions.ts';
import { paginate, type PaginatedTemplate } from '../src/site/page-template.ts';
import type { AboutPage } from './about.page.ts';
import { basePage } from './_includes/layouts/base.ts';

const template: PaginatedTemplate<AboutPage> = {
  data: paginate('about', (entry) => entry.url),

  render({ entry }) {
    const { ui } = entry;
    return basePage(this, entry, html`<div class="page-wrap prose about">
  <h1>${ui.aboutTitle}</h1>
${raw(entry.bodyHtml)}
  <h2>${ui.download}</h2>
  <ul>
    <li><a href="/archive.json">${ui.downloadArchive}</a></li>
${this.hasSiteUrl() ? html`    <li><a href="${feedRoot(entry.edition)}feed.xml">${ui.atomFeed}</a> · <a href="${feedRoot(entry.edition)}feed.json">${ui.jsonFeed}</a></li>\n` : ''}  </ul>
</div>
`);
  },
};

export default template;
