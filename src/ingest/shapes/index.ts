import type { Root } from 'hast';
import matter from 'gray-matter';
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
    let parsed: matter.GrayMatterFile<string> | undefined;
    let warning: string | undefined;
    try {
      // Passing options turns off gray-matter's cache, which would otherwise keep every capture.
      parsed = matter(body, {});
    } catch (error) {
      warning = `front matter is not valid YAML (${yamlProblem(error)}); read the whole file as ${looksLikeHtml(body) ? 'HTML' : 'text'}`;
    }
    if (parsed && isRecord(parsed.data)) {
      const html = looksLikeHtml(parsed.content);
      return {
        tree: html ? readHtml(parsed.content) : readText(parsed.content),
        shape: html ? 'hexo-html' : 'hexo-text',
        frontMatter: parsed.data,
        frontMatterSource: parsed.matter,
      };
    }
    warning ??= 'front matter is not a YAML mapping; read the whole file as text';
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

function yamlProblem(error: unknown): string {
  const mark = (error as { mark?: { line?: number } }).mark;
  const reason = (error as { reason?: string }).reason ?? String(error instanceof Error ? error.message : error).split('\n')[0];
  return typeof mark?.line === 'number' ? `line ${mark.line + 2}: ${reason}` : String(reason);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}
