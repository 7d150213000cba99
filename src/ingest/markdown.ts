import type { Element, Root } from 'hast';
import type { Heading, Html, Paragraph, Root as MdastRoot, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { blocks, dataOf, textOf } from './blocks.ts';

/**
 * Writes the block list as Markdown: paragraphs, ## and ### headings, and each photo as an HTML
 * figure block whose caption the site shows as a caption (see the README's article format).
 * mdast-util-to-markdown escapes the text, so nothing in it can be read back as markup.
 */
export function toArticleMarkdown(tree: Root): string {
  const children: RootContent[] = blocks(tree).flatMap((block): RootContent[] => {
    const text = textOf(block).trim();
    if (block.tagName === 'h2' || block.tagName === 'h3') {
      return [{ type: 'heading', depth: block.tagName === 'h2' ? 2 : 3, children: [{ type: 'text', value: text }] } satisfies Heading];
    }
    if (block.tagName === 'figure') return [photo(block)];
    if (!text) return [];
    return [{ type: 'paragraph', children: [{ type: 'text', value: text }] } satisfies Paragraph];
  });
  if (!children.length) return serialize(children);
  // Blocks are written one by one and joined as mdast-util-to-markdown joins them (a blank line
  // between, a line end after the last): most blocks need no escaping at all, and the library's
  // escaping runs dozens of patterns over every text.
  const parts: string[] = [];
  for (const node of children) {
    const part = writeBlock(node);
    if (part === undefined) return serialize(children);
    parts.push(part);
  }
  return `${parts.join('\n\n')}\n`;
}

function serialize(children: RootContent[]): string {
  return toMarkdown({ type: 'root', children } satisfies MdastRoot, OPTIONS);
}

const OPTIONS = { bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-' } as const;

/**
 * Characters that some rule of mdast-util-to-markdown's escaping (its `unsafe` list) is about:
 * a text without any of them comes out of it unchanged. Space only matters next to a line end,
 * and texts here are trimmed.
 */
const NEEDS_ESCAPING = /[\x00-\x1f\x7f!"#&'()*+\-.<=>[\\\]_`~]/;

/**
 * One block as the library writes it inside the document: plain text as it is, anything else by
 * the library itself (alone, the block comes out the same, with a line end added at the end).
 * Undefined when that cannot be told apart, and the whole document is then left to the library.
 */
function writeBlock(node: RootContent): string | undefined {
  if (node.type === 'html') return node.value;
  const text = (node.type === 'paragraph' || node.type === 'heading') && node.children.length === 1 && node.children[0]!.type === 'text' ? node.children[0]!.value : undefined;
  if (text && !NEEDS_ESCAPING.test(text)) return node.type === 'heading' ? `${'#'.repeat(node.depth)} ${text}` : text;
  const alone = serialize([node]);
  return alone.endsWith('\n') && !/[\r\n]\n$/.test(alone) ? alone.slice(0, -1) : undefined;
}

function photo(block: Element): Html {
  const image = dataOf(block).image;
  const caption = block.children.length ? textOf(block).trim() : '';
  const lines = [`<figure class="capture-photo"${image ? ` data-image="${escapeHtmlLine(image)}"` : ''}>`];
  if (caption) lines.push(`<figcaption>${escapeHtmlLine(caption)}</figcaption>`);
  lines.push('</figure>');
  return { type: 'html', value: lines.join('\n') };
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Escaped, and on one line: Markdown ends an HTML block at a blank line, so a line break in an
 * image's file name (`%0A` in its URL) or caption would end the figure there and spill the rest,
 * and the next figure, into the text. Line ends become character references, which the page
 * reads back as the same characters.
 */
function escapeHtmlLine(text: string): string {
  return escapeHtml(text).replace(/[\n\r\u2028\u2029]/g, (char) => `&#${char.charCodeAt(0)};`);
}
