import type { Element, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

/** Elements that carry no article text, or carry code: their whole content goes. */
const INVISIBLE = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'applet', 'svg', 'math', 'canvas', 'video', 'audio', 'form', 'button', 'select', 'textarea', 'input',
  'link', 'meta', 'base',
]);

/**
 * Removes comments, scripts, styles, frames and form controls from an HTML capture, noting each in
 * the ledger. rehype-sanitize (the next step) would drop them too; doing it here first is what
 * lets the audit report say what was there.
 */
export const stripMarkup: Plugin<[], Root> = () => (tree, file) => {
  const ledger = file.data.ingest!.ledger;
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === 'comment') {
      const text = node.value.trim();
      if (text) ledger.push({ step: 'markup', action: 'removed', rule: 'markup/comment', label: 'HTML 注释', text });
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.type === 'element' && INVISIBLE.has(node.tagName)) {
      const text = (node.tagName === 'style' || node.tagName === 'script' ? textContent(node) : toText(node)).trim();
      ledger.push({ step: 'markup', action: 'removed', rule: `markup/${node.tagName}`, label: `${node.tagName} 元素`, ...(text ? { text } : {}) });
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
};

function textContent(node: Element): string {
  return node.children.map((child: RootContent) => (child.type === 'text' ? child.value : '')).join('');
}
