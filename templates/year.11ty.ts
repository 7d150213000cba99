/** Each year of meetings in every edition, month by month, split into pages. */
import { html } from '../src/site/html.ts';
import { paginate, type PaginatedTemplate } from '../src/site/page-template.ts';
import type { YearPage } from './timeline.page.ts';
import { articleList } from './_includes/partials/article-list.ts';
import { pagerNav } from './_includes/partials/pager.ts';
import { basePage } from './_includes/layouts/base.ts';

const template: PaginatedTemplate<YearPage> = {
  data: paginate('years', (entry) => entry.url),

  render({ entry }) {
    const { ui, pager } = entry;
    return basePage(this, entry, html`<div class="page-wrap year-page">
  <nav class="year-nav" aria-label="${ui.years}">
    <ul>${entry.years.map((y) => html`<li>${y.current ? html`<span aria-current="page">${y.text}</span>` : html`<a href="${y.url}">${y.text}</a>`}</li>`)}${
      entry.undated ? html`<li><a href="${entry.undated.url}">${entry.undated.text}</a></li>` : ''
    }</ul>
  </nav>
  <h1>${ui.format.yearArchive(entry.year)}</h1>
  <p class="count-line">${ui.format.articles(entry.count)}${pager.pageCount > 1 ? html` · ${ui.format.pageOf(pager.pageNumber, pager.pageCount)}` : ''}</p>
${entry.months.map(
  (month) => html`  <section class="month" aria-labelledby="${month.anchor}">
    <h2 id="${month.anchor}"><a href="${month.url}">${month.label}</a> <span class="count">${ui.format.articles(month.count)}</span></h2>
${articleList(month.articles)}
  </section>
`,
)}${pagerNav(pager, ui)}
</div>
`);
  },
};

export default template;
