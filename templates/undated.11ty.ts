/** The articles whose dates could not be read (日期不详), in every edition, split into pages. */
import { html } from '../src/site/html.ts';
import { paginate, type PaginatedTemplate } from '../src/site/page-template.ts';
import type { UndatedPage } from './timeline.page.ts';
import { articleList } from './_includes/partials/article-list.ts';
import { pagerNav } from './_includes/partials/pager.ts';
import { basePage } from './_includes/layouts/base.ts';

const template: PaginatedTemplate<UndatedPage> = {
  data: paginate('undated', (entry) => entry.url),

  render({ entry }) {
    const { ui, pager } = entry;
    return basePage(this, entry, html`<div class="page-wrap year-page undated-page">
  <h1>${ui.undatedTitle}</h1>
  <p class="count-line">${ui.format.articles(entry.count)}${pager.pageCount > 1 ? html` · ${ui.format.pageOf(pager.pageNumber, pager.pageCount)}` : ''}</p>
  <p class="section-note">${ui.undatedIntro}</p>
${articleList(entry.articles)}${pagerNav(pager, ui)}
</div>
`);
  },
};

export default template;
