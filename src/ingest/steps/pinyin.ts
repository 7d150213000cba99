import type { Root } from 'hast';
import { pinyin } from 'pinyin-pro';
import type { Plugin } from 'unified';
import { blocks, setText, textOf } from '../blocks.ts';

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
const ANNOTATION = new RegExp(`(?<=(\\p{Script=Han}))\\(([a-zü${TONED}]{1,7})\\)`, 'gu');

/**
 * Removes pinyin glued after characters by a reading-aid plugin on the captured site:
 * 醫(yī)學 → 醫學, 發(fā)布 → 發布. An annotation is removed only when it is a syllable right after a
 * Han character and either carries a tone mark or is a reading pinyin-pro gives that character,
 * so a parenthesised Latin word in a sentence stays. Counted per annotation in the audit report.
 */
export function stripPinyin(text: string): { text: string; removed: Map<string, number> } {
  const removed = new Map<string, number>();
  const out = text.replace(ANNOTATION, (whole, character: string, syllable: string) => {
    const toned = [...syllable].some((char) => TONED.includes(char));
    if (!toned && !pinyin(character, { multiple: true, type: 'array', toneType: 'none' }).includes(syllable)) return whole;
    const key = `${character}${whole}`;
    removed.set(key, (removed.get(key) ?? 0) + 1);
    return '';
  });
  return { text: out, removed };
}

export const stripPinyinAnnotations: Plugin<[], Root> = () => (tree, file) => {
  const state = file.data.ingest!;
  const totals = new Map<string, number>();
  for (const block of blocks(tree)) {
    const text = textOf(block);
    if (!text.includes('(')) continue;
    const result = stripPinyin(text);
    if (!result.removed.size) continue;
    setText(block, result.text);
    for (const [key, count] of result.removed) totals.set(key, (totals.get(key) ?? 0) + count);
  }
  for (const [annotation, count] of [...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    state.ledger.push({ step: 'pinyin', action: 'removed', label: '字后所附拼音', text: annotation, count });
  }
};
