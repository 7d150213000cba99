/**
 * Article body: Markdown from ingest → sanitized HTML tree → the archive's own markup.
 *
 * markdown-it runs with `html: true` because photo captions arrive as HTML figure blocks, so
 * anything a capture smuggled through ingest would reach the page. The rendered HTML is
 * therefore re-parsed and passed through a strict allow-list before the archive adds its own
 * (trusted) markup: heading ids and links to them, and the "photo not archived" placeholder.
 */
import MarkdownIt from 'markdown-it';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { toText } from 'hast-util-to-text';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { treeInEdition, type Edition, type Script } from './editions.ts';
import { interfaceText } from './interface-text.ts';

export interface Heading {
  depth: 2 | 3;
  id: string;
  /** Simplified text; editions convert it for display. */
  text: string;
}

/**
 * A rendered article body in every edition. Plain data (no syntax tree), so that it can be kept
 * in the build cache (article-cache.ts) and reused while the article file is unchanged.
 */
export interface ArticleBody {
  /**
   * Sanitized HTML with the archive's markup, in each edition's script; the English edition's is
   * the Simplified text with the archive's own words (photo placeholders, section links) in English.
   */
  html: Record<Edition, string>;
  headings: Heading[];
  /**
   * Plain text (paragraphs separated by blank lines) in each edition's script: the Simplified one
   * for downloads, both for descriptions, feed summaries and the search script map.
   */
  plainText: Record<Script, string>;
  /** Number of photos the capture referred to; none were archived. */
  missingPhotos: number;
}

const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false, breaks: false });

/**
 * What an article body may contain after rendering. Links, images, embeds, styles, scripts and
 * every attribute except the figure's class and image name are dropped; elements whose content
 * is code or styling are removed with their content rather than unwrapped.
 */
export const ARTICLE_BODY_SCHEMA: SanitizeSchema = {
  tagNames: ['p', 'h2', 'h3', 'h4', 'figure', 'figcaption', 'blockquote', 'ul', 'ol', 'li', 'em', 'strong', 'br', 'hr', 'sub', 'sup'],
  attributes: {
    figure: [['className', 'capture-photo'], 'dataImage'],
  },
  protocols: {},
  required: {},
  clobber: [],
  clobberPrefix: '',
  allowComments: false,
  allowDoctypes: false,
  strip: ['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'template', 'noscript', 'textarea', 'select', 'svg', 'math', 'title', 'head', 'link', 'meta', 'base', 'form', 'button', 'input', 'video', 'audio', 'canvas'],
};

const serializer = unified().use(rehypeStringify);
const sanitizer = unified().use(rehypeParse, { fragment: true }).use(rehypeSanitize, ARTICLE_BODY_SCHEMA);

export function sanitizeBodyHtml(html: string): Root {
  return sanitizer.runSync(sanitizer.parse(html)) as Root;
}

/**
 * Renders an article body for every edition at once. The sanitized tree's text is converted to
 * Traditional once (treeInEdition); the trees then get the same archive markup, and each
 * script's plain text is read from its own tree, so nothing converts the body again.
 */
export function renderArticleBody(source: string): ArticleBody {
  const sanitized = sanitizeBodyHtml(markdown.render(source));
  const traditional = treeInEdition('zh-Hant', sanitized);
  const simplified = withArchiveMarkup(sanitized, 'zh-Hans');
  return {
    html: {
      'zh-Hans': serializer.stringify(simplified.tree),
      'zh-Hant': serializer.stringify(withArchiveMarkup(traditional, 'zh-Hant').tree),
      en: serializer.stringify(withArchiveMarkup(sanitized, 'en').tree),
    },
    headings: simplified.headings,
    plainText: { 'zh-Hans': bodyPlainText(sanitized), 'zh-Hant': bodyPlainText(traditional) },
    missingPhotos: simplified.missingPhotos,
  };
}

/** Heading anchors, the placeholders of photos that were not archived, no empty paragraphs. */
function withArchiveMarkup(sanitized: Root, edition: Edition): { tree: Root; headings: Heading[]; missingPhotos: number } {
  const headings: Heading[] = [];
  let missingPhotos = 0;
  let section = 0;
  let subsection = 0;

  const enrich = (node: RootContent): RootContent => {
    if (node.type !== 'element') return node;
    if (node.tagName === 'h2' || node.tagName === 'h3') {
      if (node.tagName === 'h2') {
        section += 1;
        subsection = 0;
      } else {
        subsection += 1;
      }
      const id = node.tagName === 'h2' ? `section-${section}` : `section-${section}-${subsection}`;
      headings.push({ depth: node.tagName === 'h2' ? 2 : 3, id, text: toText(node).trim() });
      // A link to the section, for citing a part of a long article by its address.
      const anchor: Element = {
        type: 'element',
        tagName: 'a',
        properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: interfaceText(edition).format.labelled(interfaceText(edition).sectionLink, toText(node).trim()) },
        children: [{ type: 'text', value: '#' }],
      };
      return { ...node, properties: { id }, children: [...node.children, { type: 'text', value: ' ' }, anchor] };
    }
    if (node.tagName === 'figure') {
      missingPhotos += 1;
      return missingPhotoFigure(node, edition);
    }
    return { ...node, children: node.children.map(enrich) as ElementContent[] };
  };

  // Paragraphs that held only stripped markup would print as empty gaps.
  const kept = sanitized.children.filter(
    (node) => !(node.type === 'element' && node.tagName === 'p' && toText(node).trim() === ''),
  );
  return { tree: { type: 'root', children: kept.map(enrich) }, headings, missingPhotos };
}

/**
 * A figure block is a caption of a photo that was never archived; it is shown as such, with the
 * original file name kept verbatim (translate="no" keeps it out of the script conversion too).
 */
function missingPhotoFigure(figure: Element, edition: Edition): Element {
  const imageName = typeof figure.properties.dataImage === 'string' ? figure.properties.dataImage : undefined;
  const caption = figure.children.find(
    (child): child is Element => child.type === 'element' && child.tagName === 'figcaption',
  );
  const placeholder: Element = {
    type: 'element',
    tagName: 'div',
    properties: { className: ['photo-missing'] },
    children: [
      {
        type: 'element',
        tagName: 'span',
        // The English edition's placeholder stands in a body whose language is Chinese.
        properties: { className: ['photo-missing-label'], ...(edition === 'en' ? { lang: 'en' } : {}) },
        children: [{ type: 'text', value: interfaceText(edition).photoNotArchived }],
      },
      ...(imageName
        ? [{ type: 'element', tagName: 'span', properties: { className: ['photo-file'], translate: 'no' }, children: [{ type: 'text', value: imageName }] } satisfies Element]
        : []),
    ],
  };
  return {
    type: 'element',
    tagName: 'figure',
    properties: { className: ['capture-photo'] },
    children: caption ? [placeholder, { ...caption, properties: {} }] : [placeholder],
  };
}

function bodyPlainText(tree: Root): string {
  const blocks: string[] = [];
  for (const node of tree.children) {
    if (node.type !== 'element') continue;
    const text = toText(node).replace(/\s+/g, ' ').trim();
    if (text) blocks.push(text);
  }
  return blocks.join('\n\n');
}

export function bodyHtml(body: Pick<ArticleBody, 'html'>, edition: Edition): string {
  return body.html[edition];
}

/** Whether the article is long enough that a reader benefits from an in-page table of contents. */
export function wantsTableOfContents(headings: readonly Heading[], textLength: number): boolean {
  const sections = headings.filter((heading) => heading.depth === 2).length;
  return headings.length >= 3 || (sections >= 2 && textLength >= 3000);
}
