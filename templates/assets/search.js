// Search page: reads ?q= on load and lists Pagefind's results. Both editions search one index,
// which holds the Simplified text (src/site/search-index.ts): the query is converted to
// Simplified first (so 許達哲 finds 许达哲), and on the Traditional edition each result links to
// the Traditional page, with the title the build converted and the excerpt converted through the
// archive's own character table. Loaded only here.
const form = document.querySelector('[data-search]');

if (form) {
  const input = form.querySelector('input[name="q"]');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const settings = form.dataset;
  let scriptMap;
  let pagefind;

  const loadScriptMap = () =>
    (scriptMap ??= fetch(settings.scriptMap)
      .then((response) => (response.ok ? response.json() : { toHans: {}, toHant: {} }))
      .catch(() => ({ toHans: {}, toHant: {} })));

  // The edition's index is split by meeting date (src/site/search-shards.ts): Pagefind is loaded from
  // the first shard and every other shard is merged into it, so one search covers them all.
  const loadPagefind = () =>
    (pagefind ??= import(`${settings.bundle}pagefind.js`).then(async (module) => {
      await module.options({ baseUrl: settings.base, language: 'zh-hans' });
      module.init();
      const shards = (settings.indexes ?? '').split(' ').filter(Boolean);
      await Promise.all(shards.map((shard) => module.mergeIndex(shard, { baseUrl: settings.base })));
      return module;
    }));

  // Results listed at most; Pagefind loads each one's excerpt and title separately.
  const SHOWN = 50;

  const convert = (text, table) => Array.from(text, (char) => table[char] ?? char).join('');
  const traditional = settings.edition === 'zh-Hant';

  // A result as this edition shows it: its page in this edition, its title and excerpt in this script.
  const inEdition = (result, toHant) => {
    if (!traditional) return { url: result.url, title: result.meta.title, excerpt: result.excerpt };
    const url = result.url.startsWith(settings.base) ? settings.editionRoot + result.url.slice(settings.base.length) : result.url;
    return { url, title: result.meta.title_hant || convert(result.meta.title ?? '', toHant), excerpt: convert(result.excerpt, toHant) };
  };

  // Pagefind joins the words it segmented with spaces (and marks each word on its own);
  // Chinese is written without them, so they go, and adjacent marks become one.
  const HAN = '[\\u3000-\\u9fff\\uff00-\\uffef]';
  const betweenHan = new RegExp(`(?<=${HAN}(?:</mark>)?)\\s+(?=(?:<mark>)?${HAN})`, 'gu');
  const tidyExcerpt = (html) => html.replace(betweenHan, '').replaceAll('</mark><mark>', '');

  // Pagefind marks matches with <mark>; everything else in an excerpt is shown as text.
  const excerptNodes = (html) => {
    const template = document.createElement('template');
    template.innerHTML = tidyExcerpt(html);
    return Array.from(template.content.childNodes, (node) => {
      if (node.nodeName === 'MARK') {
        const mark = document.createElement('mark');
        mark.textContent = node.textContent;
        return mark;
      }
      return document.createTextNode(node.textContent ?? '');
    });
  };

  const element = (tag, className, children = []) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.append(...children);
    return node;
  };

  const updateSwitch = (query) => {
    const link = document.querySelector('[data-script-switch]');
    if (!link) return;
    const url = new URL(link.href, location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    link.href = url.pathname + url.search;
  };

  const run = async (query) => {
    list.replaceChildren();
    updateSwitch(query);
    if (!query) {
      status.textContent = '';
      return;
    }
    status.textContent = settings.msgLoading;
    try {
      const [engine, map] = await Promise.all([loadPagefind(), loadScriptMap()]);
      const search = await engine.search(convert(query, map.toHans));
      const found = await Promise.all(search.results.slice(0, SHOWN).map((result) => result.data()));
      const results = found.map((result) => ({ ...inEdition(result, map.toHant), date: result.meta.date }));
      // The count is of every article found; past SHOWN, the list holds the most relevant ones.
      const total = search.results.length;
      status.textContent = total
        ? `${settings.msgResults}：${total} ${settings.msgUnit}${total > results.length ? `，${settings.msgShowing} ${results.length} ${settings.msgUnit}` : ''}`
        : settings.msgEmpty;
      list.replaceChildren(
        ...results.map((result) => {
          const link = element('a', '', [result.title ?? result.url]);
          link.href = result.url;
          return element('li', '', [
            element('h2', '', [link]),
            ...(result.date ? [element('p', 'result-date', [result.date])] : []),
            element('p', 'excerpt', excerptNodes(result.excerpt)),
          ]);
        }),
      );
    } catch (error) {
      console.error(error);
      status.textContent = settings.msgFailed;
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = input.value.trim();
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    run(query);
  });

  const initial = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  input.value = initial;
  run(initial);
}
