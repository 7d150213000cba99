import iconv from 'iconv-lite';

/**
 * The evidence every mojibake rule weighs: what kind of character each code unit is, and how much
 * a run of them reads like Chinese prose. Mojibake is told from prose by what it is made of:
 * Chinese news text is nearly all frequent characters (GB2312 level 1 for Simplified, Big5 level 1
 * for Traditional) and Chinese punctuation, while a wrong decoding yields rare characters, Latin-1
 * letters, C1 control characters, private-use characters, kana, Greek, Cyrillic and box-drawing
 * pieces, and U+FFFD. The class of every BMP code unit is looked up in one table, so that the check
 * on clean text costs one array read per character.
 */
export const enum CharClass {
  Ascii = 0,
  /** A frequent Han character: GB2312 level 1 or Big5 level 1. */
  CommonHan = 1,
  /** Any other Han character (level 2, extension A, compatibility ideographs). */
  RareHan = 2,
  /** Punctuation of Chinese prose (，。、“”…—·) and the ideographic space. */
  ChinesePunctuation = 3,
  /** Other CJK symbols and full-width letters and digits: neither for nor against. */
  NeutralSymbol = 4,
  /** Latin-1 letters and signs, U+00A0–U+00FF (outside a handful that Chinese text uses). */
  Latin1 = 5,
  /** The Windows-1252 signs of bytes 0x80–0x9F that Chinese prose does not use (€ ƒ † ‰ Š – …). */
  Windows1252 = 6,
  /** C1 control characters U+0080–U+009F: bytes a Latin-1 reading turned into invisible controls. */
  C1Control = 7,
  PrivateUse = 8,
  Replacement = 9,
  /** Half of a character outside the BMP (emoji, extension B): never the product of a GBK or Latin reading. */
  Surrogate = 10,
  /** Anything else (kana, Greek, Cyrillic, box drawing, Latin extended, Arabic…). */
  Other = 11,
}

let classTable: Uint8Array | undefined;
let gbLevel1: Set<string> | undefined;
let big5Level1: Set<string> | undefined;

/**
 * The characters of some two-byte codes, decoded in one call of the platform's decoder (it loads
 * at once, where iconv-lite's tables take long to load), or of iconv-lite where the platform has
 * no legacy encodings. A line feed after each code keeps one code's output apart from the next.
 */
function charactersOf(codes: number[], encoding: 'gbk' | 'big5'): Set<string> {
  const bytes = Uint8Array.from(codes.flatMap((code) => [code >> 8, code & 0xff, 0x0a]));
  let text: string;
  try {
    text = new TextDecoder(encoding).decode(bytes);
  } catch {
    text = iconv.decode(Buffer.from(bytes), encoding === 'gbk' ? 'gb2312' : 'big5');
  }
  const set = new Set(text.split('\n'));
  set.delete('');
  set.delete('\uFFFD');
  return set;
}

/** The 3,755 GB2312 level-1 characters: the frequent characters of Simplified text. */
export function gb2312Level1(): Set<string> {
  if (gbLevel1) return gbLevel1;
  const codes: number[] = [];
  for (let lead = 0xb0; lead <= 0xd7; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      if (lead === 0xd7 && trail > 0xf9) break;
      codes.push((lead << 8) | trail);
    }
  }
  gbLevel1 = charactersOf(codes, 'gbk');
  return gbLevel1;
}

/** The 5,401 Big5 level-1 characters: the frequent characters of Traditional text. */
export function big5Level1Set(): Set<string> {
  if (big5Level1) return big5Level1;
  const codes: number[] = [];
  for (let code = 0xa440; code <= 0xc67e; code++) {
    const trail = code & 0xff;
    if ((trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe)) codes.push(code);
  }
  big5Level1 = charactersOf(codes, 'big5');
  return big5Level1;
}

let commonHanSet: Set<string> | undefined;

/** The frequent characters of either script (GB2312 level 1 and Big5 level 1). */
export function commonHan(): Set<string> {
  if (commonHanSet) return commonHanSet;
  commonHanSet = new Set([...gb2312Level1(), ...big5Level1Set()]);
  return commonHanSet;
}

const CHINESE_PUNCTUATION = '，。、：；？！“”‘’《》〈〉（）【】〔〕「」『』…—–·・～　';
// Windows-1252 bytes 0x80–0x9F other than the quotes, dashes and ellipsis Chinese prose uses.
const WINDOWS_1252 = '€‚ƒ„†‡ˆ‰Š‹ŒŽ•˜™š›œžŸ';

/** The class of every BMP code unit, built once. */
export function charClasses(): Uint8Array {
  if (classTable) return classTable;
  const table = new Uint8Array(0x10000).fill(CharClass.Other);
  for (let code = 0; code < 0x80; code++) table[code] = CharClass.Ascii;
  for (let code = 0x80; code < 0xa0; code++) table[code] = CharClass.C1Control;
  for (let code = 0xa0; code <= 0xff; code++) table[code] = CharClass.Latin1;
  for (const range of [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xf900, 0xfaff],
  ] as const) {
    for (let code = range[0]; code <= range[1]; code++) table[code] = CharClass.RareHan;
  }
  for (const char of commonHan()) if (char.length === 1) table[char.charCodeAt(0)] = CharClass.CommonHan;
  for (let code = 0x3000; code <= 0x303f; code++) table[code] = CharClass.NeutralSymbol;
  for (let code = 0xff01; code <= 0xffef; code++) table[code] = CharClass.NeutralSymbol;
  for (let code = 0xfe30; code <= 0xfe4f; code++) table[code] = CharClass.NeutralSymbol;
  for (const char of CHINESE_PUNCTUATION) table[char.charCodeAt(0)] = CharClass.ChinesePunctuation;
  // ° ± × ÷ of measures, and the no-break space, stand in Chinese text as they are.
  for (const char of '°±×÷\u00a0') table[char.charCodeAt(0)] = CharClass.NeutralSymbol;
  table[0xff0c] = CharClass.ChinesePunctuation;
  table[0xff1a] = CharClass.ChinesePunctuation;
  table[0xff1b] = CharClass.ChinesePunctuation;
  table[0xff1f] = CharClass.ChinesePunctuation;
  table[0xff01] = CharClass.ChinesePunctuation;
  table[0xff08] = CharClass.ChinesePunctuation;
  table[0xff09] = CharClass.ChinesePunctuation;
  for (const char of WINDOWS_1252) table[char.charCodeAt(0)] = CharClass.Windows1252;
  for (let code = 0xe000; code <= 0xf8ff; code++) table[code] = CharClass.PrivateUse;
  for (let code = 0xd800; code <= 0xdfff; code++) table[code] = CharClass.Surrogate;
  table[0xfffd] = CharClass.Replacement;
  classTable = table;
  return table;
}

/** How strongly each class speaks for a wrong decoding (0: not at all). */
const BADNESS: number[] = [];
BADNESS[CharClass.Ascii] = 0;
BADNESS[CharClass.CommonHan] = 0;
BADNESS[CharClass.RareHan] = 1;
BADNESS[CharClass.ChinesePunctuation] = 0;
BADNESS[CharClass.NeutralSymbol] = 0;
BADNESS[CharClass.Latin1] = 1;
BADNESS[CharClass.Windows1252] = 1;
BADNESS[CharClass.C1Control] = 3;
BADNESS[CharClass.PrivateUse] = 2;
// A marked loss is no sign of a wrong reading, only of damage: it counts, but little.
BADNESS[CharClass.Replacement] = 0.5;
BADNESS[CharClass.Surrogate] = 1;
BADNESS[CharClass.Other] = 1;

/** Classes that do not occur in clean Chinese prose, or only rarely: the signs worth a closer look. */
export function isSuspect(charClass: number): boolean {
  return charClass === CharClass.RareHan || charClass >= CharClass.Latin1;
}

/**
 * `锟斤拷` is U+FFFD's UTF-8 bytes read as GBK; `烫` and `屯` are the bytes 0xCC and 0xCD that
 * Microsoft's debug runtime fills uninitialised memory with, read as GBK. None of the three runs
 * is Chinese prose.
 */
export const REPLACEMENT_AS_GBK = '锟斤拷';
export const UNINITIALISED_MEMORY = /烫{3,}|屯{3,}/gu;

/**
 * How much a text looks like mojibake: the weighted count of characters that a wrong decoding
 * yields and prose rarely has (ftfy's "badness"). `锟斤拷` counts heavily, though two of its
 * three characters are common.
 */
export function badness(text: string): number {
  const table = charClasses();
  let score = 0;
  for (let i = 0; i < text.length; i++) score += BADNESS[table[text.charCodeAt(i)]!]!;
  if (text.includes(REPLACEMENT_AS_GBK)) score += 6 * countOf(text, REPLACEMENT_AS_GBK);
  return score;
}

/** How much a text reads as Chinese prose: its frequent characters, and half its punctuation. */
export function goodness(text: string): number {
  const table = charClasses();
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const charClass = table[text.charCodeAt(i)]!;
    if (charClass === CharClass.CommonHan) score += 1;
    else if (charClass === CharClass.ChinesePunctuation) score += 0.5;
  }
  return score;
}

/** What a run is made of, for deciding whether it is prose, mojibake, or too short to tell. */
export interface RunProfile {
  /** Code units outside ASCII. */
  nonAscii: number;
  han: number;
  commonHan: number;
  suspect: number;
}

export function profile(text: string): RunProfile {
  const table = charClasses();
  const result: RunProfile = { nonAscii: 0, han: 0, commonHan: 0, suspect: 0 };
  for (let i = 0; i < text.length; i++) {
    const charClass = table[text.charCodeAt(i)]!;
    if (charClass === CharClass.Ascii) continue;
    result.nonAscii++;
    if (charClass === CharClass.CommonHan) {
      result.han++;
      result.commonHan++;
    } else if (charClass === CharClass.RareHan) result.han++;
    if (isSuspect(charClass)) result.suspect++;
  }
  return result;
}

const TANG = 0x70eb; // 烫
const TUN = 0x5c6f; // 屯
const KUN = 0x951f; // 锟

/** Whether a text has anything a wrong decoding leaves: one pass, no allocation. */
export function hasSuspectCharacters(text: string): boolean {
  const table = charClasses();
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (isSuspect(table[code]!)) return true;
    if ((code === TANG || code === TUN) && text.charCodeAt(i + 1) === code && text.charCodeAt(i + 2) === code) return true;
  }
  return false;
}

/**
 * Runs of a text that still read as mojibake: stretches of non-ASCII characters at least four
 * long of which most are signs of a wrong decoding, four or more signs a character or two apart
 * inside prose, and `锟斤拷` or `烫烫烫` anywhere. A rare name or one Latin letter in Chinese prose
 * is not such a run. U+FFFD alone is a lost character that was marked, not mojibake.
 */
export function garbledRuns(text: string): { start: number; end: number }[] {
  const table = charClasses();
  const runs: { start: number; end: number }[] = [];
  // Fewer than three signs and no signature: nothing can qualify, and prose is done in one pass.
  if (!mayBeGarbled(text, table)) return runs;
  let start = -1;
  let suspect = 0;
  let replacement = 0;
  let signature = false;
  const close = (end: number) => {
    const length = end - start;
    const signs = suspect - replacement;
    if (signature && hasSignature(text.slice(start, end))) runs.push({ start, end });
    else if (length - replacement >= 4 && signs >= 3 && signs >= (length - replacement) * 0.5) runs.push(trimmed(text, start, end));
    else if (signs >= CLUSTER) for (const cluster of clusters(text, start, end)) runs.push(cluster);
    start = -1;
  };
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0;
    if (code < 0x80 || code === 0x3000 || code === 0xa0) {
      if (start >= 0) close(i);
      continue;
    }
    if (start < 0) {
      start = i;
      suspect = 0;
      replacement = 0;
      signature = false;
    }
    const charClass = table[code]!;
    if (isSuspect(charClass)) suspect++;
    if (charClass === CharClass.Replacement) replacement++;
    if (code === KUN || code === TANG || code === TUN) signature = true;
  }
  return runs;
}

function mayBeGarbled(text: string, table: Uint8Array): boolean {
  let signs = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (isSuspect(table[code]!) && table[code] !== CharClass.Replacement && ++signs >= 3) return true;
    if (code === KUN || ((code === TANG || code === TUN) && text.charCodeAt(i + 1) === code)) return true;
  }
  return false;
}

/** Signs of mojibake this close together make a garbled stretch inside prose (会上，倍偶液撩銊钇髽鼷齉。). */
const CLUSTER = 4;

function clusters(text: string, start: number, end: number): { start: number; end: number }[] {
  const table = charClasses();
  const found: { start: number; end: number }[] = [];
  let first = -1;
  let last = -1;
  let count = 0;
  const close = () => {
    if (count >= CLUSTER) found.push({ start: first, end: last + 1 });
    first = -1;
    count = 0;
  };
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const charClass = table[code]!;
    if (!isSuspect(charClass) || charClass === CharClass.Replacement) continue;
    // A single frequent character between two signs stays in the stretch.
    if (first >= 0 && i - last > 2) close();
    if (first < 0) first = i;
    last = i;
    count++;
  }
  close();
  return found;
}

/** A run without the prose at its edges (会上， before the garbage): from its first sign of mojibake to its last. */
function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  const table = charClasses();
  const sign = (at: number) => {
    const code = text.charCodeAt(at);
    return code >= 0x80 && isSuspect(table[code]!);
  };
  let from = start;
  while (from < end && !sign(from)) from++;
  let to = end;
  while (to > from && !sign(to - 1)) to--;
  return from < to ? { start: from, end: to } : { start, end };
}

function hasSignature(text: string): boolean {
  return text.includes(REPLACEMENT_AS_GBK) || text.includes('烫烫烫') || text.includes('屯屯屯');
}

function countOf(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length)) count++;
  return count;
}
