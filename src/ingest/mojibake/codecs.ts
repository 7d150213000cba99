import iconv from 'iconv-lite';

/**
 * The encodings a Chinese page is misread in, as tables both ways, so that a run of text can be
 * turned back into the bytes a wrong reading saw, and those bytes read again in the right
 * encoding, one character at a time. iconv-lite and the platform's WHATWG decoders (the ones
 * browsers use) differ on a few dozen GBK codes; a misread character is mapped back to its bytes
 * under either, so a page misread by a browser or by a script round-trips alike.
 */
export type Encoding = 'utf-8' | 'gbk' | 'big5' | 'latin';

export const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  gbk: 'GBK',
  big5: 'Big5',
  latin: 'Windows-1252/Latin-1',
};

/** A byte that a wrong reading could not decode: it became U+FFFD, and its value is lost. */
export const GAP = -1;

/**
 * Decodes bytes the way the platform's decoder (the WHATWG one browsers use) does, or iconv-lite
 * where the platform was built without the legacy encodings.
 */
function decodeBytes(bytes: Uint8Array, encoding: 'gbk' | 'big5'): string {
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), encoding === 'gbk' ? 'gb18030' : 'big5');
  }
}

function trailBytes(encoding: 'gbk' | 'big5'): number[] {
  const trails: number[] = [];
  for (let trail = 0x40; trail <= 0xfe; trail++) {
    if (trail === 0x7f) continue;
    if (encoding === 'big5' && trail > 0x7e && trail < 0xa1) continue;
    trails.push(trail);
  }
  return trails;
}

interface DoubleByteTables {
  /** Character (one or two code units) of each lead<<8|trail code; undefined where the pair is not valid. */
  decode: (string | undefined)[];
  /** The code of each BMP character the encoding has; −1 where none. */
  encode: Int32Array;
  /** The code of characters that take more than one code unit (Big5-HKSCS astral characters). */
  encodeLong: Map<string, number>;
}

const doubleByte: Partial<Record<'gbk' | 'big5', DoubleByteTables>> = {};

/** Both ways of GBK (GB18030's two-byte part) or Big5, built from one decode of every pair. */
export function doubleByteTables(encoding: 'gbk' | 'big5'): DoubleByteTables {
  const built = doubleByte[encoding];
  if (built) return built;
  const trails = trailBytes(encoding);
  const pairs: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) for (const trail of trails) pairs.push(lead, trail, 0x0a);
  // A line feed after each pair keeps one pair's output apart from the next, valid or not.
  const outputs = decodeBytes(Uint8Array.from(pairs), encoding).split('\n');
  const tables: DoubleByteTables = { decode: new Array<string | undefined>(0x10000), encode: new Int32Array(0x10000).fill(-1), encodeLong: new Map() };
  let index = 0;
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (const trail of trails) {
      const char = outputs[index++] ?? '';
      const code = (lead << 8) | trail;
      if (!char || char.includes('\uFFFD') || /[\x00-\x7f]/.test(char)) continue;
      tables.decode[code] = char;
      register(tables, char, code);
    }
  }
  if (encoding === 'gbk') {
    // GBK decoders read the single byte 0x80 as €: it is what a UTF-8 continuation byte 0x80 becomes.
    tables.encode[0x20ac] = 0x80;
  }
  doubleByte[encoding] = tables;
  return tables;
}

function register(tables: DoubleByteTables, char: string, code: number): void {
  if (char.length === 1) {
    if (tables.encode[char.charCodeAt(0)] === -1) tables.encode[char.charCodeAt(0)] = code;
  } else if (!tables.encodeLong.has(char)) tables.encodeLong.set(char, code);
}

// Windows-1252 bytes 0x80–0x9F; the five it leaves undefined are read as C1 controls, as browsers do.
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

let latinEncode: Int16Array | undefined;

/** The byte behind each character a Windows-1252 or Latin-1 reading yields; −1 where none. */
export function latinTable(): Int16Array {
  if (latinEncode) return latinEncode;
  const table = new Int16Array(0x10000).fill(-1);
  for (let code = 0; code <= 0xff; code++) table[code] = code;
  for (let byte = 0x80; byte <= 0x9f; byte++) table[WINDOWS_1252_HIGH.charCodeAt(byte - 0x80)] = byte;
  latinEncode = table;
  return table;
}

/** misreadCode: the character is nothing the wrong reading could yield. */
export const NO_BYTES = -1;
/** misreadCode: U+FFFD, a byte the wrong reading could not decode. */
export const LOST_BYTE = -2;
/** misreadCode flag: the character takes two code units (a surrogate pair). */
export const TWO_UNITS = 0x10000;

/**
 * The bytes a wrong reading in `encoding` turned into the character at `at`, packed in one number
 * (no allocation: this runs for every character of every suspect window): NO_BYTES, LOST_BYTE,
 * or the byte (below 0x100) or the two-byte code, with TWO_UNITS set when the character is a
 * surrogate pair.
 */
export function misreadCode(text: string, at: number, encoding: Exclude<Encoding, 'utf-8'>): number {
  const code = text.charCodeAt(at);
  if (code < 0x80) return code;
  if (code === 0xfffd) return LOST_BYTE;
  if (encoding === 'latin') {
    const byte = latinTable()[code]!;
    return byte < 0 ? NO_BYTES : byte;
  }
  const tables = doubleByteTables(encoding);
  if (code >= 0xd800 && code <= 0xdbff) {
    const long = tables.encodeLong.get(text.slice(at, at + 2));
    return long === undefined ? NO_BYTES : long | TWO_UNITS;
  }
  let pair = tables.encode[code]!;
  if (pair < 0 && encoding === 'gbk') pair = iconvOnlyGbk(code);
  return pair < 0 ? NO_BYTES : pair;
}

/** Whether the wrong reading could have yielded the character at `at`. */
export function canMisread(text: string, at: number, encoding: Exclude<Encoding, 'utf-8'>): boolean {
  return misreadCode(text, at, encoding) !== NO_BYTES;
}

/**
 * Characters that GBK decoders disagree on: € is the single byte 0x80 to all of them and A2E3 to
 * iconv-lite and GB18030-2005; the ideographic space is A1A1, and A3A0 to iconv-lite. The reading
 * that fits the UTF-8 around it is chosen (see utf8.ts).
 */
export const GBK_ALTERNATIVES = new Map<number, number[]>([
  [0x20ac, [0x80, 0xa2e3]],
  [0x3000, [0xa1a1, 0xa3a0]],
]);

let iconvGbk: Map<number, number> | undefined;

/**
 * The GBK code of a character that only iconv-lite's GBK table has (it reads as standard
 * characters a few codes the platform reads as private-use ones). iconv-lite's table is loaded
 * only when such a character is met.
 */
function iconvOnlyGbk(code: number): number {
  // The codes concerned hold spacing modifier letters, CJK radicals, ideographic description characters and extension A.
  if (!((code >= 0x1e00 && code <= 0x1fff) || (code >= 0x2e80 && code <= 0x303f) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x01f0 && code <= 0x01ff))) return -1;
  if (!iconvGbk) {
    iconvGbk = new Map();
    const trails = trailBytes('gbk');
    const pairs: number[] = [];
    for (let lead = 0x81; lead <= 0xfe; lead++) for (const trail of trails) pairs.push(lead, trail);
    const chars = iconv.decode(Buffer.from(pairs), 'gb18030');
    let at = 0;
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (const trail of trails) {
        const char = chars.charCodeAt(at++);
        if (!iconvGbk.has(char)) iconvGbk.set(char, (lead << 8) | trail);
      }
    }
  }
  return iconvGbk.get(code) ?? -1;
}

const fourByte = new Map<number, string | undefined>();

/**
 * The character of a four-byte GB18030 code (what GBK has no two-byte code for: the no-break
 * space, pinyin with tone marks), decoded by iconv-lite and remembered.
 */
export function gb18030FourBytes(b1: number, b2: number, b3: number, b4: number): string | undefined {
  const key = ((b1 << 24) | (b2 << 16) | (b3 << 8) | b4) >>> 0;
  if (fourByte.has(key)) return fourByte.get(key);
  const char = iconv.decode(Buffer.from([b1, b2, b3, b4]), 'gb18030');
  const valid = char && !char.includes('\uFFFD') && [...char].length === 1 ? char : undefined;
  fourByte.set(key, valid);
  return valid;
}
