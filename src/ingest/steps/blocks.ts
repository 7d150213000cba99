import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Plugin } from 'unified';
import { type BlockData, figure, heading, paragraph } from '../blocks.ts';

const BLOCK_ELEMENTS = new Set([
  'html', 'body', 'main', 'article', 'section', 'header', 'footer', 'nav', 'aside', 'div', 'center', 'p', 'hr',
  'blockquote', 'pre', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
  'caption', 'figure', 'address',
]);

/**
 * Flattens an HTML capture into the block list every later step reads (see blocks.ts): one `p`
 * per run of text between block boundaries or line breaks, `h1`–`h3` for headings, `figure` for
 * each image, and captions marked as such. Only text is kept; white space collapses as a browser
 * would show it. A plain-text capture is already a block list and passes through unchanged.
 */
export const toBlocks: Plugin<[], Root> = () => (tree, file) => {
  const state = file.data.ingest!;
  if (state.shape === 'text' || state.shape === 'hexo-text') return;
  const out: Element[] = [];
  let buffer = '';
  let pending: Element[] = [];
  const flush = (data: BlockData = {}) => {
    const text = collapse(buffer);
    buffer = '';
    if (text) out.push(paragraph(text, { raw: text, ...data }));
    for (const photo of pending) out.push(photo); // not spread: a sentence may hold more photos than a call has arguments
    pending = [];
  };
  const walk = (nodes: (RootContent | ElementContent)[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        buffer += node.value;
        continue;
      }
      if (node.type !== 'element') continue;
      const tag = node.tagName;
      if (tag === 'br') flush();
      else if (tag === 'img') {
        // A photo inside a sentence is shown after it: the sentence stays whole.
        if (buffer.trim()) pending.push(figure(imageName(node)));
        else out.push(figure(imageName(node)));
      } else if (/^h[1-6]$/.test(tag)) {
        flush();
        walk(node.children);
        const text = collapse(buffer);
        buffer = '';
        if (text) {
          const level = Number(tag[1]);
          const block = heading(level <= 2 ? 2 : 3, text);
          // The page's own headline: the headline step takes it as the title.
          if (level === 1) block.tagName = 'h1';
          out.push(block);
        }
      } else if (tag === 'figcaption') {
        flush();
        walk(node.children);
        flush({ kind: 'caption' });
      } else if (BLOCK_ELEMENTS.has(tag)) {
        flush();
        walk(node.children);
        flush();
      } else walk(node.children);
    }
  };
  walk(tree.children);
  flush();
  tree.children = out;
};

/** HTML white space collapses to one space; the ideographic space U+3000 is text, but not at the edges. */
function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ').replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
}

function imageName(node: Element): string | undefined {
  const src = node.properties?.src;
  if (typeof src !== 'string' || !src) return undefined;
  const path = src.split(/[?#]/)[0] ?? '';
  const name = decodeURIComponentSafe(path.slice(path.lastIndexOf('/') + 1));
  return name || undefined;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
