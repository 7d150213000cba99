import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { blocks, dataOf, figure, SENTENCE_END, setCaption, textOf } from '../blocks.ts';
import type { ArchiveData } from '../data.ts';
import { addUnique } from '../fields.ts';

/** A photo credit closes the caption: 湖南日报记者 罗新国 摄 / 陈艳摄 / 通讯员 摄。 */
const CREDIT = /摄(影)?[。.]?$/u;
const CAPTION_MAX = 150;
/**
 * A caption without a credit is one short sentence; a longer one right after a photo is the lead
 * under a banner image (WeChat articles open with one).
 */
const AFTER_PHOTO_MAX = 60;

/**
 * Tells photo captions from body text and attaches each to its photo (a placeholder: no photo was
 * archived), so that the site shows them as captions and never as paragraphs. A paragraph is a
 * caption when
 * - it ends with a photo credit (……湖南日报记者 罗新国 摄);
 * - it follows a photo and is one short sentence (AFTER_PHOTO_MAX), unless the page indents body
 *   paragraphs and this one is indented like them (a county site puts body text right under its
 *   photos);
 * - it is one of the short stand-alone forms in captions.yaml (许达哲讲话。 会议现场。);
 * - it is one sentence that leads into another caption and opens a group: right after a heading,
 *   a photo or a wide gap (captions stacked under a section heading).
 * The photographers a credit names are added to the article's metadata.
 */
export const markCaptions: Plugin<[ArchiveData], Root> = (data) => (tree, file) => {
  const state = file.data.ingest!;
  const list = blocks(tree);
  const bodyIndent = usualIndent(list);
  const indentedLikeBody = (block: Element) => bodyIndent !== undefined && bodyIndent > 0 && dataOf(block).indent === bodyIndent;
  const isCaption = (block: Element | undefined) => block !== undefined && block.tagName === 'p' && dataOf(block).kind === 'caption';

  list.forEach((block, index) => {
    if (block.tagName !== 'p' || dataOf(block).kind) return;
    const text = textOf(block).trim();
    const length = [...text].length;
    const previous = list[index - 1];
    const afterPhoto = previous?.tagName === 'figure' && previous.children.length === 0;
    if (
      (CREDIT.test(text) && length <= CAPTION_MAX) ||
      (afterPhoto && length <= AFTER_PHOTO_MAX && oneSentence(text) && !indentedLikeBody(block)) ||
      (data.captionForms.some((form) => form.test(text)) && !indentedLikeBody(block))
    ) {
      dataOf(block).kind = 'caption';
    }
  });
  // Captions come in groups: a sentence leading straight into a caption, after a gap, is one too.
  for (let index = list.length - 1; index >= 0; index--) {
    const block = list[index]!;
    if (block.tagName !== 'p' || dataOf(block).kind) continue;
    const text = textOf(block).trim();
    const previous = list[index - 1];
    // Only at the head of a group: a caption just before would make this the body it introduces.
    const opensGroup = !previous || (previous.tagName === 'figure' && previous.children.length === 0) || headingLike(previous) || (dataOf(block).blankBefore ?? 0) >= 2;
    if (isCaption(list[index + 1]) && [...text].length <= 60 && oneSentence(text) && opensGroup && !indentedLikeBody(block)) {
      dataOf(block).kind = 'caption';
    }
  }

  const out: Element[] = [];
  let captions = 0;
  for (const block of list) {
    if (!isCaption(block)) {
      out.push(block);
      continue;
    }
    captions++;
    const text = textOf(block).trim();
    addUnique(state.meta.photographers, photographer(text));
    const last = out[out.length - 1];
    if (last?.tagName === 'figure' && last.children.length === 0) setCaption(last, text);
    else out.push(figure(undefined, text));
  }
  tree.children = out;
  if (captions) state.ledger.push({ step: 'captions', action: 'moved', label: '图片说明（标为图注）', count: captions });
};

function oneSentence(text: string): boolean {
  const ends = text.match(/[。！？]/gu) ?? [];
  return ends.length <= 1 || (ends.length === 2 && CREDIT.test(text));
}

export function headingLike(block: Element | undefined): boolean {
  if (!block) return false;
  if (block.tagName === 'h2' || block.tagName === 'h3') return true;
  if (block.tagName !== 'p' || dataOf(block).kind) return false;
  const text = textOf(block).trim();
  return [...text].length <= 40 && !SENTENCE_END.test(text) && !CREDIT.test(text) && /\p{Script=Han}/u.test(text);
}

/** The indentation most long paragraphs of a text capture share (undefined for HTML). */
function usualIndent(list: Element[]): number | undefined {
  const counts = new Map<number, number>();
  for (const block of list) {
    const indent = dataOf(block).indent;
    if (block.tagName !== 'p' || indent === undefined || [...textOf(block)].length < 60) continue;
    counts.set(indent, (counts.get(indent) ?? 0) + 1);
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [indent, count] of [...counts].sort(([a], [b]) => a - b)) {
    if (count > bestCount) {
      best = indent;
      bestCount = count;
    }
  }
  return best;
}

export function photographer(caption: string): string[] {
  const credited = /(?:记者|通讯员|摄影)\s*(\p{Script=Han}{2,3})\s*摄(影)?[。.]?$/u.exec(caption) ?? /(?:^|[\s。，、])(\p{Script=Han}{2,3})\s*摄(影)?[。.]?$/u.exec(caption);
  const name = credited?.[1];
  return name && !/^(记者|通讯员|本报|本网)$/u.test(name) ? [name] : [];
}
