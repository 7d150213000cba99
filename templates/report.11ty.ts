/** The audit report of each article, in every edition: its captures, character tallies and every entry. */
import { html, Markup } from '../src/site/html.ts';
import { paginate, type PaginatedTemplate } from '../src/site/page-template.ts';
import { thousands } from '../src/site/format.ts';
import type { ReportPage, ReportRow } from './report.page.ts';
import { basePage } from './_includes/layouts/base.ts';
import { chinese, chineseLang } from '../src/site/views.ts';

/** What an entry changed: before → after, or the text it removed or moved (verbatim, as captured). */
const change = (row: ReportRow) =>
  row.before || row.after ? html`<del>${row.before}</del> → <ins>${row.after}</ins>` : html`${row.text}`;

/** What is known of an entry's rule, one fact a line. */
const joinedLines = (lines: (Markup | '' | undefined)[]) => lines.filter((line): line is Markup => line instanceof Markup).map((line, index) => (index ? html`<br>${line}` : line));

const template: PaginatedTemplate<ReportPage> = {
  data: paginate('reports', (entry) => entry.url),

  render({ entry }) {
    const { ui } = entry;
    const captures = entry.captures.map(
      (c) => html`      <tr><td><span translate="no">${c.url ? html`<a href="${c.url}">${c.raw}</a>` : c.raw}</span>${c.utf8CopyUrl ? html`<br><a href="${c.utf8CopyUrl}">${ui.utf8Copy}</a>` : ''}</td><td>${c.encoding}</td><td>${c.shape}</td><td class="num">${c.bytes ? thousands(c.bytes) : ''}</td><td><code class="hash" translate="no">${c.sha256}</code></td></tr>\n`,
    );
    const characters = entry.characters.length
      ? html`  <h2>${ui.reportCharacters}</h2>
  <dl class="stat-list">
    ${entry.characters.map((c) => html`<div><dt>${c.key}</dt><dd>${thousands(c.count)}</dd></div>`)}
  </dl>

`
      : '';
    const entries = entry.rows.length
      ? html`  <div class="table-scroll" tabindex="0" role="region" aria-label="${ui.reportEntries}">
  <table class="report-entries">
    <thead><tr><th scope="col">${ui.reportStep}</th><th scope="col">${ui.reportRule}</th><th scope="col">${ui.reportAction}</th><th scope="col">${ui.reportText}</th></tr></thead>
    <tbody>
${entry.rows.map(
  (r) => html`      <tr>
        <td>${r.step}</td>
        <td>${joinedLines([
          r.label && chinese(entry.edition, r.label),
          r.field && html`${ui.format.labelled(ui.reportMovedTo, r.field)}`,
          r.rule && html`<span class="muted">${ui.reportRuleCode} <code class="rule" translate="no">${r.rule}</code></span>`,
          r.capture && html`<span class="muted" translate="no">${r.capture}</span>`,
        ])}</td>
        <td>${r.action}${r.count ? html` ×${r.count}` : ''}</td>
        <td class="verbatim" translate="no"${chineseLang(entry.edition)}>${change(r)}</td>
      </tr>
`,
)}    </tbody>
  </table>
  </div>
`
      : html`  <p>${ui.reportNoEntries}</p>\n`;

    return basePage(this, entry, html`<div class="page-wrap report">
  <nav class="breadcrumb" aria-label="${ui.reportBackToArticle}"><a href="${entry.articleUrl}">← ${chinese(entry.edition, entry.articleTitle)}</a></nav>
  <h1>${ui.reportTitle}</h1>
  <p class="lede">${ui.reportIntro}</p>

  <h2>${ui.reportCaptures}</h2>
  <div class="table-scroll" tabindex="0" role="region" aria-label="${ui.reportCaptures}">
  <table>
    <thead><tr><th scope="col">${ui.rawFile}</th><th scope="col">${ui.encoding}</th><th scope="col">${ui.reportShape}</th><th scope="col">${ui.bytes}</th><th scope="col">${ui.sha256}</th></tr></thead>
    <tbody>
${captures}    </tbody>
  </table>
  </div>

${characters}  <h2>${ui.reportEntries}</h2>
${entries}</div>
`);
  },
};

export default template;
