/** A list of articles (timeline months, year and tag pages): date, title, province and meeting types. */
import { html, type Markup } from '../../../src/site/html.ts';
import type { ArticleSummary } from '../../../src/site/views.ts';

/** `more` adds a line of its own to an item (a prefecture's page says which county an article is from). */
export function articleList<Item extends ArticleSummary>(articles: readonly Item[], more?: (item: Item) => Markup | ''): Markup {
  return html`<ol class="article-list">
${articles.map(
  (item) => html`  <li class="article-item">
    ${item.date ? html`<time class="article-item-date" datetime="${item.date}">${item.dateLabel}</time>` : html`<span class="article-item-date undated">${item.dateLabel}</span>`}
    <a class="article-item-title" href="${item.url}"${item.titleLang ? html` lang="${item.titleLang}"` : ''}>${item.title}</a>
    <span class="article-item-meta">${item.province}${item.meetingTypes.map((type) => html` · ${type}`)}</span>
${more ? more(item) : ''}  </li>
`,
)}</ol>`;
}
