import type { Element, ElementContent, Root } from 'hast';

/**
 * After the `blocks` step every capture is a flat list of blocks under the root:
 * - `p`: a paragraph or line; `data.kind` says what it turned out to be (body, caption)
 * - `h2`, `h3`: section and sub-section headings
 * - `figure`: a photo the page showed (never archived), `data.image` its file name when known,
 *   with a `figcaption` child once a caption is attached
 * Blocks hold plain text only: no markup from a capture survives past that step.
 */
export type BlockKind = 'body' | 'caption' | 'heading';

/** What a step learned about a block, kept on `block.data`. */
export interface BlockData {
  /** The block's text as the capture had it, before any repair: what the audit report quotes. */
  raw?: string;
  /** 1-based line of the raw file the block came from (text captures). */
  line?: number;
  /** Leading white-space width of the line (text captures); U+3000 counts 2. */
  indent?: number;
  /** Blank lines before the line (text captures). */
  blankBefore?: number;
  /** File name of a photo that was not archived. */
  image?: string;
  kind?: BlockKind;
}

// hast-util-from-parse5 declares a required `position` on ElementData; blocks made here have none.
const asData = (data: BlockData) => data as unknown as Element['data'];

export function dataOf(block: Element): BlockData {
  block.data ??= asData({});
  return block.data as unknown as BlockData;
}

export function blocks(tree: Root): Element[] {
  return tree.children.filter((node): node is Element => node.type === 'element');
}

export function textOf(block: Element): string {
  // Blocks hold one text node after the blocks step; this is called for every block by every step.
  const only = block.children[0];
  if (block.children.length === 1 && only?.type === 'text') return only.value;
  return collectText(block.children, '');
}

function collectText(nodes: ElementContent[], into: string): string {
  let out = into;
  for (const node of nodes) {
    if (node.type === 'text') out += node.value;
    else if (node.type === 'element') out = collectText(node.children, out);
  }
  return out;
}

export function setText(block: Element, value: string): void {
  block.children = [{ type: 'text', value }];
}

export function paragraph(value: string, data: BlockData = {}): Element {
  return { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value }], data: asData(data) };
}

export function heading(level: 2 | 3, value: string): Element {
  return { type: 'element', tagName: `h${level}`, properties: {}, children: [{ type: 'text', value }], data: asData({ kind: 'heading' }) };
}

export function figure(image: string | undefined, caption?: string): Element {
  const node: Element = { type: 'element', tagName: 'figure', properties: {}, children: [], data: asData(image ? { image } : {}) };
  if (caption !== undefined) setCaption(node, caption);
  return node;
}

export function setCaption(node: Element, caption: string): void {
  node.children = [{ type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: caption }] }];
}

export function isParagraph(block: Element): boolean {
  return block.tagName === 'p';
}

export function isBody(block: Element): boolean {
  return block.tagName === 'p' && (dataOf(block).kind ?? 'body') === 'body';
}

export function isHeading(block: Element): boolean {
  return block.tagName === 'h2' || block.tagName === 'h3';
}

/** Sentence-final punctuation: a block ending otherwise is a heading, a label or a fragment. */
export const SENTENCE_END = /[。！？!?…”"」』）)]$/u;

const CLAUSE_MARK = /[，。；]/u;
const SENTENCE_MARK = /[。！？]/u;
/** What `.` in a regular expression does not cross. */
const LINE_BREAK = /[\n\r\u2028\u2029]/u;
const PROSE_MIN = 20;

/**
 * A paragraph of prose, the kind an article's text begins with: twenty characters or more, with
 * a clause before a sentence's end (a welcome line's 欢迎您！ or a byline is not). What stands
 * above the first one is the top of the article: its headline, its byline, the page's chrome.
 */
export function isProse(text: string): boolean {
  if (text.length < PROSE_MIN) return false;
  // On one line, a clause mark and a sentence's end after it: two searches a line rather than
  // /[，。；].*[。！？]/, which backtracks over the line from every comma.
  return text.split(LINE_BREAK).some((line) => {
    const clause = line.search(CLAUSE_MARK);
    return clause >= 0 && SENTENCE_MARK.test(line.slice(clause + 1));
  });
}

/** Three or more short items between bars (首页 | 政务公开 | 互动交流): a menu or a tool bar, never a headline. */
export function isMenuLine(text: string): boolean {
  const items = text.split(/\s*[|｜]\s*/u).filter(Boolean);
  return items.length >= 3 && items.every((item) => [...item].length <= 12);
}
