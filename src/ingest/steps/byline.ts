import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Plugin } from 'unified';
import { isProse } from '../blocks.ts';
import type { PageHead } from '../types.ts';

/**
 * Reads the lines printed right under an HTML page's headline, where Chinese CMSs put the
 * publication time and the source (发布时间：2021-12-13 09:41  来源：…), into `state.page.byline`,
 * before the markup step and body extraction keep only the article's own container (which often
 * leaves that line out). The headline is the page's first <h1>, else the first element whose
 * text is the page's declared title (og:title, ArticleTitle, or the <title> before its site
 * suffix). The lines are the page's visible text, in document order, until the body's prose
 * begins. Only the date rules read them; nothing here reaches the article's text.
 */
export const readByline: Plugin<[], Root> = () => (tree, file) => {
  const state = file.data.ingest!;
  if (state.shape !== 'html' && state.shape !== 'hexo-html') return;
  state.page.byline = bylineLines(tree, state.page);
};

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'section', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
]);
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'iframe', 'object', 'svg', 'math', 'select', 'option', 'textarea']);

/** Lines after the headline: at most this many, and none once the prose of the body starts. */
const MAX_LINES = 8;

export function bylineLines(tree: Root, head: PageHead): string[] {
  const headline = findHeadline(tree, declaredTitles(head));
  if (!headline) return [];
  const lines: string[] = [];
  let current = '';
  let started = false;
  const flush = () => {
    const line = current.replace(/\s+/g, ' ').trim();
    current = '';
    if (line && started) lines.push(line);
  };
  // Document order with an explicit stack (a hostile page may nest deeper than the call stack);
  // a marker entry closes each element, so that block boundaries end lines.
  const stack: Entry[] = [...tree.children].reverse().map((node) => ({ node }));
  while (stack.length && lines.length < MAX_LINES) {
    const entry = stack.pop()!;
    if ('close' in entry) {
      if (BLOCK.has(entry.close.tagName)) flush();
      if (entry.close === headline) {
        started = true;
        current = '';
      }
      const last = lines.at(-1);
      if (last && isProse(last)) {
        lines.pop();
        break;
      }
      continue;
    }
    const { node } = entry;
    if (node.type === 'text') {
      current += node.value;
      continue;
    }
    if (node.type !== 'element' || HIDDEN.has(node.tagName)) continue;
    if (BLOCK.has(node.tagName)) flush();
    stack.push({ close: node });
    for (let index = node.children.length - 1; index >= 0; index--) stack.push({ node: node.children[index]! });
  }
  flush();
  return lines;
}

type Entry = { node: RootContent | ElementContent } | { close: Element };

/**
 * The article's headline: the first element whose text is one of the page's declared titles,
 * else the first <h1> with text (a site's logo is often an <h1> of its own name, so the declared
 * title is tried first).
 */
function findHeadline(tree: Root, titles: string[]): Element | undefined {
  let firstH1: Element | undefined;
  const stack: (RootContent | ElementContent)[] = [...tree.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type !== 'element' || HIDDEN.has(node.tagName)) continue;
    if (/^h[1-3]$/.test(node.tagName) || BLOCK.has(node.tagName) || /^(span|strong|b|font)$/.test(node.tagName)) {
      const text = ownText(node).replace(/\s+/g, '');
      if (text.length >= 4 && titles.includes(text)) return node;
      if (!firstH1 && node.tagName === 'h1' && text.length >= 4) firstH1 = node;
    }
    for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
  }
  return firstH1;
}

/** The page's own titles, without white space: og:title, ArticleTitle, the <title> before its suffix. */
function declaredTitles(head: PageHead): string[] {
  const names = ['og:title', 'articletitle', 'title', 'twitter:title'];
  const titles = head.meta.filter((entry) => names.includes(entry.name)).map((entry) => entry.content);
  if (head.title) titles.push(head.title.split(/\s*(?:[_|｜]|\s-\s|——|--)\s*/u)[0] ?? '');
  return [...new Set(titles.map((title) => title.replace(/\s+/g, '')).filter((title) => title.length >= 4))];
}

/** An element's text when it is short (a headline); longer subtrees are not headlines. */
function ownText(node: Element): string {
  let out = '';
  const stack: ElementContent[] = [...node.children].reverse();
  while (stack.length && out.length <= 200) {
    const child = stack.pop()!;
    if (child.type === 'text') out += child.value;
    else if (child.type === 'element' && !HIDDEN.has(child.tagName)) for (let index = child.children.length - 1; index >= 0; index--) stack.push(child.children[index]!);
  }
  return out;
}
