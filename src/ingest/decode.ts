import iconv from 'iconv-lite';
import { cleanText } from './clean-text.ts';
import { decodeAs } from '../support/encodings.ts';
import { repairMisdecodedCapture } from './mojibake/capture.ts';
import { commonHan } from './mojibake/evidence.ts';
import type { LedgerEntry } from './types.ts';

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
  /** Plain notes on what decoding could not read, had to replace or repaired, for the fidelity notes. */
  fidelity: string[];
  /** The repairs of text that had been misread before (mojibake), for the audit report. */
  ledger: LedgerEntry[];
}

/** Why bytes could not be read as text; the CLI prints it after the file name. */
export class DecodeError extends Error {}

/**
 * Turns a capture's bytes into text. Archivists save pages however their browser or tool did, so
 * the encoding is decided by evidence, never by what the page declares (a page saved again by a
 * browser keeps its old `<meta charset="gb2312">` over UTF-8 bytes): a byte-order mark decides;
 * else bytes that are valid UTF-8 are UTF-8, and so are bytes that are UTF-8 but for a few
 * sequences an earlier lossy save broke (each becomes U+FFFD, and is counted, rather than the
 * whole file being read as GB18030 mojibake); else the legacy Chinese encodings are tried and the
 * reading that yields common Chinese characters wins. Line ends become \n (a form feed, a page
 * break of a text saved from print, too), and what is not text (control characters, lone
 * surrogates, U+FFFE, U+FFFF) is replaced by U+FFFD once, here, and counted. Last, text that an
 * earlier tool decoded wrongly and saved again (mojibake: UTF-8 read as GBK, GBK read as Latin-1…)
 * is decoded again the right way (mojibake/capture.ts), before anything reads it.
 */
export function decodeCapture(bytes: Uint8Array): DecodedCapture {
  if (bytes.length === 0) throw new DecodeError('empty file');
  const size = tooLarge(bytes.length);
  if (size) throw new DecodeError(size);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fidelity: string[] = [];
  let decoded: { text: string; encoding: string };
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
      const broken = asUtf8 === undefined ? mostlyUtf8(bytes) : 0;
      if (asUtf8 !== undefined) decoded = { text: asUtf8, encoding: 'utf-8' };
      else if (broken) {
        decoded = { text: new TextDecoder('utf-8').decode(buffer), encoding: 'utf-8' };
        fidelity.push(`原始文件有 ${broken} 处字节不是有效的 UTF-8（早先一次有损的保存或截断所致），每处显示为 �，原字无从恢复。`);
      } else decoded = legacyChinese(buffer);
    }
  }
  // U+FFFD the file holds as a character: an earlier save already lost what stood there.
  const held = decoded.encoding.startsWith('utf-8') ? countReplacementBytes(bytes) : 0;
  if (held) fidelity.push(`原始文件中已有 ${held} 个 �（U+FFFD）：早先保存时已无法解码的字符，原字无从恢复。`);
  const undecodable = decoded.encoding.startsWith('utf-8') ? 0 : countReplacement(decoded.text);
  if (undecodable) fidelity.push(`原始文件按 ${decoded.encoding} 读出 ${undecodable} 个 �：那里的字节无法解码，或早先保存时已经丢失，原字无从恢复。`);
  const lines = decoded.text.replace(/\r\n?|\f/g, '\n');
  const cleaned = cleanText(lines);
  if (cleaned.replaced) fidelity.push(`原始文件中有 ${cleaned.replaced} 个不是文字的字符（控制字符、孤立的 UTF-16 代理项或非字符 U+FFFE/U+FFFF），已各替换为 �。`);
  if (looksBinary(lines)) throw new DecodeError(`binary file (mostly control characters when read as ${decoded.encoding}), not a text capture`);
  if (!cleaned.text.trim()) throw new DecodeError('empty file (only white space)');
  const repaired = repairMisdecodedCapture(cleaned.text);
  return { text: repaired.text, encoding: decoded.encoding, fidelity: [...fidelity, ...repaired.fidelity], ledger: repaired.ledger };
}

/**
 * How many invalid sequences bytes have that are UTF-8 for the rest, or 0 when they are not UTF-8
 * at all. GBK or Big5 bytes form a valid multi-byte UTF-8 sequence only now and then by chance, so
 * many valid sequences for each invalid one is UTF-8 that lost some bytes.
 */
function mostlyUtf8(bytes: Uint8Array): number {
  let valid = 0;
  let broken = 0;
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      i++;
      continue;
    }
    const length = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    let k = 1;
    while (length && k < length && i + k < bytes.length && bytes[i + k]! >= 0x80 && bytes[i + k]! <= 0xbf) k++;
    if (length && k === length) {
      valid++;
      i += length;
    } else {
      broken++;
      // Skip the rest of the broken sequence, as a decoder does.
      i += Math.max(1, k);
    }
  }
  return broken && valid >= 20 * broken ? broken : 0;
}

function countReplacement(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) count++;
  return count;
}

/** U+FFFD the bytes themselves hold (EF BF BD). */
function countReplacementBytes(bytes: Uint8Array): number {
  let count = 0;
  for (let i = 0; i + 2 < bytes.length; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) count++;
  return count;
}

function legacyChinese(buffer: Buffer): { text: string; encoding: string } {
  const readings = (['gb18030', 'big5'] as const).map((encoding) => {
    const text = decodeAs(buffer, encoding);
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

/**
 * A binary file read as text is full of U+FFFD and control characters; text has hardly any control
 * characters. U+FFFD alone does not make a file binary: text once misread and saved again (UTF-8
 * read as GBK) holds one for every pair that could not be decoded, beside the characters that
 * could; only a file that is mostly U+FFFD is taken for binary on that count.
 */
function looksBinary(text: string): boolean {
  let control = 0;
  let replacement = 0;
  let total = 0;
  for (const char of text) {
    total++;
    const code = char.codePointAt(0)!;
    if (code < 0x20 && char !== '\n' && char !== '\t') control++;
    else if (code === 0xfffd) replacement++;
  }
  if (!total) return false;
  return ((control + replacement) / total > BINARY_SHARE && control / total > BINARY_CONTROL_SHARE) || replacement / total > BINARY_REPLACEMENT_SHARE;
}

const BINARY_SHARE = 0.1;
const BINARY_CONTROL_SHARE = 0.01;
const BINARY_REPLACEMENT_SHARE = 0.5;

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function invalid(reason: string): never {
  throw new DecodeError(reason);
}
