/** Each month of meetings in both editions (/2020/02/), the page a bar of the home page's chart leads to, split into pages. */
import { html } from '../src/site/html.ts';
import { paginate, type PaginatedTemplate } from '../src/site/page-template.ts';
import type { MonthPage } from './timeline.page.ts';
import { articleList } from './_includes/partials/article-list.ts';
import { pagerNav } from './_includes/partials/pager.ts';
import { basePage } from './_includes/layouts/base.ts';

const template: PaginatedTemplate<MonthPage> = {
  data: paginate('months', (entry) => entry.url),

  render({ entry }) {
    const { ui, pager } = entry;
    return basePage(this, entry, html`<div class="page-wrap year-page month-page">
  <h1>${entry.heading}</h1>
  <p class="count-line">${ui.format.articles(entry.count)}${pager.pageCount > 1 ? html` · ${ui.format.pageOf(pager.pageNumber, pager.pageCount)}` : ''} · <a href="${entry.year.url}">${entry.year.text}</a></p>
${articleList(entry.articles)}${pagerNav(pager, ui)}
</div>
`);
  },
};

export default template;
