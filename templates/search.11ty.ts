/**
 * The search page of each edition. The form works as a plain GET form; assets/search.js reads
 * ?q= on load and queries the edition's Pagefind index. Without JavaScript the page says so.
 */
import { html } from '../src/site/html.ts';
import { editionUrl } from '../src/site/editions.ts';
import { paginate, type PaginatedTemplate } from '../src/site/page-template.ts';
import type { SearchPage } from '../src/site/pages.ts';
import { basePage } from './_includes/layouts/base.ts';

const template: PaginatedTemplate<SearchPage> = {
  data: paginate('search', (entry) => entry.url),

  render({ entry }) {
    const { ui } = entry;
    const [bundle = '/pagefind/', ...merged] = entry.indexes;
    // data-* URLs are read by the script, so they carry the path prefix themselves (the HTML
    // base plugin only rewrites href, src and action). The edition's search index is split by
    // meeting date: Pagefind is loaded from the first shard and the others are merged into it. Both
    // editions search the one (Simplified) index; results are linked under data-edition-root.
    return basePage(this, entry, html`<div class="page-wrap search-page">
  <h1>${ui.searchTitle}</h1>
  <form class="search-form" role="search" action="${entry.url}" method="get"
    data-search
    data-edition="${entry.edition}"
    data-bundle="${this.url(bundle)}"
    data-indexes="${merged.map((url) => this.url(url)).join(' ')}"
    data-base="${this.url('/')}"
    data-edition-root="${this.url(editionUrl(entry.edition, '/'))}"
    data-script-map="${this.url('/search/script-map.json')}"
    data-msg-loading="${ui.searchLoading}"
    data-msg-empty="${ui.searchNoResults}"
    data-msg-failed="${ui.searchFailed}"
    data-msg-results="${ui.searchResultsFor}"
    data-msg-showing="${ui.searchShowingFirst}"
    data-msg-unit="${ui.articlesUnit}">
    <label for="q">${ui.searchLabel}</label>
    <div class="search-row">
      <input id="q" name="q" type="search" autocomplete="off" aria-describedby="search-hint">
      <button type="submit">${ui.searchButton}</button>
    </div>
    <p id="search-hint" class="hint">${ui.searchHint}</p>
  </form>
  <noscript><p class="notice" data-no-script>${ui.searchNeedsScript}</p></noscript>
  <p id="search-status" class="search-status" role="status" aria-live="polite"></p>
  <ol id="search-results" class="search-results"></ol>
</div>
<script type="module" src="/assets/search.js"></script>
`);
  },
};

export default template;
