import type { Root } from 'hast';
import { decodeHTML } from 'entities';
import type { Plugin } from 'unified';
import { blocks, setText, textOf } from '../blocks.ts';
import { removeSpelledMarkup, spelledLabel } from '../spelled-markup.ts';
import type { LedgerEntry } from '../types.ts';

const ENTITY = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi;
const PRIVATE_USE = /[\uE000-\uF8FF]/gu;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/gu;

/**
 * Cleans what markup left behind in text: tags that were saved as text (a `</p>` after a repaired
 * quote) and other markup spelled as text, even escaped (spelled-markup.ts), character references
 * in plain-text captures (&nbsp;), characters from the encodings'
 * private-use areas (no font shows them; they are debris of a damaged conversion) and zero-width
 * characters. Each removal is recorded; U+FFFD is kept, because it marks text that is lost.
 */
export function cleanRemnants(text: string, decodeEntities: boolean): { text: string; entries: LedgerEntry[] } {
  const entries: LedgerEntry[] = [];
  let out = text;
  // Decode first, so that markup hidden in references (&lt;script&gt;) is found with the rest.
  if (decodeEntities) {
    out = out.replace(ENTITY, (entity) => {
      const decoded = decodeHTML(entity);
      if (decoded === entity) return entity;
      entries.push({ step: 'remnants', action: 'repaired', rule: 'remnants/entity', label: '字符实体还原为字符', before: entity, after: decoded });
      return decoded;
    });
  }
  const spelled = removeSpelledMarkup(out);
  out = spelled.text;
  for (const tag of spelled.removed) {
    entries.push({ step: 'remnants', action: 'removed', rule: 'remnants/tag', label: spelledLabel(tag), text: tag });
  }
  out = out.replace(PRIVATE_USE, (char) => {
    entries.push({ step: 'remnants', action: 'removed', rule: 'remnants/private-use', label: '私用区字符（无字形，转换残留）', text: `U+${char.codePointAt(0)!.toString(16).toUpperCase()}` });
    return '';
  });
  out = out.replace(INVISIBLE, (char) => {
    entries.push({ step: 'remnants', action: 'removed', rule: 'remnants/invisible', label: '零宽字符', text: `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` });
    return '';
  });
  return { text: out, entries };
}

export const cleanMarkupRemnants: Plugin<[], Root> = () => (tree, file) => {
  const state = file.data.ingest!;
  const plainText = state.shape === 'text' || state.shape === 'hexo-text';
  for (const block of blocks(tree)) {
    const text = textOf(block);
    const result = cleanRemnants(text, plainText);
    if (result.text !== text) setText(block, result.text);
    // One by one: spread into push, a capture's hundred thousand entries overflow the call stack.
    for (const entry of result.entries) state.ledger.push(entry);
  }
  tree.children = blocks(tree).filter((block) => block.tagName === 'figure' || textOf(block).trim() !== '');
};
