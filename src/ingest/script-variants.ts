import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';

/**
 * Chinese scripts and their regional variants: which one a text is written in, and conversion to
 * mainland Simplified with the OpenCC configuration that matches it. Hong Kong Traditional writes
 * 衞, 綫, 説, 温 where Taiwan writes 衛, 線, 說, 溫: Taiwan's configuration leaves the Hong Kong
 * forms unconverted (国家衞健委), so a Hong Kong text needs Hong Kong's, and whatever variant is
 * left after either is converted character by character with the other.
 *
 * Vocabulary is not converted (資訊 stays 资讯, not 信息; 軟體 stays 软体): the archive keeps the
 * words the outlet used, and converts only how they are written (twp, OpenCC's phrase
 * configuration, is deliberately not used).
 */

export type Variant = 'hk' | 'tw';

const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });
const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' });
// OpenCC's own Traditional, to see which characters each region writes its own way.
const hongKongToStandard = OpenCC.Converter({ from: 'hk', to: 't' });
const taiwanToStandard = OpenCC.Converter({ from: 'tw', to: 't' });

const SEPARATOR = '\u0000';

interface CharacterTables {
  /** 1 at the UTF-16 codes that either conversion to Simplified changes on their own. */
  converted: Uint8Array;
  /** 1 at the codes of Traditional or variant characters: no mainland text should hold them. */
  variant: Uint8Array;
  /** 1 at the codes of forms only Hong Kong writes (衞, 綫, 説, 温, 户). */
  hongKong: Uint8Array;
}

let tables: CharacterTables | undefined;

/**
 * The character tables, taken once from OpenCC itself (so they cannot disagree with the
 * conversion) over the CJK blocks where news text lives. A character is a Traditional or variant
 * form when a conversion to Simplified changes it and it is not one of the 6,763 characters of
 * GB 2312, the mainland's standard set (which keeps 乾, 後, 於, 著 for the words that need them).
 */
function characterTables(): CharacterTables {
  if (tables) return tables;
  const chars: string[] = [];
  for (let code = 0x3400; code <= 0x9fff; code++) chars.push(String.fromCharCode(code));
  const joined = chars.join(SEPARATOR);
  const taiwan = fromTaiwan(joined).split(SEPARATOR);
  const hongKong = fromHongKong(joined).split(SEPARATOR);
  tables = { converted: new Uint8Array(0x10000), variant: new Uint8Array(0x10000), hongKong: new Uint8Array(0x10000) };
  const changed = chars.filter((char, index) => taiwan[index] !== char || hongKong[index] !== char);
  // Only characters a conversion changes can be Hong Kong's own forms: the rest need no look.
  const standard = hongKongToStandard(changed.join(SEPARATOR)).split(SEPARATOR);
  const taiwanStandard = taiwanToStandard(changed.join(SEPARATOR)).split(SEPARATOR);
  changed.forEach((char, index) => {
    const code = char.charCodeAt(0);
    tables!.converted[code] = 1;
    if (inGb2312(char)) return;
    tables!.variant[code] = 1;
    if (standard[index] !== char && taiwanStandard[index] === char) tables!.hongKong[code] = 1;
  });
  return tables;
}

/** Whether a Han character is one of GB 2312's (its GBK code lies in GB 2312's Han rows). */
function inGb2312(char: string): boolean {
  const bytes = iconv.encode(char, 'gbk');
  return bytes.length === 2 && bytes[0]! >= 0xb0 && bytes[0]! <= 0xf7 && bytes[1]! >= 0xa1 && bytes[1]! <= 0xfe;
}

/** Whether a text holds a character that conversion to Simplified would change. */
export function hasTraditional(text: string): boolean {
  const { converted } = characterTables();
  for (let i = 0; i < text.length; i++) if (converted[text.charCodeAt(i)]) return true;
  return false;
}

/** The Traditional or variant characters of a text, each once, in order of first appearance. */
export function variantCharacters(text: string): string[] {
  const { variant } = characterTables();
  let found: Set<string> | undefined;
  for (let i = 0; i < text.length; i++) if (variant[text.charCodeAt(i)]) (found ??= new Set()).add(text[i]!);
  return found ? [...found] : [];
}

/** How many characters of a text are forms only Hong Kong writes. */
export function hongKongForms(text: string): number {
  const { hongKong } = characterTables();
  let count = 0;
  for (let i = 0; i < text.length; i++) if (hongKong[text.charCodeAt(i)]) count++;
  return count;
}

/**
 * A text in mainland Simplified: converted with the configuration of its region (Taiwan's, which
 * also covers the mainland's own Traditional pages, unless the text is Hong Kong's), then every
 * variant left converted on its own with the other region's. Text without a character either
 * conversion changes is returned as it is.
 */
export function simplified(text: string, variant: Variant = 'tw'): string {
  if (!hasTraditional(text)) return text;
  const converted = (variant === 'hk' ? fromHongKong : fromTaiwan)(text);
  const left = variantCharacters(converted);
  if (!left.length) return converted;
  const other = variant === 'hk' ? fromTaiwan : fromHongKong;
  const table = new Map(left.map((char) => [char, other(char)]));
  return converted.replace(/[\u3400-\u9fff]/gu, (char: string) => table.get(char) ?? char);
}

/**
 * Each text in mainland Simplified, as `simplified` gives it, with one conversion for all of them:
 * opencc-js pays for every call, and a page's lines are many and short. The texts are joined by a
 * character no dictionary entry holds, so that no phrase is matched across two of them.
 */
export function simplifiedEach(texts: string[], variant: Variant = 'tw'): string[] {
  const at: number[] = [];
  texts.forEach((text, index) => {
    if (hasTraditional(text)) at.push(index);
  });
  if (!at.length) return texts;
  const out = [...texts];
  if (at.length === 1 || at.some((index) => texts[index]!.includes(SEPARATOR))) {
    for (const index of at) out[index] = simplified(texts[index]!, variant);
    return out;
  }
  const converted = simplified(at.map((index) => texts[index]!).join(SEPARATOR), variant).split(SEPARATOR);
  at.forEach((index, position) => {
    out[index] = converted[position]!;
  });
  return out;
}

/** Above this share of changed characters a text is Traditional (a Traditional news text: ~20%). */
const TRADITIONAL_SHARE = 0.03;

/**
 * Whether a text is Traditional: Simplified text is left almost unchanged by conversion (a
 * variant such as 著 may change), a Traditional text changes in a large share of its characters.
 */
export function isTraditional(text: string, converted: string): boolean {
  const han = countHan(text);
  return han > 0 && countChanged(text, converted) / han > TRADITIONAL_SHARE;
}

/** Han characters of the basic block and extension A (where news text lives). */
function countHan(text: string): number {
  let han = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) han++;
  }
  return han;
}

/** Characters that differ between a text and its conversion (opencc keeps length for Han text). */
export function countChanged(a: string, b: string): number {
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
