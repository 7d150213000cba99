/** The not-found page of each edition (a host serves /404.html for missing paths). */
import { html } from '../src/site/html.ts';
import { paginate, type PaginatedTemplate } from '../src/site/page-template.ts';
import type { PageEntry } from '../src/site/views.ts';
import { basePage } from './_includes/layouts/base.ts';

const template: PaginatedTemplate<PageEntry> = {
  data: paginate('notFound', (entry) => entry.url),

  render({ entry }) {
    const { ui } = entry;
    return basePage(this, entry, html`<div class="page-wrap not-found">
  <h1>${ui.notFoundTitle}</h1>
  <p class="lede">${ui.notFoundText}</p>
  <ul>
    <li><a href="${entry.root}">${ui.notFoundBack}</a></li>
    <li><a href="${entry.root}tags/">${ui.allTags}</a></li>
    <li><a href="${entry.root}search/">${ui.navSearch}</a></li>
  </ul>
</div>
`);
  },
};

export default template;
