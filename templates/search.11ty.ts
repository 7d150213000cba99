/**
 * The search page of each edition. Query, filters and order are one GET form, so that every
 * search is a URL (/search/?q=核酸&province=湖南&year=2021) a researcher can cite; assets/search.js
 * reads it on load, searches the archive's index (src/site/search/) as the reader types, and keeps
 * the URL in step. The filters list every value the archive has, so that the page does not move
 * when the counts of a query arrive. Without JavaScript the page says that search needs it.
 */
import { html } from '../src/site/html.ts';
import { editionUrl } from '../src/site/editions.ts';
import { paginate, type PaginatedTemplate } from '../src/site/page-template.ts';
import type { SearchPage } from './search.page.ts';
import { QUOTED_CHINESE } from '../src/site/views.ts';
import { basePage } from './_includes/layouts/base.ts';

const template: PaginatedTemplate<SearchPage> = {
  data: paginate('search', (entry) => entry.url),

  render({ entry }) {
    const { ui } = entry;
    // data-* URLs are read by the script, so they carry the path prefix themselves (the HTML
    // base plugin only rewrites href, src and action). Both editions search one index; results
    // link to the pages under data-edition-root.
    return basePage(this, entry, html`<div class="page-wrap search-page">
  <h1>${ui.searchTitle}</h1>
  <form class="search-form" role="search" aria-label="${ui.searchLabel}" action="${entry.url}" method="get"
    data-search
    data-edition="${entry.edition}"
    data-index="${this.url(entry.index)}"
    data-edition-root="${this.url(editionUrl(entry.edition, '/'))}"
    data-msg-loading="${ui.searchLoading}"
    data-msg-empty="${ui.searchNoResults}"
    data-msg-failed="${ui.searchFailed}"
    data-msg-found="${ui.searchFound}"
    data-msg-showing="${ui.searchShowing}"
    data-msg-checking="${ui.searchChecking}"
    data-msg-ignored="${ui.searchIgnored}"
    data-msg-result-loading="${ui.searchResultLoading}"
    data-msg-page-of="${ui.searchPageOf}"
    data-msg-any="${ui.searchAny}"
    data-msg-meeting-date="${ui.meetingDate}"
    data-msg-undated="${ui.undated}"
    data-msg-publisher="${ui.publisher}"
    data-msg-day="${ui.searchDay}"
    data-msg-option-count="${ui.searchOptionCount}"
    data-month-names="${Array.from({ length: 12 }, (_, index) => ui.format.month(index + 1)).join(',')}"
    data-list-separator="${ui.format.listSeparator}"${entry.edition === 'en' ? html`
    data-text-lang="${QUOTED_CHINESE}"` : ''}>
    <label for="q">${ui.searchLabel}</label>
    <div class="search-row">
      <input id="q" name="q" type="search" autocomplete="off" aria-describedby="search-hint">
      <button type="submit">${ui.searchButton}</button>
    </div>
    <p id="search-hint" class="hint">${ui.searchHint}</p>
    <div class="search-layout">
      <details class="search-filters" data-filters>
        <summary>${ui.searchFilters}</summary>
        <div class="filter-fields">
          <div class="filter-field">
            <label for="filter-sort">${ui.searchSort}</label>
            <select id="filter-sort" name="sort">
              <option value="">${ui.sortRelevance}</option>
              <option value="date-desc">${ui.sortNewest}</option>
              <option value="date-asc">${ui.sortOldest}</option>
            </select>
          </div>
${entry.facets.map(
  (facet) => html`          <div class="filter-field">
            <label for="filter-${facet.name}">${facet.label}</label>
            <select id="filter-${facet.name}" name="${facet.name}" data-facet="${facet.name}">
              <option value="">${ui.searchAny}</option>
${facet.options.map((option) => html`              <option value="${option.value}">${option.text}</option>\n`)}            </select>
          </div>
`,
)}          <noscript><button type="submit">${ui.searchApply}</button></noscript>
        </div>
      </details>
      <div class="search-main">
        <noscript><p class="notice" data-no-script>${ui.searchNeedsScript}</p></noscript>
        <p id="search-status" class="search-status" role="status" aria-live="polite"></p>
        <ol id="search-results" class="search-results"></ol>
        <nav class="search-pager" aria-label="${ui.pagination}" data-pager hidden>
          <a href="${entry.url}" rel="prev" data-page-previous>${ui.previousPage}</a>
          <span data-page-of></span>
          <a href="${entry.url}" rel="next" data-page-next>${ui.nextPage}</a>
        </nav>
      </div>
    </div>
  </form>
</div>
<script type="module" src="/assets/search.js"></script>
`);
  },
};

export default template;
