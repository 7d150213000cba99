import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Plugin } from 'unified';
import type { PageHead } from '../types.ts';

/**
 * Reads what an HTML page says about itself outside its visible text, before the markup step
 * removes it: the <title>, every <meta> (name, property, itemprop or http-equiv, with its
 * content), the canonical link, the document's language, JSON-LD objects and the text of inline
 * scripts (where CMSs keep timestamps). Later steps take metadata from here; nothing here is
 * trusted as markup: every value is a string that a consumer reduces to text.
 *
 * The tree is walked with an explicit stack, so a hostile page nested thousands deep cannot
 * exhaust the call stack here.
 */
export const readPageHead: Plugin<[], Root> = () => (tree, file) => {
  const state = file.data.ingest!;
  if (state.shape !== 'html' && state.shape !== 'hexo-html') return;
  state.page = pageHead(tree);
};

export function emptyPageHead(): PageHead {
  return { meta: [], jsonLd: [], scripts: [] };
}

export function pageHead(tree: Root): PageHead {
  const head = emptyPageHead();
  const stack: (RootContent | ElementContent)[] = [...tree.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type !== 'element') continue;
    const tag = node.tagName;
    if (tag === 'html') {
      const lang = attribute(node, 'lang') ?? attribute(node, 'xmlLang');
      if (lang && !head.lang) head.lang = lang;
    } else if (tag === 'title') {
      if (head.title === undefined) head.title = textContent(node).replace(/\s+/g, ' ').trim();
      continue;
    } else if (tag === 'meta') {
      readMeta(node, head);
      continue;
    } else if (tag === 'link') {
      const rel = attribute(node, 'rel')?.toLowerCase().split(/\s+/) ?? [];
      const href = attribute(node, 'href');
      if (rel.includes('canonical') && href && !head.canonical) head.canonical = href.trim();
      continue;
    } else if (tag === 'script') {
      const type = (attribute(node, 'type') ?? '').toLowerCase().trim();
      const body = textContent(node);
      if (type === 'application/ld+json') head.jsonLd.push(...jsonLd(body));
      else if (body.trim() && (type === '' || type.includes('javascript'))) head.scripts.push(body);
      continue;
    }
    // <template> content lives in node.content in hast; it is not part of the page as shown.
    for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
  }
  return head;
}

function readMeta(node: Element, head: PageHead): void {
  const charset = attribute(node, 'charset');
  if (charset && !head.charset) head.charset = charset.trim().toLowerCase();
  const name = attribute(node, 'name') ?? attribute(node, 'property') ?? attribute(node, 'itemProp') ?? attribute(node, 'httpEquiv');
  const content = attribute(node, 'content');
  if (!name || content === undefined) return;
  const key = name.trim().toLowerCase();
  head.meta.push({ name: key, content: content.trim() });
  if (key === 'content-type' && !head.charset) {
    const declared = /charset\s*=\s*["']?([\w.:-]+)/i.exec(content);
    if (declared) head.charset = declared[1]!.toLowerCase();
  }
}

/** JSON-LD objects of one script, @graph members flattened; a script that is not JSON gives none. */
function jsonLd(text: string): Record<string, unknown>[] {
  let value: unknown;
  try {
    value = JSON.parse(text.trim().replace(/^<!--|-->$/g, ''));
  } catch {
    return [];
  }
  const out: Record<string, unknown>[] = [];
  const queue: unknown[] = [value];
  while (queue.length && out.length < 100) {
    const item = queue.shift();
    if (Array.isArray(item)) queue.push(...item);
    else if (item && typeof item === 'object') {
      out.push(item as Record<string, unknown>);
      const graph = (item as Record<string, unknown>)['@graph'];
      if (graph) queue.push(graph);
    }
  }
  return out;
}

function attribute(node: Element, key: string): string | undefined {
  const value = node.properties?.[key];
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(' ');
  if (typeof value === 'number') return String(value);
  return undefined;
}

function textContent(node: Element): string {
  let out = '';
  for (const child of node.children) if (child.type === 'text') out += child.value;
  return out;
}

/** The content of the first <meta> with one of these names (lowercase), in the order given. */
export function metaContent(head: PageHead | undefined, names: readonly string[]): string | undefined {
  if (!head) return undefined;
  for (const name of names) {
    const found = head.meta.find((entry) => entry.name === name && entry.content);
    if (found) return found.content;
  }
  return undefined;
}
