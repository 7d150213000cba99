// Search page: reads ?q= on load, converts the query to the script of the edition being read
// (so 許達哲 finds 许达哲 and vice versa), and lists Pagefind's results. Loaded only here.
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

  // The edition's index is split by month (src/site/search-shards.ts): Pagefind is loaded from
  // the first shard and every other shard is merged into it, so one search covers them all.
  const loadPagefind = () =>
    (pagefind ??= import(`${settings.bundle}pagefind.js`).then(async (module) => {
      await module.options({ baseUrl: settings.base });
      module.init();
      const shards = (settings.indexes ?? '').split(' ').filter(Boolean);
      await Promise.all(shards.map((shard) => module.mergeIndex(shard, { baseUrl: settings.base })));
      return module;
    }));

  const toEditionScript = async (query) => {
    const map = await loadScriptMap();
    const table = settings.edition === 'zh-Hant' ? map.toHant : map.toHans;
    return Array.from(query, (char) => table[char] ?? char).join('');
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
      const [engine, converted] = await Promise.all([loadPagefind(), toEditionScript(query)]);
      const search = await engine.search(converted);
      const results = await Promise.all(search.results.slice(0, 50).map((result) => result.data()));
      status.textContent = results.length
        ? `${settings.msgResults}：${results.length} ${settings.msgUnit}`
        : settings.msgEmpty;
      list.replaceChildren(
        ...results.map((result) => {
          const link = element('a', '', [result.meta.title ?? result.url]);
          link.href = result.url;
          return element('li', '', [
            element('h2', '', [link]),
            ...(result.meta.date ? [element('p', 'result-date', [result.meta.date])] : []),
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
