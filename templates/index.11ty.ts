/** The home page of each edition: the chart of meetings per month, the timeline by year and month, the most used tags, downloads. */
import { html, raw } from '../src/site/html.ts';
import { feedRoot } from '../src/site/editions.ts';
import { paginate, type PaginatedTemplate } from '../src/site/page-template.ts';
import type { HomePage } from './timeline.page.ts';
import { articleList } from './_includes/partials/article-list.ts';
import { basePage } from './_includes/layouts/base.ts';

const template: PaginatedTemplate<HomePage> = {
  data: paginate('home', (entry) => entry.url),

  render({ entry }) {
    const { ui } = entry;
    const range = entry.firstDateLabel ? html`${ui.collectedRange}${entry.firstDateLabel}${ui.rangeTo}${entry.lastDateLabel}` : '';
    const timeline = entry.timeline.map(
      (year) => html`      <section class="timeline-year" aria-labelledby="y${year.year}">
        <h3 id="y${year.year}" class="timeline-year-title"><a href="${year.url}">${ui.format.year(year.year)}</a> <span class="count">${ui.format.articles(year.count)}</span></h3>
${year.months.map(
  (month) => html`        <div class="timeline-month">
          <h4 class="timeline-month-title"><a href="${month.url}">${month.label}</a> <span class="count">${ui.format.articles(month.count)}</span></h4>
${articleList(month.articles)}
${month.more ? html`          <p class="more"><a href="${month.moreUrl}#${month.anchor}">${ui.moreInYear}${ui.format.aside(`+${month.more}`)}</a></p>\n` : ''}        </div>
`,
)}      </section>
`,
    );
    const tagGroups = entry.tagKinds.map(
      (group) => html`      <section class="tag-group">
        <h3>${group.label} <span class="count">${group.total}</span></h3>
        <ul class="tag-cloud">
          ${group.tags.map((tag) => html`<li><a href="${tag.url}">${tag.text}<span class="count">${tag.count}</span></a></li>`)}
        </ul>
      </section>
`,
    );

    return basePage(this, entry, html`<div class="page-wrap home">
  <section class="intro" aria-labelledby="intro-title">
    <h1 id="intro-title">${ui.siteName}</h1>
    <p class="tagline">${ui.siteTagline}</p>
    <p class="lede">${ui.homeIntro}</p>
    <p class="stats">${ui.collectedPrefix} <strong>${entry.articleCount}</strong> ${ui.format.articlesUnit(entry.articleCount)}${range}${ui.fullStop}</p>
  </section>

  <div class="home-columns">
    <section class="timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">${ui.timeline}</h2>
      <p class="section-note">${ui.timelineNote}</p>
${entry.chart ? html`      <figure class="timeline-chart-figure">
        <div class="timeline-chart-frame">${raw(entry.chart.svg)}</div>
        <details class="timeline-table-details">
          <summary>${ui.chartTableToggle}</summary>
          <div class="table-scroll">${raw(entry.chart.table)}</div>
        </details>
      </figure>
` : ''}${timeline}${entry.undated ? html`      <p class="more undated-link"><a href="${entry.undated.url}">${entry.undated.text}</a> <span class="count">${ui.format.articles(entry.undated.count)}</span></p>
` : ''}    </section>

    <aside class="home-aside" aria-labelledby="tags-title">
      <h2 id="tags-title">${ui.browseTags}</h2>
${tagGroups}      <p class="more"><a href="${entry.root}tags/">${ui.allTags}</a></p>
      <section class="downloads" aria-labelledby="downloads-title">
        <h2 id="downloads-title">${ui.download}</h2>
        <ul>
          <li><a href="/archive.json">${ui.downloadArchive}</a></li>
          <li><a href="/archive.csv">${ui.downloadCsv}</a></li>
${this.hasSiteUrl() ? html`          <li><a href="${feedRoot(entry.edition)}feed.xml">${ui.atomFeed}</a></li>\n          <li><a href="${feedRoot(entry.edition)}feed.json">${ui.jsonFeed}</a></li>\n` : ''}        </ul>
      </section>
    </aside>
  </div>
</div>
`);
  },
};

export default template;
