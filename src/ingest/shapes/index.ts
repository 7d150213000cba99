import type { Root } from 'hast';
import { readFrontMatter } from '../front-matter.ts';
import type { IngestState, Shape } from '../types.ts';
import { looksLikeHtml, readHtml } from './html.ts';
import { looksLikeMarkdown, readMarkdown } from './markdown.ts';
import { readText } from './text.ts';

export interface ShapedCapture {
  tree: Root;
  shape: Shape;
  frontMatter: Record<string, unknown>;
  /** The front matter's YAML as written (a parser may turn 2021-02-30 into another day). */
  frontMatterSource?: string;
  /** A problem with the capture's form that did not stop it being read (broken front matter). */
  warning?: string;
  /** Characters of the front matter that were not text, replaced (front-matter.ts). */
  frontMatterReplaced?: number;
  /** Fidelity notes on what reading the capture could not keep as it was (markup nested too deep). */
  notes?: string[];
}

/**
 * Recognises which of the known raw shapes a capture has and parses it into one tree, so that
 * every later step works on the same kind of input whatever the source looked like.
 *
 * - hexo-html / hexo-text: a Hexo post, YAML front matter between `---` lines, then an HTML or
 *   plain-text body (blogs that mirror news sites save pages this way)
 * - markdown: a Hexo, Jekyll or Hugo post whose body is Markdown (a front-matter post whose body
 *   shows Markdown's constructs), parsed by remark into the tree an HTML page gives
 * - html: a saved web page or fragment
 * - text: a page saved or copied as plain text, one block per line
 */
export function shapeCapture(text: string): ShapedCapture {
  // Some mirrors save a blank line before the opening `---`; it is still front matter.
  const body = text.replace(/^\uFEFF/, '').replace(/^(?:[ \t]*\n)+(?=---[ \t]*\n)/, '');
  if (/^---[ \t]*\n/.test(body) && /\n---[ \t]*(\n|$)/.test(body)) {
    const parsed = readFrontMatter(body);
    if (parsed.data) {
      const frontMatter = parsed.data;
      const read = {
        frontMatter,
        ...(parsed.source !== undefined ? { frontMatterSource: parsed.source } : {}),
        ...(parsed.replaced ? { frontMatterReplaced: parsed.replaced } : {}),
      };
      // Markdown may hold HTML, so its own constructs decide first; an HTML body shows none.
      const markdown = looksLikeMarkdown(parsed.content) ? readMarkdown(parsed.content) : undefined;
      if (markdown) return { tree: markdown.tree, shape: 'markdown', ...read, ...notes(markdown.notes) };
      if (looksLikeHtml(parsed.content)) return { ...html(parsed.content), shape: 'hexo-html', ...read };
      return { tree: readText(parsed.content), shape: 'hexo-text', ...read };
    }
    const warning = parsed.problem === 'not a YAML mapping' ? 'front matter is not a YAML mapping; read the whole file as text' : `front matter is not valid YAML (${parsed.problem}); read the whole file as ${looksLikeHtml(body) ? 'HTML' : 'text'}`;
    if (looksLikeHtml(body)) return { ...html(body), shape: 'html', frontMatter: {}, warning };
    return { tree: readText(body), shape: 'text', frontMatter: {}, warning };
  }
  if (looksLikeHtml(body)) return { ...html(body), shape: 'html', frontMatter: {} };
  return { tree: readText(body), shape: 'text', frontMatter: {} };
}

function html(text: string): { tree: Root; notes?: string[] } {
  const read = readHtml(text);
  return { tree: read.tree, ...notes(read.notes) };
}

function notes(list: string[]): { notes?: string[] } {
  return list.length ? { notes: list } : {};
}

export function applyShape(state: IngestState, shaped: ShapedCapture): void {
  state.shape = shaped.shape;
  state.frontMatter = shaped.frontMatter;
}
