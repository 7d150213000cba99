import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { blocks, setText, textOf } from '../blocks.ts';

const HAN = '\\p{Script=Han}';
const CJK_PUNCT = '“”‘’。，、；：？！（）《》〈〉「」『』【】…—';
const NEAR = `[${HAN}${CJK_PUNCT}]`;

/** Half-width marks set in full width when they stand in Chinese text, as Chinese typesetting does. */
const WIDTHS: [RegExp, string, string][] = [
  [new RegExp(`(?<=${NEAR}),\\s*|,\\s*(?=${NEAR})`, 'gu'), '，', ','],
  [new RegExp(`(?<=${NEAR});\\s*|;\\s*(?=${NEAR})`, 'gu'), '；', ';'],
  [new RegExp(`(?<=${NEAR}):\\s*(?!\\d)|(?<!\\d):\\s*(?=${NEAR})`, 'gu'), '：', ':'],
  [new RegExp(`(?<=${NEAR})\\?(?!\\?)`, 'gu'), '？', '?'],
  [new RegExp(`(?<=${NEAR})!(?!!)`, 'gu'), '！', '!'],
];
// Innermost pairs; whether the inside is Chinese is asked of each pair found. (Asking it in the
// pattern, `[^()]*${HAN}[^()]*`, made a `(` without its `)` cost the square of the line.)
const PARENTHESES = /\(([^()]*)\)/gu;
const HAS_HAN = new RegExp(HAN, 'u');

/**
 * Typographic normalisation, never a change of wording: half-width commas, colons, semicolons,
 * question and exclamation marks and parentheses that stand in Chinese text are set full width
 * (several captured sites had swapped them), ornaments leading a paragraph (☆) are dropped, and
 * runs of spaces become one. The counts go to the audit report and the fidelity notes.
 */
export function normalizeTypography(text: string): { text: string; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  const count = (from: string, to: string) => counts.set(`${from}→${to}`, (counts.get(`${from}→${to}`) ?? 0) + 1);
  let out = text;
  for (const [pattern, to, from] of WIDTHS) {
    if (!out.includes(from)) continue; // the look-behind patterns are slow; most text has none
    out = out.replace(pattern, () => {
      count(from, to);
      return to;
    });
  }
  if (out.includes('(')) out = out.replace(PARENTHESES, (pair: string, inner: string) => {
    if (!HAS_HAN.test(inner)) return pair;
    count('()', '（）');
    return `（${inner}）`;
  });
  // Ornaments that lead a paragraph (☆ marks a lead on some sites) are layout, not text.
  out = out.replace(/^[☆★■▲△●◆◇▌]+\s*/u, (ornament) => {
    count(ornament.trim(), '（删除段首装饰符号）');
    return '';
  });
  out = out.replace(/[ \u00A0]{2,}/g, (spaces) => {
    count('多个空格', '一个空格');
    return ' ';
  });
  return { text: out.trim(), counts };
}

export const normalizePunctuation: Plugin<[], Root> = () => (tree, file) => {
  const state = file.data.ingest!;
  const totals = new Map<string, number>();
  for (const block of blocks(tree)) {
    const text = textOf(block);
    const result = normalizeTypography(text);
    if (result.text !== text) setText(block, result.text);
    for (const [key, value] of result.counts) totals.set(key, (totals.get(key) ?? 0) + value);
  }
  for (const [change, count] of [...totals].sort(([a], [b]) => (a < b ? -1 : 1))) {
    state.ledger.push({ step: 'typography', action: 'normalized', label: '标点与空格规范', text: change, count });
  }
};
