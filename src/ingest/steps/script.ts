import type { Root } from 'hast';
import * as OpenCC from 'opencc-js';
import type { Plugin } from 'unified';
import { blocks, setText, textOf } from '../blocks.ts';
import type { Script } from '../types.ts';

// Taiwan-standard input covers the variant forms (著力 → 着力) that mainland Traditional pages share.
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

export function simplified(text: string): string {
  return hasTraditional(text) ? toSimplified(text) : text;
}

/** 1 at the UTF-16 codes of the characters opencc changes on their own. */
let traditional: Uint8Array | undefined;

/**
 * Whether a text holds any character that opencc changes on its own (about 3,200 of the CJK
 * blocks): without one, conversion returns the text unchanged, so most Simplified captures skip
 * it. The set is taken from opencc itself, once, so it cannot disagree with the conversion.
 */
export function hasTraditional(text: string): boolean {
  if (!traditional) {
    const chars: string[] = [];
    for (let code = 0x3400; code <= 0x9fff; code++) chars.push(String.fromCharCode(code));
    const converted = toSimplified(chars.join(SEPARATOR)).split(SEPARATOR);
    traditional = new Uint8Array(0x10000);
    chars.forEach((char, index) => {
      if (converted[index] !== char) traditional![char.charCodeAt(0)] = 1;
    });
  }
  for (let i = 0; i < text.length; i++) if (traditional[text.charCodeAt(i)]) return true;
  return false;
}

/**
 * Which script a text is written in. Simplified text is left almost unchanged by conversion to
 * Simplified (a variant such as 著 may change); a Traditional text changes in a large share of
 * its characters. One conversion is enough to tell, where comparing both directions costs two.
 */
export function detectScript(text: string, converted = toSimplified(text)): Script {
  const han = countHan(text);
  return han > 0 && countChanged(text, converted) / han > TRADITIONAL_SHARE ? 'zh-Hant' : 'zh-Hans';
}

/** Han characters of the basic block and extension A (where news text lives), counted fast. */
function countHan(text: string): number {
  let han = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) han++;
  }
  return han;
}

/** Above this share of changed characters a text is Traditional (a Traditional news text: ~20%). */
const TRADITIONAL_SHARE = 0.03;

/** Characters that differ between a text and its conversion (opencc keeps length for Han text). */
function countChanged(a: string, b: string): number {
  if (a.length !== b.length) {
    const left = [...a];
    const right = [...b];
    let changed = Math.abs(left.length - right.length);
    for (let i = 0; i < Math.min(left.length, right.length); i++) if (left[i] !== right[i]) changed++;
    return changed;
  }
  let changed = 0;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) changed++;
  return changed;
}

/**
 * Records the capture's script and converts every block to Simplified with opencc-js, so that
 * the archive is searched and tagged in one script; the site makes the Traditional edition back
 * from it. The Hexo front matter's title is converted with the text.
 */
export const convertToSimplified: Plugin<[], Root> = () => (tree, file) => {
  const state = file.data.ingest!;
  const list = blocks(tree);
  // One conversion of all the text (blocks joined by a character opencc leaves alone) costs far
  // less than one per block, and the same result tells the original script.
  const texts = list.map(textOf);
  const all = texts.join(SEPARATOR);
  if (!hasTraditional(all) && !hasTraditional(String(state.frontMatter.title ?? ''))) {
    // Nothing opencc would change: the text is Simplified already, and conversion would be idle.
    state.originalScript = 'zh-Hans';
    return;
  }
  const converted = toSimplified(all);
  state.originalScript = detectScript(all, converted);
  const convertedTexts = converted.split(SEPARATOR);
  const changed = convertedTexts.length === texts.length ? countChanged(all, converted) : 0;
  list.forEach((block, index) => {
    const text = convertedTexts.length === texts.length ? convertedTexts[index]! : toSimplified(texts[index]!);
    if (text !== texts[index]) setText(block, text);
    const data = block.data as { image?: string } | undefined;
    if (data?.image) data.image = toSimplified(data.image);
  });
  if (typeof state.frontMatter.title === 'string') state.frontMatter.title = toSimplified(state.frontMatter.title);
  if (changed) {
    state.ledger.push({ step: 'script', action: 'converted', label: `繁体转简体（opencc-js）`, count: changed });
  }
};

const SEPARATOR = '\u0000';
