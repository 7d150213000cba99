// @ts-check
/**
 * The search page: reads the query, filters, order and page from the URL, searches the archive's
 * index (engine.js) as the reader types, and keeps the URL in step, so that a result list
 * can be cited. Both editions search one index of the Simplified text; on the Traditional edition
 * results link to the Traditional pages and show the build's Traditional titles and excerpts.
 *
 * Results are listed a page at a time; an article's title, publisher and excerpt come from its
 * segment's result pack of the edition being read, fetched when its result is on screen. Each result keeps the same height before and
 * after (titles and excerpts are clamped), so nothing moves as they arrive.
 */
import { dateOfId, excerpt, facetCounts, FACETS, filterMatches, markedParts, matchRanges, PAGE_SIZE, SearchEngine, sortMatches, tagsOfId } from './engine.js';

const form = document.querySelector('form[data-search]');
if (form instanceof HTMLFormElement) startSearchPage(form);

/** @param {string} template @param {Record<string, string | number>} values */
function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/**
 * A day as the page's edition writes it (data-msg-day, with the names of the months in
 * data-month-names).
 * @param {DOMStringMap} settings @param {string} date YYYY-MM-DD
 */
function dayLabel(settings, date) {
  const month = Number(date.slice(5, 7));
  const monthName = (settings.monthNames ?? '').split(',')[month - 1] ?? String(month);
  return fill(settings.msgDay ?? '{year}-{month}-{day}', { year: Number(date.slice(0, 4)), month, monthName, day: Number(date.slice(8, 10)) });
}

/**
 * @template {keyof HTMLElementTagNameMap} Tag
 * @param {Tag} tag
 * @param {string} className
 * @param {(Node | string)[]} [children]
 */
function element(tag, className, children = []) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

/** @param {import('./engine.js').ExcerptPart[]} parts */
function partNodes(parts) {
  return parts.map((part) => (part.marked ? element('mark', '', [part.text]) : document.createTextNode(part.text)));
}

/** @param {HTMLFormElement} form */
function startSearchPage(form) {
  const settings = form.dataset;
  const traditional = settings.edition === 'zh-Hant';
  const script = traditional ? 1 : 0;
  // The language of the archive's Chinese text where it is not the page's (the English edition).
  const textLang = settings.textLang;
  /** @param {HTMLElement} node */
  const quoted = (node) => {
    if (textLang) node.lang = textLang;
    return node;
  };
  const input = /** @type {HTMLInputElement} */ (form.querySelector('#q'));
  const status = /** @type {HTMLElement} */ (document.getElementById('search-status'));
  const list = /** @type {HTMLOListElement} */ (document.getElementById('search-results'));
  const pager = /** @type {HTMLElement} */ (form.querySelector('[data-pager]'));
  const previous = /** @type {HTMLAnchorElement} */ (pager.querySelector('[data-page-previous]'));
  const next = /** @type {HTMLAnchorElement} */ (pager.querySelector('[data-page-next]'));
  const pageOf = /** @type {HTMLElement} */ (pager.querySelector('[data-page-of]'));
  const sortSelect = /** @type {HTMLSelectElement} */ (form.querySelector('#filter-sort'));
  const filters = /** @type {HTMLDetailsElement} */ (form.querySelector('[data-filters]'));
  /** @type {Map<string, HTMLSelectElement>} */
  const facetSelects = new Map();
  for (const select of form.querySelectorAll('select[data-facet]')) {
    if (select instanceof HTMLSelectElement && select.dataset.facet) facetSelects.set(select.dataset.facet, select);
  }
  // Each option's own text, before counts are added to it.
  /** @type {Map<HTMLOptionElement, string>} */
  const optionTexts = new Map();
  for (const select of facetSelects.values()) for (const option of select.options) optionTexts.set(option, option.text);
  // Each tag's name as this edition's filters print it (the English edition's are not the catalog's).
  /** @type {Map<string, string>} */
  const tagTexts = new Map();
  for (const [facet, select] of facetSelects) for (const option of select.options) if (option.value) tagTexts.set(`${facet}/${option.value}`, option.text);

  // A wide screen has room for the filters beside the results; a phone opens them on demand.
  if (window.matchMedia('(min-width: 60rem)').matches) filters.open = true;

  const indexUrl = new URL(settings.index ?? '/search/data/', location.href);
  const editionRoot = settings.editionRoot ?? '/';
  const engine = new SearchEngine(async (path) => {
    const response = await fetch(new URL(path, indexUrl));
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }, traditional ? 'zh-Hant' : 'zh-Hans');

  /** The search the URL describes. */
  const fromUrl = () => {
    const params = new URLSearchParams(location.search);
    /** @type {import('./engine.js').Filters} */
    const chosen = {};
    for (const facet of FACETS) {
      const value = params.get(facet)?.trim();
      if (value) chosen[facet] = value;
    }
    const sort = params.get('sort');
    return {
      query: params.get('q')?.trim() ?? '',
      filters: chosen,
      sort: /** @type {import('./engine.js').SortOrder} */ (sort === 'date-desc' || sort === 'date-asc' ? sort : 'relevance'),
      page: Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1),
    };
  };

  /** @param {ReturnType<typeof fromUrl>} search */
  const urlOf = (search) => {
    const url = new URL(location.href);
    url.search = '';
    if (search.query) url.searchParams.set('q', search.query);
    for (const facet of FACETS) if (search.filters[facet]) url.searchParams.set(facet, search.filters[facet] ?? '');
    if (search.sort !== 'relevance') url.searchParams.set('sort', search.sort);
    if (search.page > 1) url.searchParams.set('page', String(search.page));
    return url;
  };

  /** The form's fields as a search (page 1). */
  const fromForm = () => {
    /** @type {import('./engine.js').Filters} */
    const chosen = {};
    for (const [facet, select] of facetSelects) if (select.value) chosen[/** @type {keyof import('./engine.js').Filters} */ (facet)] = select.value;
    const sort = sortSelect.value;
    return { query: input.value.trim(), filters: chosen, sort: /** @type {import('./engine.js').SortOrder} */ (sort === 'date-desc' || sort === 'date-asc' ? sort : 'relevance'), page: 1 };
  };

  /** @param {ReturnType<typeof fromUrl>} search */
  const showInForm = (search) => {
    input.value = search.query;
    sortSelect.value = search.sort === 'relevance' ? '' : search.sort;
    for (const [facet, select] of facetSelects) {
      const value = search.filters[/** @type {keyof import('./engine.js').Filters} */ (facet)] ?? '';
      // A value given in the other script selects the same option.
      const option = [...select.options].find((candidate) => candidate.value === value || optionTexts.get(candidate) === value);
      select.value = option ? option.value : '';
    }
  };

  const updateSwitch = () => {
    for (const link of document.querySelectorAll('[data-edition-switch]')) {
      if (!(link instanceof HTMLAnchorElement)) continue;
      const url = new URL(link.href, location.href);
      url.search = location.search;
      link.href = url.pathname + url.search;
    }
  };

  /** @param {number} page */
  const pageHref = (page) => {
    const url = new URL(location.href);
    if (page > 1) url.searchParams.set('page', String(page));
    else url.searchParams.delete('page');
    return url.pathname + url.search;
  };

  // Results fill in as they come on screen: each needs its article's file.
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        const fillIn = fillers.get(entry.target);
        if (fillIn) void fillIn();
      }
    },
    // Only what is on screen: a first search loads the files of the results a reader sees.
    { rootMargin: '0px' },
  );
  /** @type {WeakMap<Element, () => Promise<void>>} */
  let fillers = new WeakMap();

  /**
   * @param {import('./engine.js').Catalog} catalog
   * @param {import('./engine.js').QueryPlan} plan
   * @param {number} id
   */
  const resultItem = (catalog, plan, id) => {
    const date = dateOfId(catalog, id);
    const tags = tagsOfId(catalog, id).map((index) => catalog.tags[index]).filter((tag) => tag !== undefined);
    const nameOf = (/** @type {import('./engine.js').CatalogTag} */ tag) => tagTexts.get(`${tag.kind}/${tag.name}`) ?? (traditional ? tag.nameHant : tag.name);
    const province = tags.filter((tag) => tag.kind === 'province').map(nameOf);
    const types = tags.filter((tag) => tag.kind === 'meeting-type').map(nameOf);
    const title = element('h2', 'result-title', [settings.msgResultLoading ?? '']);
    const publisher = element('span', 'result-publisher');
    const meta = element('p', 'result-meta', [
      element('span', '', [`${settings.msgMeetingDate ?? ''} `, date ? element('time', '', [dayLabel(settings, date)]) : (settings.msgUndated ?? '')]),
      ...[...province, ...(types.length ? [types.join(settings.listSeparator ?? '、')] : [])].flatMap((text) => [' · ', element('span', '', [text])]),
      publisher,
    ]);
    if (date) meta.querySelector('time')?.setAttribute('datetime', date);
    const text = quoted(element('p', 'excerpt'));
    const item = element('li', 'result', [title, meta, text]);
    fillers.set(item, async () => {
      try {
        const doc = await engine.doc(id);
        const link = element('a', '', partNodes(doc.aligned || !traditional ? markedParts(doc.title[script], matchRanges(doc.title[0], plan), 0, doc.title[script].length) : [{ text: doc.title[script], marked: false }]));
        link.href = `${editionRoot}${doc.url.slice(1)}`;
        title.replaceChildren(quoted(link));
        if (doc.publisher) publisher.replaceChildren(` · ${settings.msgPublisher ?? ''} `, quoted(element('span', '', [doc.publisher[script]])));
        const body = doc.body[0];
        const shown = doc.body[script];
        const parts = excerpt(body, shown, !traditional || doc.aligned, plan);
        // A term found only in the deck: the excerpt is the deck's.
        if (!parts.some((part) => part.marked) && doc.deck) {
          const deckParts = markedParts(doc.deck[script], !traditional || doc.aligned ? matchRanges(doc.deck[0], plan) : [], 0, doc.deck[script].length);
          if (deckParts.some((part) => part.marked)) return void text.replaceChildren(...partNodes(deckParts));
        }
        text.replaceChildren(...partNodes(parts));
      } catch (error) {
        console.error(error);
        title.replaceChildren(settings.msgFailed ?? '');
      }
    });
    observer.observe(item);
    return item;
  };

  let run = 0;
  /** @type {{ query: string, state: import('./engine.js').SearchState } | undefined} */
  let lastSearch;

  /**
   * @param {import('./engine.js').Catalog} catalog
   * @param {import('./engine.js').SearchState} state
   * @param {ReturnType<typeof fromUrl>} search
   */
  const render = (catalog, state, search) => {
    const checking = state.verified < state.candidates.length;
    const passing = filterMatches(catalog, state.matches, search.filters);
    const ordered = sortMatches(passing, search.sort, catalog);
    const pages = Math.max(1, Math.ceil(ordered.length / PAGE_SIZE));
    const page = Math.min(search.page, pages);
    const shown = ordered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

    const ignored = state.plan.ignored.length ? fill(settings.msgIgnored ?? '', { terms: state.plan.ignored.join(' ') }) : '';
    if (checking) {
      status.textContent = fill(settings.msgChecking ?? '', { checked: state.verified, candidates: state.candidates.length, count: passing.length }) + ignored;
    } else if (!ordered.length) {
      status.textContent = (settings.msgEmpty ?? '') + ignored;
    } else {
      const showing = pages > 1 ? fill(settings.msgShowing ?? '', { from: (page - 1) * PAGE_SIZE + 1, to: (page - 1) * PAGE_SIZE + shown.length }) : '';
      status.textContent = fill(settings.msgFound ?? '', { count: ordered.length }) + showing + ignored;
    }

    const current = [...list.children].map((item) => /** @type {HTMLElement} */ (item).dataset.id).join(',');
    if (current !== shown.map((match) => String(match.id)).join(',')) {
      observer.disconnect();
      fillers = new WeakMap();
      list.replaceChildren(
        ...shown.map((match) => {
          const item = resultItem(catalog, state.plan, match.id);
          item.dataset.id = String(match.id);
          return item;
        }),
      );
      // The results on screen now are filled in at once (their packs are fetched before the
      // facets are counted); the observer fills in the others as they come on screen.
      for (const item of list.children) {
        const box = item.getBoundingClientRect();
        const fillIn = fillers.get(item);
        if (box.top < window.innerHeight && box.bottom > 0 && fillIn) {
          observer.unobserve(item);
          fillers.delete(item);
          void fillIn();
        }
      }
    }

    pager.hidden = pages <= 1;
    pageOf.textContent = fill(settings.msgPageOf ?? '', { page, pages });
    previous.hidden = page <= 1;
    next.hidden = page >= pages;
    previous.href = pageHref(page - 1);
    next.href = pageHref(page + 1);

    if (!checking) {
      const counts = facetCounts(catalog, state.matches, search.filters);
      for (const [facet, select] of facetSelects) {
        const found = new Map((counts[facet] ?? []).map((value) => [value.value, value.count]));
        for (const option of select.options) {
          if (!option.value) continue;
          const count = found.get(option.value) ?? 0;
          option.text = fill(settings.msgOptionCount ?? '{text} ({count})', { text: optionTexts.get(option) ?? option.value, count });
          option.disabled = count === 0 && option.value !== select.value;
        }
      }
    }
  };

  const clearCounts = () => {
    for (const select of facetSelects.values()) {
      for (const option of select.options) {
        option.text = optionTexts.get(option) ?? option.text;
        option.disabled = false;
      }
    }
  };

  const execute = async () => {
    const search = fromUrl();
    const token = ++run;
    updateSwitch();
    if (!search.query) {
      observer.disconnect();
      list.replaceChildren();
      status.textContent = '';
      pager.hidden = true;
      clearCounts();
      return;
    }
    try {
      const catalog = await engine.catalog();
      let state = lastSearch?.query === search.query ? lastSearch.state : undefined;
      if (!state) {
        status.textContent = settings.msgLoading ?? '';
        state = await engine.search(search.query);
        // Candidates are checked in the order they would be listed, so that the first page fills first.
        state = { ...state, candidates: sortMatches(state.candidates, search.sort, catalog) };
      }
      if (token !== run) return;
      lastSearch = { query: search.query, state };
      render(catalog, state, search);
      while (state.verified < state.candidates.length) {
        state = await engine.verify(state, 12);
        if (token !== run) return;
        lastSearch = { query: search.query, state };
        render(catalog, state, search);
      }
    } catch (error) {
      console.error(error);
      if (token === run) status.textContent = settings.msgFailed ?? '';
    }
  };

  /** @param {ReturnType<typeof fromUrl>} search @param {boolean} [push] */
  const go = (search, push = false) => {
    const url = urlOf(search);
    if (url.href !== location.href) history[push ? 'pushState' : 'replaceState'](null, '', url);
    void execute();
  };

  let typing = 0;
  input.addEventListener('input', () => {
    window.clearTimeout(typing);
    typing = window.setTimeout(() => go(fromForm()), 250);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(typing);
    go(fromForm(), true);
  });
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLSelectElement) go(fromForm(), true);
  });
  for (const link of [previous, next]) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const page = link === next ? fromUrl().page + 1 : fromUrl().page - 1;
      go({ ...fromUrl(), page: Math.max(1, page) }, true);
      status.scrollIntoView({ block: 'start' });
    });
  }
  window.addEventListener('popstate', () => {
    showInForm(fromUrl());
    void execute();
  });

  // The masthead's search box, on this page, searches here.
  const siteSearch = document.querySelector('form[data-site-search]');
  if (siteSearch instanceof HTMLFormElement) {
    siteSearch.addEventListener('submit', (event) => {
      event.preventDefault();
      const field = siteSearch.querySelector('input[name="q"]');
      input.value = field instanceof HTMLInputElement ? field.value : '';
      go(fromForm(), true);
      input.focus();
    });
  }

  showInForm(fromUrl());
  void execute();
}
