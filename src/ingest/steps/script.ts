import type { Root } from 'hast';
import * as OpenCC from 'opencc-js';
import type { Plugin } from 'unified';
import { blocks, setText, textOf } from '../blocks.ts';
import type { Script } from '../types.ts';

// Taiwan-standard input covers the variant forms (著力 → 着力) that mainland Traditional pages share.
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

export function simplified(text: string): string {
  return toSimplified(text);
}

/**
 * Which script a text is written in: the one whose characters change least when converted to
 * the other. A Simplified text keeps almost all characters under Traditional→Simplified.
 */
export function detectScript(text: string): Script {
  const han = [...text].filter((char) => /\p{Script=Han}/u.test(char)).join('');
  if (!han) return 'zh-Hans';
  const traditionalOnly = countChanged(han, toSimplified(han));
  const simplifiedOnly = countChanged(han, toTraditional(han));
  return traditionalOnly > simplifiedOnly ? 'zh-Hant' : 'zh-Hans';
}

function countChanged(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let changed = 0;
  for (let i = 0; i < left.length; i++) if (left[i] !== right[i]) changed++;
  return changed;
}

/**
 * Records the capture's script and converts every block to Simplified with opencc-js, so that
 * the archive is searched and tagged in one script; the site makes the Traditional edition back
 * from it. The Hexo front matter's title is converted with the text.
 */
export const convertToSimplified: Plugin<[], Root> = () => (tree, file) => {
  const state = file.data.ingest!;
  const all = blocks(tree).map(textOf).join('\n');
  state.originalScript = detectScript(all);
  let changed = 0;
  for (const block of blocks(tree)) {
    const text = textOf(block);
    const converted = toSimplified(text);
    if (converted !== text) {
      changed += countChanged(text, converted);
      setText(block, converted);
    }
    const image = (block.data as { image?: string } | undefined)?.image;
    if (image) (block.data as { image?: string }).image = toSimplified(image);
  }
  if (typeof state.frontMatter.title === 'string') state.frontMatter.title = toSimplified(state.frontMatter.title);
  if (changed) {
    state.ledger.push({ step: 'script', action: 'converted', label: `繁体转简体（opencc-js）`, count: changed });
  }
};
