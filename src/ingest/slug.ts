import { pinyin } from 'pinyin-pro';

const MAX_WORDS = 8;
const MAX_LENGTH = 50;
let segmenter: Intl.Segmenter | undefined;

/**
 * An ASCII slug for an article URL, from its title: the first words in toneless pinyin, joined by
 * hyphens (湖南调度疫情防控工作 → hunan-diaodu-yiqing-fangkong-gongzuo). Only [a-z0-9-] can come out,
 * so a hostile title (../../x, slashes, markup) cannot leave the articles folder; a title with no
 * usable characters yields `article`. Ingest keeps a slug once given (see the manifest), so a URL
 * stays stable when the title reading improves.
 */
export function slugFromTitle(title: string): string {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const words: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(title.normalize('NFKC'))) {
    if (!isWordLike) continue;
    const word = /\p{Script=Han}/u.test(segment)
      ? pinyin(segment, { toneType: 'none', type: 'array', nonZh: 'removed', v: true }).join('')
      : segment.toLowerCase();
    const ascii = word.normalize('NFKD').replace(/[^a-z0-9]/gi, '').toLowerCase();
    if (ascii) words.push(ascii);
    if (words.length >= MAX_WORDS) break;
  }
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_LENGTH) break;
    slug = next;
  }
  return slug || (words[0]?.slice(0, MAX_LENGTH) ?? '') || 'article';
}
