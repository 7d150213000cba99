import type { Html, Image, Paragraph, Root as MdastRoot, Text } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { type HtmlCapture, readHtml } from './html.ts';

const markdownToHtml = unified()
  .use(remarkParse)
  .use(() => joinWrappedLines)
  .use(() => captionedImages)
  // HTML written in the post stays as it was, to be parsed, sanitised and reduced to text with
  // the rest of the page: the capture's markup is hostile whichever syntax carried it.
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeStringify, { allowDangerousHtml: true })
  .freeze();

/**
 * Reads a Markdown capture (the body of a Hexo, Jekyll or Hugo post) into the same tree an HTML
 * page gives: remark parses the Markdown, its HTML is written out and read back by the HTML
 * reader, so the depth guard, the sanitiser and every later step treat both alike. Returns
 * undefined for text that only a hostile file would hold (quotes or lists nested dozens deep,
 * runs of emphasis marks), which remark's recursive tree converters cannot take: the caller
 * reads such a file as plain text.
 */
export function readMarkdown(markdown: string): HtmlCapture | undefined {
  if (PATHOLOGICAL.some((pattern) => pattern.test(markdown))) return undefined;
  let html: string;
  try {
    html = String(markdownToHtml.processSync(withoutTemplateTags(markdown)));
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
  return readHtml(html);
}

/**
 * Shapes no post has and that make remark recurse or backtrack deeply: a line nested in more
 * than eight quotes or lists, indentation beyond 40 columns (each list level indents two to
 * four), and runs of sixteen emphasis, bracket or backtick marks.
 */
const PATHOLOGICAL = [
  /^(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])){9}/m,
  /^[ \t]{41}/m,
  /[*_[\]`]{16}(?![ \t]*$)/m,
];

/**
 * Whether a post body is Markdown rather than plain lines of text: Markdown's own constructs
 * (headings, links, images, emphasis, quotes, rules, lists) on several lines, two kinds of them,
 * or a heading.
 */
export function looksLikeMarkdown(text: string): boolean {
  const kinds = [
    /^#{1,6}[ \t]+\S/m,
    /\[[^\]\n]{1,300}\]\((?:https?:\/\/|\/|\.)[^)\s]{0,2000}\)/,
    /\*\*[^*\n]{1,200}\*\*|__[^_\n]{1,200}__/,
    /^>[ \t]?\S/m,
    /^[ \t]{0,3}(?:\*[ \t]*){3,}$|^[ \t]{0,3}(?:-[ \t]*){3,}$|^[ \t]{0,3}(?:_[ \t]*){3,}$/m,
    /^[ \t]{0,3}(?:[-*+]|\d{1,3}\.)[ \t]+\S/m,
    /^```/m,
  ];
  // A line opening with `## ` is Markdown's alone: no page saved as text writes its headings so.
  const found = kinds.filter((kind) => kind.test(text)).length + (kinds[0]!.test(text) ? 1 : 0);
  const lines = (text.match(/^(?:#{1,6}[ \t]|>|!?\[[^\]\n]*\]\()/gm) ?? []).length;
  return (found >= 2 || lines >= 3) && !paragraphPerLine(text);
}

/**
 * Whether a body writes one paragraph per line, as text does, rather than Markdown's paragraphs
 * between blank lines: read as Markdown, its lines would run together into one paragraph.
 */
function paragraphPerLine(text: string): boolean {
  const rows = text.split('\n');
  let last = rows.length - 1;
  while (last > 0 && !rows[last]!.trim()) last--;
  let joined = 0;
  let apart = 0;
  rows.forEach((row, index) => {
    if (index >= last) return;
    if (!/[。！？”」]\s*$/u.test(row) || /^\s*(?:[-*+>]|\d{1,3}\.)\s/u.test(row)) return;
    const next = rows[index + 1]!;
    if (!next.trim()) apart++;
    else if (!/^\s*(?:[-*+]\s|>|#{1,6}\s|\||\d{1,3}\.\s|!?\[|<|```)/u.test(next)) joined++;
  });
  return joined > apart;
}

/**
 * A photo on a line of its own (`![会议现场](a.jpg)`) is written with its alternative text as the
 * caption a Markdown post gives it: it is the only place the post says what the photo shows.
 */
function captionedImages(tree: MdastRoot): void {
  visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
    if (!parent || index === undefined || node.children.length !== 1 || node.children[0]!.type !== 'image') return;
    const image = node.children[0] as Image;
    if (!image.alt?.trim()) return;
    const figure: Html = {
      type: 'html',
      value: `<figure><img src="${escapeAttribute(image.url)}"><figcaption>${escapeText(image.alt.trim())}</figcaption></figure>`,
    };
    parent.children.splice(index, 1, figure);
  });
}

/**
 * A Chinese paragraph wrapped over several lines of the Markdown file is one paragraph: the line
 * break between two Chinese characters is no space (as Markdown renders it for Latin text).
 */
function joinWrappedLines(tree: MdastRoot): void {
  visit(tree, 'text', (node: Text) => {
    if (node.value.includes('\n')) node.value = node.value.replace(/(?<=[\p{Script=Han}\p{P}])[ \t]*\n[ \t]*(?=[\p{Script=Han}\p{P}])/gu, '');
  });
}

/**
 * Hugo shortcodes ({{< figure … >}}) and Jekyll's Liquid tags ({% include … %}) are calls to the
 * blog's templates, not text a reader sees. A figure shortcode is the photo it shows, with its
 * caption; every other tag goes.
 */
function withoutTemplateTags(markdown: string): string {
  if (!markdown.includes('{{') && !markdown.includes('{%')) return markdown;
  return markdown
    .replace(/\{\{[<%]\s*figure\b([^{}]{0,2000}?)[>%]\}\}/gu, (_tag, attributes: string) => {
      const value = (name: string) => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`, 'u').exec(attributes)?.[1];
      const caption = value('caption') ?? value('title') ?? value('alt');
      const src = value('src');
      return `<figure>${src ? `<img src="${escapeAttribute(src)}">` : ''}${caption ? `<figcaption>${escapeText(caption)}</figcaption>` : ''}</figure>`;
    })
    .replace(/\{\{[<%][^{}]{0,2000}?[>%]\}\}|\{%[^{}]{0,2000}?%\}/gu, '');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
