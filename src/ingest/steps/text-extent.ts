import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { blocks, dataOf, isMenuLine, textOf } from '../blocks.ts';
import type { IngestState } from '../types.ts';

const HEADLINE_MAX = 80;
/** Headlines run to ten characters and more; a site's name or a menu item is shorter. */
const HEADLINE_MIN = 10;
const MENU_ITEM_MAX = 6;

/**
 * Finds where the article begins and ends on a page saved as text from a browser, where the
 * markup that tells a menu from an article is gone: every link of the navigation, the site's
 * name, related links and the footer are lines like any other. Runs after the furniture lines
 * have gone, so what it sees is what no rule knew:
 * - the article's text runs from its first line of prose (a sentence's end punctuation) to its
 *   last; its headline is the first line before that prose that reads as one (without a
 *   sentence's end, HEADLINE_MIN characters or more, not followed by a menu's items), and what
 *   precedes the headline is the page's chrome;
 * - lines after the last prose that are not prose (related links, lists of titles) are the
 *   page's too, except photos and their credited captions.
 * A post with front matter has its title there and no chrome above its text: only its tail is
 * looked at. Every removal is in the audit report; prose removed is also in the fidelity notes.
 */
export const trimTextPage: Plugin<[], Root> = () => (tree, file) => {
  const state = file.data.ingest!;
  if (state.shape !== 'text' && state.shape !== 'hexo-text') return;
  const list = blocks(tree);
  const first = list.findIndex(isProse);
  if (first < 0) return;
  let last = list.length - 1;
  while (last > first && !isProse(list[last]!)) last--;

  let start = 0;
  if (state.shape === 'text') {
    const candidates = list.slice(0, first).flatMap((block, index) => (block.tagName === 'p' && readsAsHeadline(textOf(block).trim()) ? [index] : []));
    // A headline is followed by the article (or its deck, or a byline), not by a menu's items.
    const menuItem = (block: Element | undefined) => block !== undefined && block.tagName === 'p' && !isProse(block) && [...textOf(block).trim()].length <= MENU_ITEM_MAX;
    const beforeMenu = (index: number) => menuItem(list[index + 1]) && menuItem(list[index + 2]);
    const headline = candidates.find((index) => [...textOf(list[index]!).trim()].length >= HEADLINE_MIN && !beforeMenu(index)) ?? candidates[0];
    start = headline ?? first;
  }
  const before = list.slice(0, start);
  const after = list.slice(last + 1).filter((block) => block.tagName === 'p' && !/摄(影)?[。.]?$/u.test(textOf(block).trim()));
  if (!before.length && !after.length) return;
  record(state, before, '标题之前的页面内容（站名、导航）');
  record(state, after, '正文之后的页面内容（相关链接等）');
  tree.children = list.filter((block, index) => index >= start && !after.includes(block));
};

/** A line that holds a sentence: its end punctuation, after a few Chinese characters. */
function isProse(block: Element): boolean {
  if (block.tagName !== 'p') return false;
  const text = textOf(block).trim();
  return /[。！？]/u.test(text) && (text.match(/\p{Script=Han}/gu)?.length ?? 0) >= 4;
}

/** Short, without a sentence's end, not a deck of spaced phrases (抓早抓小 防患未然 迅速反应) nor a menu. */
function readsAsHeadline(text: string): boolean {
  const length = [...text].length;
  if (length > HEADLINE_MAX || /[。！？]$/u.test(text) || !/\p{Script=Han}/u.test(text) || isMenuLine(text)) return false;
  return !/^——/u.test(text) && !/\p{Script=Han}{2,}(\s+\p{Script=Han}{2,}){2,}/u.test(text);
}

function record(state: IngestState, removed: Element[], label: string): void {
  let prose = 0;
  for (const block of removed) {
    const text = dataOf(block).raw ?? textOf(block).trim();
    if (!text) continue;
    state.ledger.push({ step: 'furniture', action: 'removed', rule: 'text-extent/outside', label, text });
    if (isProse(block)) prose++;
  }
  if (prose) state.fidelity.push(`正文之外有 ${prose} 行成句的文字（${label}）未收入正文，原文见整理记录。`);
}
