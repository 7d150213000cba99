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
  const root: MdastRoot = { type: 'root', children };
  return toMarkdown(root, { bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-' });
}

function photo(block: Element): Html {
  const image = dataOf(block).image;
  const caption = block.children.length ? textOf(block).trim() : '';
  const lines = [`<figure class="capture-photo"${image ? ` data-image="${escapeHtml(image)}"` : ''}>`];
  if (caption) lines.push(`<figcaption>${escapeHtml(caption)}</figcaption>`);
  lines.push('</figure>');
  return { type: 'html', value: lines.join('\n') };
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
