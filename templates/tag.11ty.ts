/** Each tag (province, person, place, meeting type) in every edition, its articles split into pages. */
import { html, joined, type Markup } from '../src/site/html.ts';
import { paginate, type PaginatedTemplate } from '../src/site/page-template.ts';
import type { TagPage } from './tag.page.ts';
import { chinese } from '../src/site/views.ts';
import { scriptOf } from '../src/site/editions.ts';
import { interfaceText } from '../src/site/interface-text.ts';
import { articleList } from './_includes/partials/article-list.ts';
import { pagerNav } from './_includes/partials/pager.ts';
import { basePage } from './_includes/layouts/base.ts';

const fact = (term: string, description: Markup | false) =>
  description ? html`    <div><dt>${term}</dt><dd>${description}</dd></div>\n` : '';

const template: PaginatedTemplate<TagPage> = {
  data: paginate('tags', (entry) => entry.url),

  render({ entry }) {
    const { ui, pager, parent, province } = entry;
    const chineseFormat = interfaceText(scriptOf(entry.edition)).format;
    const facts = [
      // Roles and aliases are Chinese, listed as Chinese lists them in every edition.
      fact(ui.roles, entry.roles.length > 0 && chinese(entry.edition, joined(entry.roles, chineseFormat.clauseSeparator))),
      fact(ui.aliases, entry.aliases.length > 0 && chinese(entry.edition, joined(entry.aliases, chineseFormat.listSeparator))),
      fact(ui.province, !!province && html`<a href="${province.url}">${province.text}</a>`),
      fact(ui.parentPlace, !!parent && ('url' in parent ? html`<a href="${parent.url}">${parent.text}</a>` : html`${parent.text}`)),
    ];
    const hasFacts = facts.some((item) => item !== '');

    return basePage(this, entry, html`<div class="page-wrap tag-page">
  <nav class="breadcrumb" aria-label="${ui.navTags}"><a href="${entry.root}tags/">${ui.allTags}</a> › ${entry.kindLabel}</nav>
  <h1><span class="tag-kind">${entry.kindLabel}</span> ${entry.name}${entry.chineseName ? html` ${chinese(entry.edition, entry.chineseName)}` : ''}</h1>
  <p class="count-line">${ui.format.articles(entry.count)}${pager.pageCount > 1 ? html` · ${ui.format.pageOf(pager.pageNumber, pager.pageCount)}` : ''}</p>
${hasFacts ? html`  <dl class="tag-facts">\n${facts}  </dl>\n` : ''}  <h2 class="visually-hidden">${ui.tagArticles}</h2>
${articleList(entry.articles)}
${pagerNav(pager, ui)}
</div>
`);
  },
};

export default template;
