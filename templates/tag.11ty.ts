/** Each tag (province, person, place, meeting type) in every edition, its articles split into pages. */
import { html, joined, type Markup } from '../src/site/html.ts';
import type { InterfaceText } from '../src/site/interface-text.ts';
import { paginate, type PaginatedTemplate } from '../src/site/page-template.ts';
import type { ListedSummary, PathLevel, RoleSourceView, TagPage, TimelineRole } from './tag.page.ts';
import { chinese, chineseLang } from '../src/site/views.ts';
import { scriptOf, type Edition } from '../src/site/editions.ts';
import { interfaceText } from '../src/site/interface-text.ts';
import { articleList } from './_includes/partials/article-list.ts';
import { pagerNav } from './_includes/partials/pager.ts';
import { basePage } from './_includes/layouts/base.ts';

const fact = (term: string, description: Markup | false) =>
  description ? html`    <div><dt>${term}</dt><dd>${description}</dd></div>\n` : '';

const level = (item: PathLevel) => ('url' in item ? html`<a href="${item.url}">${item.text}</a>` : html`${item.text}`);

/** Province › prefecture › county, the last being this page's place. */
function placePath(path: readonly PathLevel[], ui: InterfaceText): Markup | '' {
  if (path.length < 2) return '';
  return html`  <nav class="place-path" aria-label="${ui.placePath}">
    <ol>
${path.map((item, index) => (index === path.length - 1 ? html`      <li><span aria-current="page">${item.text}</span></li>\n` : html`      <li>${level(item)}</li>\n`))}    </ol>
  </nav>
`;
}

/** An aside that holds markup, after what it qualifies: 人民日报（原始抓取文件）, Hunan Daily (raw capture). */
const asideOf = (ui: InterfaceText, content: Markup | string) => html`${ui.format.asideSpace}${ui.format.parentheses[0]}${content}${ui.format.parentheses[1]}`;

function source(item: RoleSourceView, edition: Edition): Markup {
  const ui = interfaceText(edition);
  const { format } = ui;
  if ('record' in item) {
    const checked = item.checked
      ? asideOf(ui, html`${format.labelled(ui.roleChecked, '')}${item.checkedLanguage ? html`<span lang="${item.checkedLanguage}">${item.checked}</span>` : chinese(edition, item.checked)}`)
      : '';
    return html`<li>${format.labelled(ui.roleRecord, '')}${chinese(edition, item.record)}${checked}</li>`;
  }
  const where = item.article
    ? html`<a href="${item.article.url}"${chineseLang(edition)}>${item.article.text}</a>${item.raw ? asideOf(ui, html`<a href="${item.raw.url}">${ui.rawFile}</a>`) : ''}`
    : item.raw
      ? html`<a href="${item.raw.url}">${ui.rawFile} ${item.raw.text}</a>`
      : html`${ui.rawFile} <span translate="no">${item.file}</span>`;
  // The words are quoted as the capture prints them, in its script, in every edition.
  const words = html`<q translate="no"${edition === 'en' ? html` lang="${item.wordsLang ?? 'zh'}"` : ''}>${item.words}</q>`;
  return html`<li>${format.labelled(ui.roleFromCapture, '')}${words}${format.aside(format.labelled(ui.roleCaptureDay, item.day))}${format.dash}${where}</li>`;
}

function timeline(roles: readonly TimelineRole[], edition: Edition): Markup | '' {
  if (roles.length === 0) return '';
  const ui = interfaceText(edition);
  return html`  <section class="role-timeline" aria-labelledby="role-timeline">
    <h2 id="role-timeline">${ui.roleTimeline}</h2>
    <p class="section-note">${ui.roleTimelineIntro}</p>
    <ol class="roles">
${roles.map(
  (role) => html`      <li class="role">
        <h3 class="role-title"${chineseLang(edition)}>${role.title}</h3>
        <p class="role-period">${role.period}</p>
        <ul class="role-sources">
${role.sources.map((item) => html`          ${source(item, edition)}\n`)}        </ul>
      </li>
`,
)}    </ol>
  </section>
`;
}

const withinLine = (ui: InterfaceText) => (item: ListedSummary) =>
  item.within.length > 0 ? html`    <span class="article-item-within">${ui.format.labelled(ui.placeWithin, '')}${joined(item.within.map(level), ui.format.listSeparator)}</span>\n` : '';

const template: PaginatedTemplate<TagPage> = {
  data: paginate('tags', (entry) => entry.url),

  render({ entry }) {
    const { ui, pager, province, edition } = entry;
    const chineseFormat = interfaceText(scriptOf(edition)).format;
    const facts = [
      // Aliases are Chinese, listed as Chinese lists them in every edition.
      fact(ui.aliases, entry.aliases.length > 0 && chinese(edition, joined(entry.aliases, chineseFormat.listSeparator))),
      fact(ui.province, !!province && html`<a href="${province.url}">${province.text}</a>`),
    ];
    const hasFacts = facts.some((item) => item !== '');
    const countWithin = entry.countWithin > 0 ? html` · ${ui.format.onlyWithin(entry.countWithin)}` : '';
    const articles =
      entry.roleGroups.length > 0
        ? html`  <h2>${ui.meetingsByRole}</h2>
${entry.roleGroups.map(
  (group) => html`  <section class="role-group">
    <h3>${group.title ? chinese(edition, group.title) : ui.meetingsRoleUncertain}${group.period ? html` <span class="role-group-period">${group.period}</span>` : ''}</h3>
${group.title ? '' : html`    <p class="section-note">${ui.meetingsRoleUncertainNote}</p>\n`}${articleList(group.articles)}
  </section>
`,
)}`
        : html`  <h2 class="visually-hidden">${ui.tagArticles}</h2>
${articleList(entry.articles, withinLine(ui))}
`;

    return basePage(this, entry, html`<div class="page-wrap tag-page">
  <nav class="breadcrumb" aria-label="${ui.navTags}"><a href="${entry.root}tags/">${ui.allTags}</a> › ${entry.kindLabel}</nav>
  <h1><span class="tag-kind">${entry.kindLabel}</span> ${entry.name}${entry.chineseName ? html` ${chinese(edition, entry.chineseName)}` : ''}</h1>
${placePath(entry.placePath, ui)}  <p class="count-line">${ui.format.articles(entry.count)}${countWithin}${pager.pageCount > 1 ? html` · ${ui.format.pageOf(pager.pageNumber, pager.pageCount)}` : ''}</p>
${hasFacts ? html`  <dl class="tag-facts">\n${facts}  </dl>\n` : ''}${this.hasSiteUrl() && entry.feeds ? entry.feeds.map((feed) => html`  <p class="feed-links">${ui.provinceFeed}<a href="${feed.atomUrl}" type="application/atom+xml">${ui.atomFeed}</a> · <a href="${feed.jsonUrl}" type="application/feed+json">${ui.jsonFeed}</a></p>\n`) : ''}${timeline(entry.timeline, edition)}${articles}${pagerNav(pager, ui)}
</div>
`);
  },
};

export default template;
