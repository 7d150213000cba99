/** Links between the pages of a long list (tag and year pages); nothing when there is one page. */
import { html, type Markup } from '../../../src/site/html.ts';
import type { InterfaceText } from '../../../src/site/interface-text.ts';
import type { Pager } from '../../../src/site/views.ts';

export function pagerNav(pager: Pager, ui: InterfaceText): Markup | '' {
  if (pager.pageCount <= 1) return '';
  return html`<nav class="pager" aria-label="${ui.pagination}">
  <ul>
${pager.previousUrl ? html`    <li><a href="${pager.previousUrl}" rel="prev">${ui.previousPage}</a></li>\n` : ''}${pager.pages.map((page) =>
    'gap' in page
      ? html`    <li class="gap" aria-hidden="true">…</li>\n`
      : html`    <li>${page.current ? html`<span aria-current="page">${page.number}</span>` : html`<a href="${page.url}">${page.number}</a>`}</li>\n`,
  )}${pager.nextUrl ? html`    <li><a href="${pager.nextUrl}" rel="next">${ui.nextPage}</a></li>\n` : ''}  </ul>
</nav>`;
}
