import type { Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { type DefaultTreeAdapterMap, defaultTreeAdapter, html as spec, parse, parseFragment } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];
type ChildNode = DefaultTreeAdapterMap['childNode'];
type Element = DefaultTreeAdapterMap['element'];

/**
 * How deep the tree of a capture may nest. Saved pages nest a few dozen levels; the tree
 * converters and walkers after the parser recurse once per level, and a hostile page of a few
 * thousand unclosed elements would exhaust the call stack in them. Below this depth only text,
 * line breaks and photos are kept (see flattenBelow).
 */
export const MAX_DEPTH = 256;

export interface HtmlCapture {
  tree: Root;
  /** What reading the markup could not keep as it was (a page nested deeper than MAX_DEPTH). */
  notes: string[];
}

/**
 * Reads an HTML capture (a saved page, or the HTML body of a Hexo post) into its full tree.
 * parse5 builds its tree without recursion; the tree is then cut to MAX_DEPTH before
 * hast-util-from-parse5 (which recurses) converts it.
 */
export function readHtml(html: string): HtmlCapture {
  const whole = /<html[\s>]|<body[\s>]|<!doctype/i.test(html);
  const options = { scriptingEnabled: false };
  const document: ParentNode = whole ? parse(html, options) : parseFragment(html, options);
  const cut = limitDepth(document, MAX_DEPTH);
  const notes = cut.flattened
    ? [`网页的标记嵌套达 ${cut.depth} 层（上限 ${MAX_DEPTH} 层），第 ${MAX_DEPTH} 层以下只保留了文字、换行和图片，段落格式可能与原页面不同。`]
    : [];
  return { tree: fromParse5(document as Node) as Root, notes };
}

/** Elements whose end starts a new line of text: kept as line breaks when a too-deep subtree is flattened. */
const LINE_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul',
]);

/**
 * Measures the depth of a parse5 tree with an explicit stack and, where it exceeds `limit`,
 * replaces the children of each element at the limit by the text, line breaks and images of
 * its subtree, in document order. Elements holding only text (scripts, styles, links) are kept
 * whole, so that the markup step still sees and removes what is not visible.
 */
function limitDepth(root: ParentNode, limit: number): { depth: number; flattened: boolean } {
  let depth = 0;
  let flattened = false;
  const stack: [ParentNode, number][] = [[root, 0]];
  while (stack.length) {
    const [node, level] = stack.pop()!;
    depth = Math.max(depth, level);
    const children = childrenOf(node);
    if (level >= limit && children.some(isParent)) {
      depth = Math.max(depth, level + deepest(node));
      setChildren(node, flatten(children));
      flattened = true;
      continue;
    }
    for (const child of children) if (isParent(child)) stack.push([child, level + 1]);
  }
  return { depth, flattened };
}

function deepest(node: ParentNode): number {
  let most = 0;
  const stack: [ParentNode, number][] = [[node, 0]];
  while (stack.length) {
    const [current, level] = stack.pop()!;
    most = Math.max(most, level);
    for (const child of childrenOf(current)) if (isParent(child)) stack.push([child, level + 1]);
  }
  return most;
}

function flatten(children: ChildNode[]): ChildNode[] {
  const out: ChildNode[] = [];
  const work: (ChildNode | 'end-line')[] = [...children].reverse();
  while (work.length) {
    const node = work.pop()!;
    if (node === 'end-line') {
      out.push(lineBreak());
      continue;
    }
    if (!isParent(node)) {
      out.push(node);
      continue;
    }
    const element = node as Element;
    // <template> keeps its content apart (element.content); it is not shown, so it goes.
    if (element.nodeName === 'template') continue;
    const inner = childrenOf(element);
    if (!inner.some(isParent)) {
      out.push(element);
      continue;
    }
    if (LINE_ELEMENTS.has(element.nodeName)) work.push('end-line');
    for (let index = inner.length - 1; index >= 0; index--) work.push(inner[index]!);
  }
  return out;
}

function lineBreak(): ChildNode {
  return defaultTreeAdapter.createElement('br', spec.NS.HTML, []);
}

function isParent(node: ChildNode | ParentNode): node is ChildNode & ParentNode {
  return 'childNodes' in node && Array.isArray(node.childNodes) && node.childNodes.length > 0;
}

function childrenOf(node: ParentNode): ChildNode[] {
  return node.childNodes as ChildNode[];
}

function setChildren(node: ParentNode, children: ChildNode[]): void {
  for (const child of children) child.parentNode = node;
  node.childNodes = children as never;
}

/** Element names that structure a page; stray tags of other names are no evidence of markup. */
const HTML_ELEMENTS = new Set([
  'a', 'article', 'b', 'blockquote', 'body', 'br', 'center', 'dd', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'font', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'i', 'iframe', 'img', 'li', 'main', 'meta', 'nav', 'ol', 'p',
  'script', 'section', 'span', 'strong', 'style', 'table', 'tbody', 'td', 'th', 'title', 'tr', 'u', 'ul',
]);
const VOID = new Set(['br', 'img', 'hr', 'meta']);

/**
 * Whether text is markup rather than prose, by evidence of structure: a document's own frame
 * (doctype, <html>, <head>, <body>), or elements that open and close again (or line breaks
 * and images) on a good share of the lines. A stray `</p>` in a page saved as text, or a tag
 * quoted in a sentence, is not enough. One pass, with tags read up to the next `<` only, so a
 * file of unclosed `<a ` is as quick as any other.
 */
export function looksLikeHtml(text: string): boolean {
  if (/^(?:\s|<!--[^]*?-->)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(text.slice(0, 4096))) return true;
  const open = new Map<string, number>();
  let structure = 0;
  const markedLines = new Set<number>();
  let line = 0;
  let scanned = 0;
  const tag = /<(\/?)([a-z][a-z0-9]{0,9})(?=[\s/>])[^<>]{0,2000}>/gi;
  for (let match = tag.exec(text); match; match = tag.exec(text)) {
    const name = match[2]!.toLowerCase();
    if (!HTML_ELEMENTS.has(name)) continue;
    line += countLines(text, scanned, match.index);
    scanned = match.index;
    if (match[1]) {
      const opened = open.get(name) ?? 0;
      if (!opened) continue;
      open.set(name, opened - 1);
    } else if (!VOID.has(name)) {
      open.set(name, (open.get(name) ?? 0) + 1);
      continue;
    }
    structure++;
    markedLines.add(line);
  }
  if (structure < 2) return false;
  if (/^\s*<[a-z!]/i.test(text)) return true;
  const lines = text.split('\n').filter((row) => row.trim()).length;
  return lines <= 3 || markedLines.size >= Math.max(2, lines * 0.25);
}

function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', from); index !== -1 && index < to; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
