import iconv from 'iconv-lite';

/** Larger than any news article could be; such a file is a dump or a mistake, not a capture. */
export const MAX_CAPTURE_BYTES = 4 * 1024 * 1024;

/** Why a file of this many bytes is refused, or undefined when its size is fine. */
export function tooLarge(bytes: number): string | undefined {
  if (bytes <= MAX_CAPTURE_BYTES) return undefined;
  return `too large to be an article (${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_CAPTURE_BYTES / 1024 / 1024} MB)`;
}

export interface DecodedCapture {
  text: string;
  /** The encoding the bytes were read as: utf-8, utf-8-bom, utf-16le, utf-16be, gb18030 or big5. */
  encoding: string;
}

/** Why bytes could not be read as text; the CLI prints it after the file name. */
export class DecodeError extends Error {}

/**
 * Turns a capture's bytes into text. Archivists save pages however their browser or tool did, so
 * the encoding is detected rather than assumed: a byte-order mark decides; else bytes that are
 * valid UTF-8 are UTF-8; else the legacy Chinese encodings are tried and the reading that yields
 * common Chinese characters wins. Line ends become \n.
 */
export function decodeCapture(bytes: Uint8Array): DecodedCapture {
  if (bytes.length === 0) throw new DecodeError('empty file');
  const size = tooLarge(bytes.length);
  if (size) throw new DecodeError(size);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let decoded: DecodedCapture;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    decoded = { text: utf8(buffer.subarray(3)) ?? invalid('has a UTF-8 byte-order mark but is not valid UTF-8'), encoding: 'utf-8-bom' };
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    decoded = { text: iconv.decode(buffer.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    decoded = { text: iconv.decode(buffer.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  } else {
    const bomless16 = utf16WithoutBom(bytes);
    if (bomless16) {
      decoded = { text: iconv.decode(buffer, bomless16), encoding: bomless16 };
    } else {
      if (bytes.includes(0)) throw new DecodeError('binary file (contains NUL bytes), not a text capture');
      const asUtf8 = utf8(buffer);
      decoded = asUtf8 === undefined ? legacyChinese(buffer) : { text: asUtf8, encoding: 'utf-8' };
    }
  }
  const text = decoded.text.replace(/\r\n?/g, '\n');
  if (looksBinary(text)) throw new DecodeError(`binary file (mostly control characters when read as ${decoded.encoding}), not a text capture`);
  if (!text.trim()) throw new DecodeError('empty file (only white space)');
  return { text, encoding: decoded.encoding };
}

function legacyChinese(buffer: Buffer): DecodedCapture {
  const readings = (['gb18030', 'big5'] as const).map((encoding) => {
    const text = iconv.decode(buffer, encoding);
    return { text, encoding, score: plausibility(text) };
  });
  readings.sort((a, b) => b.score - a.score);
  const best = readings[0]!;
  if (best.score < 0.5) {
    throw new DecodeError('unknown encoding: not UTF-8, and neither GB18030 nor Big5 yields readable Chinese');
  }
  return { text: best.text, encoding: best.encoding };
}

/**
 * Share of Han characters that are common ones (GB2312 level 1 or Big5 level 1), minus a heavy
 * penalty for undecodable bytes. A wrong legacy decoding yields rare characters and U+FFFD.
 */
function plausibility(text: string): number {
  const common = commonHan();
  let han = 0;
  let hits = 0;
  let broken = 0;
  for (const char of text) {
    if (char === '\uFFFD') broken++;
    else if (/\p{Script=Han}/u.test(char)) {
      han++;
      if (common.has(char)) hits++;
    }
  }
  if (han === 0) return broken ? 0 : 1;
  return hits / han - (broken / (han + broken)) * 4;
}

let commonHanSet: Set<string> | undefined;

/** The 3,755 GB2312 level-1 and 5,401 Big5 level-1 characters: the frequent ones of each script. */
export function commonHan(): Set<string> {
  if (commonHanSet) return commonHanSet;
  const set = new Set<string>();
  for (let lead = 0xb0; lead <= 0xd7; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      if (lead === 0xd7 && trail > 0xf9) break;
      set.add(iconv.decode(Buffer.from([lead, trail]), 'gb2312'));
    }
  }
  for (let code = 0xa440; code <= 0xc67e; code++) {
    const trail = code & 0xff;
    if (!((trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe))) continue;
    set.add(iconv.decode(Buffer.from([code >> 8, trail]), 'big5'));
  }
  set.delete('\uFFFD');
  commonHanSet = set;
  return set;
}

function utf8(buffer: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return undefined;
  }
}

/** UTF-16 saved without a byte-order mark shows as NUL in every other byte of ASCII text. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 4 || bytes.length % 2) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  const pairs = Math.min(bytes.length, 4096) / 2;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  if (oddZero > pairs * 0.2 && evenZero === 0) return 'utf-16le';
  if (evenZero > pairs * 0.2 && oddZero === 0) return 'utf-16be';
  return undefined;
}

function looksBinary(text: string): boolean {
  let control = 0;
  let total = 0;
  for (const char of text) {
    total++;
    const code = char.codePointAt(0)!;
    if ((code < 0x20 && char !== '\n' && char !== '\t' && char !== '\f') || code === 0xfffd) control++;
  }
  return total > 0 && control / total > 0.1;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function invalid(reason: string): never {
  throw new DecodeError(reason);
}
