import type { Element, ElementContent, Root, RootContent } from 'hast';
import { matches } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Plugin } from 'unified';
import type { LedgerEntry } from '../types.ts';

/**
 * Page-level landmarks that hold navigation and footers, never the article's text. Their
 * selectors are bare tag names, compared as such: hast-util-select parses a selector anew on
 * every call, for every element of the page.
 */
const PAGE_LANDMARKS = [
  { selector: 'nav', label: '导航' },
  { selector: 'header', label: '页眉' },
  { selector: 'footer', label: '页脚' },
  { selector: 'aside', label: '侧栏' },
];

/**
 * Removes the furniture an HTML capture marks up as such: the site's own blocks named in
 * sites.yaml (QR codes, quote widgets) and the page's landmarks (nav, header, footer, aside; but
 * not inside <article> or <main>, nor a header holding an <h1>, where a header holds the headline). Markup that a site wraps
 * around words in the middle of a sentence (stock-quote links) is unwrapped instead, so the
 * sentence keeps its words: 张家界市 stays whole.
 */
export const stripFurnitureMarkup: Plugin<[], Root> = () => (tree, file) => {
  const state = file.data.ingest!;
  const site = state.site;
  const note = (entry: LedgerEntry) => state.ledger.push(entry);

  const walk = (children: (RootContent | ElementContent)[], inArticle: boolean, inUnwrapped: boolean): (RootContent | ElementContent)[] => {
    const kept: (RootContent | ElementContent)[] = [];
    for (const node of children) {
      if (node.type !== 'element') {
        kept.push(node);
        continue;
      }
      const siteRemoval = site?.remove.find((rule) => matches(rule.selector, node));
      // A <header> that holds the page's <h1> is the article's header (headline, byline), or a site
      // header whose logo is an <h1>: the main-content step tells which.
      const landmark =
        siteRemoval || inArticle || (node.tagName === 'header' && holdsH1(node)) ? undefined : PAGE_LANDMARKS.find((rule) => rule.selector === node.tagName);
      const removal = siteRemoval ?? landmark;
      if (removal) {
        const text = toText(node).trim();
        const rule = siteRemoval && site ? `${site.id}/markup` : 'page/landmark';
        note({ step: 'furniture', action: 'removed', rule, label: removal.label, ...(text ? { text } : {}) });
        continue;
      }
      const unwrapping = site?.unwrap.find((rule) => matches(rule.selector, node));
      const inside = inArticle || node.tagName === 'article' || node.tagName === 'main';
      const grandchildren = walk(node.children, inside, inUnwrapped || Boolean(unwrapping)) as ElementContent[];
      if (unwrapping && site) {
        const text = toText(node).trim();
        // Nested wrappers (a link inside a quote span) are one piece of furniture, noted once.
        if (!inUnwrapped) note({ step: 'furniture', action: 'unwrapped', rule: `${site.id}/markup`, label: `${unwrapping.label}（保留文字）`, ...(text ? { text } : {}) });
        kept.push(...grandchildren);
        continue;
      }
      kept.push({ ...node, children: grandchildren } satisfies Element);
    }
    return kept;
  };
  tree.children = walk(tree.children, false, false) as RootContent[];
};

function holdsH1(node: Element): boolean {
  const stack: ElementContent[] = [...node.children];
  while (stack.length) {
    const child = stack.pop()!;
    if (child.type !== 'element') continue;
    if (child.tagName === 'h1') return true;
    stack.push(...child.children);
  }
  return false;
}
