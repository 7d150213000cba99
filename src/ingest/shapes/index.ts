import type { Root } from 'hast';
import { readFrontMatter } from '../front-matter.ts';
import type { IngestState, Shape } from '../types.ts';
import { looksLikeHtml, readHtml } from './html.ts';
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
}

/**
 * Recognises which of the known raw shapes a capture has and parses it into one tree, so that
 * every later step works on the same kind of input whatever the source looked like.
 *
 * - hexo-html / hexo-text: a Hexo post, YAML front matter between `---` lines, then an HTML or
 *   plain-text body (blogs that mirror news sites save pages this way)
 * - html: a saved web page or fragment
 * - text: a page saved or copied as plain text, one block per line
 */
export function shapeCapture(text: string): ShapedCapture {
  // Some mirrors save a blank line before the opening `---`; it is still front matter.
  const body = text.replace(/^\uFEFF/, '').replace(/^(?:[ \t]*\n)+(?=---[ \t]*\n)/, '');
  if (/^---[ \t]*\n/.test(body) && /\n---[ \t]*(\n|$)/.test(body)) {
    const parsed = readFrontMatter(body);
    if (parsed.data) {
      const html = looksLikeHtml(parsed.content);
      return {
        tree: html ? readHtml(parsed.content) : readText(parsed.content),
        shape: html ? 'hexo-html' : 'hexo-text',
        frontMatter: parsed.data,
        ...(parsed.source !== undefined ? { frontMatterSource: parsed.source } : {}),
        ...(parsed.replaced ? { frontMatterReplaced: parsed.replaced } : {}),
      };
    }
    const warning = parsed.problem === 'not a YAML mapping' ? 'front matter is not a YAML mapping; read the whole file as text' : `front matter is not valid YAML (${parsed.problem}); read the whole file as ${looksLikeHtml(body) ? 'HTML' : 'text'}`;
    const html = looksLikeHtml(body);
    return { tree: html ? readHtml(body) : readText(body), shape: html ? 'html' : 'text', frontMatter: {}, warning };
  }
  if (looksLikeHtml(body)) return { tree: readHtml(body), shape: 'html', frontMatter: {} };
  return { tree: readText(body), shape: 'text', frontMatter: {} };
}

export function applyShape(state: IngestState, shaped: ShapedCapture): void {
  state.shape = shaped.shape;
  state.frontMatter = shaped.frontMatter;
}
