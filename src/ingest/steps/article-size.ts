import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { blocks, textOf } from '../blocks.ts';
import { CaptureError } from '../types.ts';

/** What one article page may hold: far beyond any report or full document text. */
export interface ArticleLimits {
  /** Paragraphs, headings and photos together. */
  blocks: number;
  /** Characters of text (code points). */
  characters: number;
}

export const ARTICLE_LIMITS: ArticleLimits = { blocks: 10_000, characters: 300_000 };

/**
 * Refuses, in one line, an article too long for one page. Every part of the site holds an
 * article whole (its page in two editions, its search postings, feeds and downloads), so a
 * capture of hundreds of thousands of paragraphs — a whole forum dump, a log saved as a page —
 * would take the site's time and memory past what one capture may cost. Its text is not cut: a
 * truncated article would misquote its source, so the capture is refused with its size, and the
 * archivist can split it into captures of their own.
 */
export const refuseOversizedArticle: Plugin<[ArticleLimits?], Root> = (limits = ARTICLE_LIMITS) => (tree, file) => {
  const state = file.data.ingest!;
  const list = blocks(tree);
  let characters = 0;
  for (const block of list) characters += codePoints(textOf(block));
  if (list.length <= limits.blocks && characters <= limits.characters) return;
  throw new CaptureError(
    state.capture.path,
    `the article is too long for one page (${list.length.toLocaleString('en')} paragraphs, ${characters.toLocaleString('en')} characters; ` +
      `at most ${limits.blocks.toLocaleString('en')} paragraphs and ${limits.characters.toLocaleString('en')} characters); split the capture`,
  );
};

function codePoints(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0xd800 || unit > 0xdbff) count++;
  }
  return count;
}
