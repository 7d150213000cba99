import { canMisread, doubleByteTables, ENCODING_NAMES, type Encoding, GAP, gb18030FourBytes, GBK_ALTERNATIVES, LOST_BYTE, misreadCode, NO_BYTES, TWO_UNITS } from './codecs.ts';
import { badness, charClasses, goodness, hasSuspectCharacters, isSuspect, profile, UNINITIALISED_MEMORY } from './evidence.ts';

/**
 * Undoing wrong decodings, ftfy-style ("fixes text for you", which does this for Western text):
 * for each run of text that shows signs of mojibake, every plausible wrong reading is reversed —
 * the run is turned back into the bytes that reading saw, and those bytes are read in the encoding
 * they were written in — and, for text misread twice, the same again on the result. The reading
 * that makes the run most plausible as Chinese prose wins, and only if it is far more plausible
 * than the run as it stands.
 *
 * The lossless kinds come back byte for byte: UTF-8 read as Windows-1252 or Latin-1, GBK or Big5
 * read as either, Big5 read as GBK and GBK read as Big5. Where the wrong reading could not decode
 * some bytes and put U+FFFD for them (UTF-8 read as GBK loses the last byte of a run whose length
 * is odd, and some decoders have no character for a few GBK codes), every character whose bytes
 * all survive is restored and each stretch of lost ones becomes one marker, U+FFFD, never a guess.
 */

export interface Misreading {
  /** The encoding the bytes were written in. */
  right: Exclude<Encoding, 'latin'>;
  /** The encoding they were wrongly read in. */
  wrong: Exclude<Encoding, 'utf-8'>;
}

/** Every wrong reading tried, most common first. */
export const MISREADINGS: Misreading[] = [
  { right: 'utf-8', wrong: 'latin' },
  { right: 'utf-8', wrong: 'gbk' },
  { right: 'gbk', wrong: 'latin' },
  { right: 'big5', wrong: 'gbk' },
  { right: 'gbk', wrong: 'big5' },
  { right: 'big5', wrong: 'latin' },
];

/** One visible marker for each stretch of characters whose bytes are lost. */
export const LOST = '\uFFFD';

const BARRIER = -2;

/** A stretch of a text that a reading turned into other characters. */
interface Span {
  start: number;
  end: number;
  text: string;
  /** Characters whose bytes were lost (each stretch of them is one marker in `text`). */
  lost: number;
  /** Whether `lost` is a lower bound (several lost bytes in a row). */
  lostApproximate: boolean;
  /** U+FFFD that the bytes themselves held (an earlier lossy conversion, `锟斤拷`). */
  earlierLost: number;
  /** Characters restored (not markers). */
  restored: number;
  /** Characters of two or more UTF-8 bytes restored: each is strong evidence, since random bytes are seldom valid UTF-8. */
  multibyte: number;
  /** The markers of lost characters in `text`. */
  markers: Marker[];
}

/** A marker of lost characters, where it stands in a text and what is known of the bytes it stands for. */
export interface Marker {
  at: number;
  lost: number;
  /** For one lost UTF-8 character whose lead byte survived: its length and the bytes that survived before and after the loss. */
  known?: KnownBytes;
}

export interface KnownBytes {
  length: number;
  prefix: number[];
  suffix: number[];
}

const enum PieceKind {
  Char,
  Lost,
  Invalid,
  Break,
}

/** The bytes a wrong reading saw, with the character each byte came from. */
interface ByteStream {
  length: number;
  bytes: Int16Array;
  /** Index in the text of the character each byte came from; one more entry for the end. */
  origin: Int32Array;
  /** Whether each byte is the first of its character (and the end is a boundary). */
  boundary: Uint8Array;
}

// One stream at a time is decoded, so its arrays are kept and grown rather than made for each window.
let scratch = { bytes: new Int16Array(1024), origin: new Int32Array(1025), boundary: new Uint8Array(1025) };

function misreadStream(text: string, reading: Misreading): ByteStream {
  // No wrong reading yields more than two bytes for a code unit.
  const size = text.length * 2 + 1;
  if (scratch.origin.length < size) scratch = { bytes: new Int16Array(size), origin: new Int32Array(size), boundary: new Uint8Array(size) };
  const { bytes, origin, boundary } = scratch;
  let n = 0;
  // UTF-8 continuation bytes still expected, to choose between the codes of an ambiguous character.
  let expected = 0;
  const alternativesApply = reading.wrong === 'gbk' && reading.right === 'utf-8';
  for (let at = 0; at < text.length; ) {
    let code = misreadCode(text, at, reading.wrong);
    const units = code >= 0 && code & TWO_UNITS ? 2 : 1;
    if (code >= 0) code &= 0xffff;
    if (alternativesApply) {
      const alternatives = GBK_ALTERNATIVES.get(text.charCodeAt(at));
      if (alternatives) code = chooseAlternative(alternatives, expected, text, at + 1, reading);
    }
    if (code === NO_BYTES || code === LOST_BYTE) {
      bytes[n] = code === NO_BYTES ? BARRIER : GAP;
      origin[n] = at;
      boundary[n] = 1;
      expected = 0;
      n++;
    } else if (code < 0x100) {
      bytes[n] = code;
      origin[n] = at;
      boundary[n] = 1;
      expected = nextExpected(expected, code);
      n++;
    } else {
      bytes[n] = code >> 8;
      origin[n] = at;
      boundary[n] = 1;
      expected = nextExpected(expected, code >> 8);
      bytes[n + 1] = code & 0xff;
      origin[n + 1] = at;
      boundary[n + 1] = 0;
      expected = nextExpected(expected, code & 0xff);
      n += 2;
    }
    at += units;
  }
  origin[n] = text.length;
  boundary[n] = 1;
  return { length: n, bytes, origin, boundary };
}

/** The code of an ambiguous character that continues the UTF-8 around it. */
function chooseAlternative(codes: number[], expected: number, text: string, next: number, reading: Misreading): number {
  const followingCode = next < text.length ? misreadCode(text, next, reading.wrong) : NO_BYTES;
  const following = followingCode < 0 ? undefined : (followingCode & 0xffff) >= 0x100 ? (followingCode & 0xffff) >> 8 : followingCode;
  let fallback: number | undefined;
  for (const code of codes) {
    const bytes = code < 0x100 ? [code] : [code >> 8, code & 0xff];
    let state = expected;
    let fits = true;
    for (const byte of bytes) {
      if (state > 0 && !isContinuation(byte)) fits = false;
      if (state === 0 && isContinuation(byte)) fits = false;
      state = nextExpected(state, byte);
    }
    if (!fits) continue;
    fallback ??= code;
    if (following === undefined || (state > 0) === isContinuation(following)) return code;
  }
  return fallback ?? codes[0]!;
}

function nextExpected(expected: number, byte: number): number {
  if (byte < 0) return 0;
  if (expected > 0 && isContinuation(byte)) return expected - 1;
  return Math.max(0, utf8Length(byte) - 1);
}

function isContinuation(byte: number): boolean {
  return byte >= 0x80 && byte <= 0xbf;
}

function utf8Length(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Whether `byte` may stand at position `index` (1-based after the lead) of a sequence led by `lead`. */
function fitsSequence(lead: number, index: number, byte: number): boolean {
  if (index === 1) {
    if (lead === 0xe0) return byte >= 0xa0 && byte <= 0xbf;
    if (lead === 0xed) return byte >= 0x80 && byte <= 0x9f;
    if (lead === 0xf0) return byte >= 0x90 && byte <= 0xbf;
    if (lead === 0xf4) return byte >= 0x80 && byte <= 0x8f;
  }
  return isContinuation(byte);
}

/**
 * Gathers the pieces a decoder reads into spans: consecutive pieces that begin and end where
 * characters of the text begin and end. An ASCII character of the text stands for itself and
 * ends a span; an ASCII byte inside a misread character (the trail byte of a GBK pair) belongs to
 * it. Only the span being built is kept, never a piece per byte.
 */
class SpanBuilder {
  readonly spans: Span[] = [];
  private from = -1;
  private text = '';
  private lost = 0;
  private approximate = false;
  private earlier = 0;
  private restored = 0;
  private multibyte = 0;
  private markers: Marker[] = [];
  // The span as it stood at the last boundary of the text.
  private good = { to: -1, text: '', lost: 0, approximate: false, earlier: 0, restored: 0, multibyte: 0, markers: 0, lastLost: 0 };

  constructor(
    private readonly stream: ByteStream,
    private readonly utf8: boolean,
  ) {}

  add(from: number, to: number, kind: PieceKind, text = '', lost = 0, approximate = false, known?: KnownBytes): void {
    if (kind === PieceKind.Break || kind === PieceKind.Invalid) return this.flush();
    const boundary = this.stream.boundary;
    if (kind === PieceKind.Char && text.length === 1 && text.charCodeAt(0) < 0x80 && boundary[from]) return this.flush();
    if (this.from < 0) {
      if (!boundary[from]) return;
      this.from = from;
    }
    if (kind === PieceKind.Lost || text === '\uFFFD') {
      if (kind === PieceKind.Lost) {
        this.lost += lost;
        this.approximate ||= approximate;
      } else this.earlier++;
      const last = this.markers[this.markers.length - 1];
      if (last && this.text.endsWith(LOST) && last.at === this.text.length - 1) {
        // One marker for a stretch: what it stands for is no longer one known character.
        last.lost += lost;
        delete last.known;
      } else if (this.text.endsWith(LOST)) {
        // A U+FFFD of the bytes themselves already ends the text: the stretch is one marker.
      } else {
        this.markers.push(kind === PieceKind.Lost && known && lost === 1 && !approximate ? { at: this.text.length, lost, known } : { at: this.text.length, lost });
        this.text += LOST;
      }
    } else {
      this.text += text;
      this.restored += text.length;
      if (this.utf8 && to - from >= 2) this.multibyte++;
    }
    if (boundary[to]) {
      const last = this.markers[this.markers.length - 1];
      this.good = {
        to,
        text: this.text,
        lost: this.lost,
        approximate: this.approximate,
        earlier: this.earlier,
        restored: this.restored,
        multibyte: this.multibyte,
        markers: this.markers.length,
        lastLost: last?.lost ?? 0,
      };
    }
  }

  flush(): void {
    const good = this.good;
    if (this.from >= 0 && good.to > this.from) {
      const markers = this.markers.slice(0, good.markers).map((marker) => ({ ...marker }));
      // The last marker as it stood at the boundary (a later loss may have merged into it since).
      const last = markers[markers.length - 1];
      if (last && last.lost !== good.lastLost) {
        last.lost = good.lastLost;
        delete last.known;
      }
      this.spans.push({
        start: this.stream.origin[this.from]!,
        end: this.stream.origin[good.to]!,
        text: good.text,
        lost: good.lost,
        lostApproximate: good.approximate,
        earlierLost: good.earlier,
        restored: good.restored,
        multibyte: good.multibyte,
        markers,
      });
    }
    this.from = -1;
    this.text = '';
    this.lost = 0;
    this.approximate = false;
    this.earlier = 0;
    this.restored = 0;
    this.multibyte = 0;
    this.markers = [];
    this.good = { to: -1, text: '', lost: 0, approximate: false, earlier: 0, restored: 0, multibyte: 0, markers: 0, lastLost: 0 };
  }
}

/**
 * Reads a byte stream as UTF-8. A lost byte (GAP) and the continuation bytes after it make one
 * lost piece; how many characters it held follows from the sequence it interrupted: the bytes
 * still missing from the character before the gap and the continuation bytes after it.
 */
function readUtf8(stream: ByteStream, out: SpanBuilder, options: { noBreakSpaces: boolean; atLineEnd: boolean }): void {
  const bytes = stream.bytes;
  const n = stream.length;
  let i = 0;
  while (i < n) {
    const byte = bytes[i]!;
    if (byte === BARRIER) {
      out.add(i, ++i, PieceKind.Break);
      continue;
    }
    if (byte === GAP) {
      let j = i + 1;
      let gaps = 1;
      while (j < n && (bytes[j] === GAP || isContinuation(bytes[j]!))) {
        if (bytes[j] === GAP) gaps++;
        j++;
      }
      out.add(i, j, PieceKind.Lost, '', gaps, gaps > 1);
      i = j;
      continue;
    }
    if (byte < 0x80) {
      out.add(i, i + 1, PieceKind.Char, String.fromCharCode(byte));
      i++;
      continue;
    }
    const length = utf8Length(byte);
    if (!length) {
      out.add(i, ++i, PieceKind.Invalid);
      continue;
    }
    let k = 1;
    while (k < length && i + k < n && bytes[i + k]! >= 0 && fitsSequence(byte, k, bytes[i + k]!)) k++;
    if (k === length) {
      out.add(i, i + length, PieceKind.Char, decodeSequence(bytes, i, length));
      i += length;
      continue;
    }
    // A no-break space (byte A0) that became a space, or was trimmed at the end of a line.
    if (options.noBreakSpaces && k === length - 1 && fitsSequence(byte, k, 0xa0)) {
      const next = i + k < n ? bytes[i + k] : undefined;
      const after = i + k + 1 < n ? bytes[i + k + 1] : undefined;
      if ((i + k === n && options.atLineEnd) || (next === 0x20 && (after === undefined || after < 0x80 || utf8Length(after) > 0))) {
        const sequence = Int16Array.from([...bytes.subarray(i, i + k), 0xa0]);
        const to = i + k === n ? n : i + k + 1;
        out.add(i, to, PieceKind.Char, decodeSequence(sequence, 0, length));
        i = to;
        continue;
      }
    }
    if (i + k < n && bytes[i + k] === GAP) {
      const missing = length - k;
      let j = i + k;
      let gaps = 0;
      let after = 0;
      while (j < n && (bytes[j] === GAP || isContinuation(bytes[j]!))) {
        if (bytes[j] === GAP) {
          gaps++;
          after = 0;
        } else after++;
        j++;
      }
      // One lost byte or pair: the rest of the interrupted character follows it, unless the gap also held the lead of another.
      const lost = gaps === 1 ? (after < missing ? 1 : 2) : gaps + (after >= missing ? 1 : 0);
      const known = gaps === 1 && lost === 1 ? { length, prefix: [...bytes.subarray(i, i + k)], suffix: [...bytes.subarray(j - after, j)] } : undefined;
      out.add(i, j, PieceKind.Lost, '', lost, gaps > 1, known);
      i = j;
      continue;
    }
    out.add(i, ++i, PieceKind.Invalid);
  }
  out.flush();
}

function decodeSequence(bytes: Int16Array, at: number, length: number): string {
  const lead = bytes[at]!;
  let code = length === 2 ? lead & 0x1f : length === 3 ? lead & 0x0f : lead & 0x07;
  for (let k = 1; k < length; k++) code = (code << 6) | (bytes[at + k]! & 0x3f);
  return String.fromCodePoint(code);
}

/** Reads a byte stream as GBK (with GB18030's four-byte codes) or Big5. */
function readDoubleByte(stream: ByteStream, out: SpanBuilder, encoding: 'gbk' | 'big5'): void {
  const table = doubleByteTables(encoding).decode;
  const bytes = stream.bytes;
  const n = stream.length;
  let i = 0;
  while (i < n) {
    const byte = bytes[i]!;
    if (byte === BARRIER) {
      out.add(i, ++i, PieceKind.Break);
      continue;
    }
    if (byte === GAP) {
      // At a character boundary a lost byte was a lead: its trail goes with it.
      const next = byteAt(stream, i + 1);
      const to = isTrail(next) && next! >= 0x80 ? i + 2 : i + 1;
      out.add(i, to, PieceKind.Lost, '', 1);
      i = to;
      continue;
    }
    if (byte < 0x80) {
      out.add(i, i + 1, PieceKind.Char, String.fromCharCode(byte));
      i++;
      continue;
    }
    if (encoding === 'gbk' && byte === 0x80) {
      out.add(i, i + 1, PieceKind.Char, '€');
      i++;
      continue;
    }
    if (encoding === 'gbk' && isDigit(byteAt(stream, i + 1)) && isLead(byteAt(stream, i + 2)) && isDigit(byteAt(stream, i + 3))) {
      const char = gb18030FourBytes(byte, bytes[i + 1]!, bytes[i + 2]!, bytes[i + 3]!);
      if (char) {
        out.add(i, i + 4, PieceKind.Char, char);
        i += 4;
        continue;
      }
    }
    const trail = byteAt(stream, i + 1);
    if (trail === GAP) {
      out.add(i, i + 2, PieceKind.Lost, '', 1);
      i += 2;
      continue;
    }
    const char = trail !== undefined && trail >= 0 ? table[(byte << 8) | trail] : undefined;
    if (char) {
      out.add(i, i + 2, PieceKind.Char, char);
      i += 2;
      continue;
    }
    out.add(i, ++i, PieceKind.Invalid);
  }
  out.flush();
}

function byteAt(stream: ByteStream, index: number): number | undefined {
  return index < stream.length ? stream.bytes[index] : undefined;
}

function isTrail(byte: number | undefined): boolean {
  return byte !== undefined && ((byte >= 0x40 && byte <= 0x7e) || (byte >= 0x80 && byte <= 0xfe));
}

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x30 && byte <= 0x39;
}

function isLead(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x81 && byte <= 0xfe;
}

/** What undoing one wrong reading makes of a text. */
interface Redecoded {
  text: string;
  spans: Span[];
  /** The markers of lost characters, where they stand in `text`. */
  markers: Marker[];
}

/**
 * How a stretch is judged when a wrong reading is undone:
 * - final: replaced where the new reading looks less like mojibake than the old (a stretch that
 *   only held the misread bytes of a lost character becomes its marker);
 * - intermediate: the first of two readings undone; every stretch with signs of mojibake is
 *   replaced, and the pair is judged on the final result;
 * - page: the capture as a whole was misread this way (see the step): every stretch the reading
 *   decodes is replaced unless that makes it look more like mojibake, since a misread character
 *   can be a common one (年 in GBK read as Big5 is 爛); page-intermediate is the first of two
 *   readings so undone.
 */
export type Use = 'final' | 'intermediate' | 'page' | 'page-intermediate';

/** Undoes one wrong reading wherever it applies in a text. */
export function undoMisreading(text: string, reading: Misreading, use: Use = 'final', atLineEnd = false): Redecoded {
  return choose(text, decodeSpans(text, reading, atLineEnd), reading, use);
}

/** Every span a reading decodes, before any is judged. */
function decodeSpans(text: string, reading: Misreading, atLineEnd: boolean): Span[] {
  const stream = misreadStream(text, reading);
  const utf8 = reading.right === 'utf-8';
  const builder = new SpanBuilder(stream, utf8);
  if (utf8) readUtf8(stream, builder, { noBreakSpaces: reading.wrong === 'latin', atLineEnd });
  else readDoubleByte(stream, builder, reading.right as 'gbk' | 'big5');
  return builder.spans;
}

function choose(text: string, decoded: Span[], reading: Misreading, use: Use): Redecoded {
  let spans = decoded.filter((span) => {
    const before = text.slice(span.start, span.end);
    if (span.text === before) return false;
    if (use === 'page') return badness(span.text) <= badness(before);
    if (use === 'page-intermediate') return span.restored > 0;
    if (!hasSuspectCharacters(before)) return false;
    if (use === 'intermediate') return span.restored > 0;
    if (span.restored === 0) return span.lost > 0 || span.earlierLost > 0;
    return badness(span.text) < badness(before);
  });
  // Nearly any pair of high bytes is both GBK and Big5: one character so read proves nothing.
  const doubleByteSwap = reading.right !== 'utf-8' && reading.wrong !== 'latin';
  if (doubleByteSwap && use !== 'page' && use !== 'page-intermediate' && spans.reduce((sum, span) => sum + profile(span.text).han, 0) < 2) spans = [];
  if (!spans.length) return { text, spans, markers: [] };
  let out = '';
  let cursor = 0;
  const markers: Marker[] = [];
  for (const span of spans) {
    out += text.slice(cursor, span.start);
    for (const marker of span.markers) markers.push({ ...marker, at: out.length + marker.at });
    out += span.text;
    cursor = span.end;
  }
  return { text: out + text.slice(cursor), spans, markers };
}

const WRONG = ['latin', 'gbk', 'big5'] as const;

/**
 * The wrong readings worth trying on a text: those that could have yielded at least half of its
 * non-ASCII characters (a window of Latin-1 letters was not misread as GBK, which has few of them).
 */
function plausibleReadings(text: string): Misreading[] {
  const share = new Map<Misreading['wrong'], number>();
  let total = 0;
  const counts = { latin: 0, gbk: 0, big5: 0 };
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code < 0x80 || (code >= 0xdc00 && code <= 0xdfff)) continue;
    total++;
    for (const wrong of WRONG) if (canMisread(text, at, wrong)) counts[wrong]++;
  }
  for (const wrong of WRONG) share.set(wrong, total ? counts[wrong] / total : 0);
  return MISREADINGS.filter((reading) => share.get(reading.wrong)! >= 0.5);
}

/** The repair of one window of text: the readings undone, last one first, and what came of it. */
export interface WindowRepair {
  start: number;
  end: number;
  before: string;
  after: string;
  /** The markers of lost characters in `after`. */
  markers: Marker[];
  readings: Misreading[];
  lost: number;
  lostApproximate: boolean;
  earlierLost: number;
  /** Bytes 0xCC or 0xCD of uninitialised memory (烫烫烫, 屯屯屯) replaced by a marker. */
  uninitialised: number;
  /** Whether the result is evidence enough on its own (see isStrong). */
  strong: boolean;
  badnessBefore: number;
  badnessAfter: number;
  /** Frequent characters before and after. */
  commonBefore: number;
  commonAfter: number;
}

/**
 * Windows of a text worth examining: stretches of non-ASCII characters (a single ASCII letter or
 * digit between them may be a byte of a misread GBK character, and a single space a no-break space
 * that was turned into one, so either joins them), by default
 * only those that hold at least one sign of mojibake.
 */
export function textWindows(text: string, which: 'suspect' | 'garbled' | 'all' = 'suspect', index = 0): TextWindow[] {
  const windows: TextWindow[] = [];
  const table = charClasses();
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) < 0x80) {
      i++;
      continue;
    }
    const start = i;
    let suspects = 0;
    let nonAscii = 0;
    let signature = false;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code >= 0x80) {
        nonAscii++;
        if (isSuspect(table[code]!)) {
          suspects++;
          if (code === 0x951f && text.startsWith('斤拷', i + 1)) signature = true; // 锟斤拷
        } else if ((code === 0x70eb || code === 0x5c6f) && text.charCodeAt(i + 1) === code && text.charCodeAt(i + 2) === code) signature = true; // 烫烫烫, 屯屯屯
        i++;
        continue;
      }
      if (joins(code) && text.charCodeAt(i + 1) >= 0x80) {
        i++;
        continue;
      }
      break;
    }
    // A trail byte that ends the window belongs to it.
    const end = i < text.length && mayBeTrail(text.charCodeAt(i)) ? i + 1 : i;
    const keep = which === 'all' || (which === 'suspect' ? suspects > 0 || signature : (suspects >= 2 && suspects >= nonAscii / 10) || signature);
    if (keep) windows.push({ start, end, suspects, nonAscii, signature, index });
  }
  return windows;
}

/** A window of a text, with what it is made of. */
export interface TextWindow {
  start: number;
  end: number;
  /** Signs of mojibake in it (evidence.ts isSuspect). */
  suspects: number;
  nonAscii: number;
  /** 锟斤拷, 烫烫烫 or 屯屯屯 in it. */
  signature: boolean;
  /** Which string of a capture it is in. */
  index: number;
}

/** An ASCII byte that can stand inside a misread character: a GBK trail byte, or a digit of a four-byte GB18030 code. */
function mayBeTrail(code: number): boolean {
  return (code >= 0x40 && code <= 0x7e) || (code >= 0x30 && code <= 0x39);
}

/** A single ASCII character that joins the non-ASCII around it into one window: a possible trail byte, or a space that was a no-break space. */
function joins(code: number): boolean {
  return mayBeTrail(code) || code === 0x20;
}

interface Candidate {
  text: string;
  readings: Misreading[];
  spans: Span[][];
  badness: number;
  /** Multi-byte UTF-8 characters the readings decoded, over all the readings undone. */
  multibyte: number;
  goodness: number;
  /** The markers of lost characters in `text`. */
  markers: Marker[];
}

/**
 * Which of two readings of a window is the more plausible: the one with fewer signs of mojibake;
 * then the one more UTF-8 bytes support (nearly any pair of high bytes is valid GBK, so a GBK
 * reading proves little, while valid UTF-8 seldom happens by chance: `Ã¥Â¹Â´` is 年 misread
 * twice, not the GBK characters 氓鹿麓); then the one with more frequent characters; then the
 * one with fewer readings undone.
 */
function better(a: Candidate, b: Candidate): boolean {
  if (a.badness !== b.badness) return a.badness < b.badness;
  if (a.multibyte !== b.multibyte) return a.multibyte > b.multibyte;
  if (a.goodness !== b.goodness) return a.goodness > b.goodness;
  return a.readings.length < b.readings.length;
}

function candidate(text: string, readings: Misreading[], spans: Span[][], markers: Marker[] = []): Candidate {
  const multibyte = spans.reduce((sum, layer) => sum + layer.reduce((total, span) => total + span.multibyte, 0), 0);
  return { text, readings, spans, markers, badness: badness(text), multibyte, goodness: goodness(text) };
}

/**
 * The most plausible reading of one window: the window as it is, or any one or two wrong
 * readings undone (two for text misread twice: UTF-8 read as GBK and saved, then read as
 * Windows-1252). Returns undefined when no reading beats the window as it stands. `only` limits
 * the search to the chains of readings given.
 */
export function repairWindow(text: string, start: number, end: number, only?: Misreading[][]): WindowRepair | undefined {
  if (!only && end - start > SEARCH_LIMIT) return repairWindow(text, start, end, readingsOfSamples(text, start, end));
  const window = text.slice(start, end);
  const atLineEnd = end === text.length;
  const original = candidate(window, [], []);
  let best = original;
  if (only) {
    for (const readings of only) {
      let current = window;
      let markers: Marker[] = [];
      const spans: Span[][] = [];
      for (const [index, reading] of readings.entries()) {
        const done = undoMisreading(current, reading, index === readings.length - 1 ? 'final' : 'intermediate', atLineEnd);
        if (!done.spans.length) break;
        spans.push(done.spans);
        current = done.text;
        markers = done.markers;
      }
      if (spans.length !== readings.length) continue;
      const found = candidate(current, readings, spans, markers);
      if (better(found, best)) best = found;
    }
    return finish(window, start, end, best, original);
  }
  for (const first of plausibleReadings(window)) {
    const decoded = decodeSpans(window, first, atLineEnd);
    if (!decoded.length) continue;
    const once = choose(window, decoded, first, 'final');
    if (once.spans.length) {
      const found = candidate(once.text, [first], [once.spans], once.markers);
      if (better(found, best)) best = found;
    }
    // Text misread twice was saved again in between, and what is saved again is saved as UTF-8.
    if (first.right !== 'utf-8') continue;
    const intermediate = choose(window, decoded, first, 'intermediate');
    if (!intermediate.spans.length || !hasSuspectCharacters(intermediate.text)) continue;
    for (const second of plausibleReadings(intermediate.text)) {
      const twice = undoMisreading(intermediate.text, second, 'final', atLineEnd);
      if (!twice.spans.length) continue;
      const found = candidate(twice.text, [first, second], [intermediate.spans, twice.spans], twice.markers);
      if (better(found, best)) best = found;
    }
  }
  return finish(window, start, end, best, original);
}

/**
 * Windows longer than this are not searched whole: the readings are looked for in three samples
 * of it (start, middle, end), and only those found are tried on the whole window, so that the
 * search costs the same on a window of four million characters as on one of four thousand.
 */
const SEARCH_LIMIT = 4096;
const SAMPLE = 1024;

function readingsOfSamples(text: string, start: number, end: number): Misreading[][] {
  const middle = start + Math.floor((end - start) / 2);
  const found = new Map<string, Misreading[]>();
  for (const [from, to] of [
    [start, start + SAMPLE],
    [middle - SAMPLE / 2, middle + SAMPLE / 2],
    [end - SAMPLE, end],
  ] as const) {
    // A sample never starts or ends inside a surrogate pair.
    const a = isLowSurrogate(text.charCodeAt(from)) ? from + 1 : from;
    const b = isLowSurrogate(text.charCodeAt(to)) ? to + 1 : to;
    const repair = repairWindow(text, a, b);
    if (repair?.readings.length) found.set(readingsKey(repair.readings), repair.readings);
  }
  return [...found.values()];
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * A window read as the capture as a whole was misread (see `page` in Use): the readings given,
 * without asking the window for evidence of its own.
 */
export function repairWindowAs(text: string, start: number, end: number, readings: Misreading[]): WindowRepair | undefined {
  const window = text.slice(start, end);
  const atLineEnd = end === text.length;
  let current = window;
  let markers: Marker[] = [];
  const spans: Span[][] = [];
  for (const [index, reading] of readings.entries()) {
    const done = undoMisreading(current, reading, index === readings.length - 1 ? 'page' : 'page-intermediate', atLineEnd);
    if (!done.spans.length) return finish(window, start, end, candidate(window, [], []), candidate(window, [], []));
    spans.push(done.spans);
    current = done.text;
    markers = done.markers;
  }
  const found = candidate(current, readings, spans, markers);
  const original = candidate(window, [], []);
  return finish(window, start, end, found.badness <= original.badness ? found : original, original);
}

function finish(window: string, start: number, end: number, best: Candidate, original: Candidate): WindowRepair | undefined {
  let after = best.text;
  let uninitialised = 0;
  if (after.includes('烫烫烫') || after.includes('屯屯屯')) {
    after = after.replace(UNINITIALISED_MEMORY, (run) => {
      uninitialised += run.length * 2;
      return LOST;
    });
  }
  if ((!best.readings.length || best === original) && !uninitialised) return undefined;
  const last = best.spans[best.spans.length - 1] ?? [];
  const lost = last.reduce((sum, span) => sum + span.lost, 0);
  const earlierLost = last.reduce((sum, span) => sum + span.earlierLost, 0);
  const multibyte = best.multibyte;
  // Trim what did not change, so that the repair names only the misread characters.
  // A marker is never trimmed: the U+FFFD it replaced is part of what was repaired.
  let head = 0;
  while (head < window.length && head < after.length && window[head] === after[head] && after[head] !== LOST) head++;
  let tail = 0;
  while (
    tail < window.length - head &&
    tail < after.length - head &&
    window[window.length - 1 - tail] === after[after.length - 1 - tail] &&
    after[after.length - 1 - tail] !== LOST
  )
    tail++;
  // Never cut a surrogate pair.
  if (head > 0 && isHighSurrogate(window.charCodeAt(head - 1))) head--;
  if (tail > 0 && isHighSurrogate(window.charCodeAt(window.length - tail - 1))) tail--;
  const before = window.slice(head, window.length - tail);
  const changed = after.slice(head, after.length - tail);
  // Where the markers stand in the changed text (none is followed once 烫烫烫 has moved them).
  const markers = uninitialised ? [] : best.markers.filter((marker) => marker.at >= head && marker.at < after.length - tail).map((marker) => ({ ...marker, at: marker.at - head }));
  return {
    start: start + head,
    end: end - tail,
    before,
    after: changed,
    markers,
    readings: best.readings,
    lost,
    lostApproximate: last.some((span) => span.lostApproximate),
    earlierLost,
    uninitialised,
    strong: isStrong(before, changed, multibyte) || uninitialised > 0 || (earlierLost > 0 && before.includes('锟斤拷')),
    badnessBefore: original.badness,
    badnessAfter: badness(after),
    commonBefore: profile(window).commonHan,
    commonAfter: profile(after).commonHan,
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Whether a repaired window is evidence enough on its own: the reading restores several frequent
 * characters, and either the text it replaced is mostly signs of mojibake or the reading decoded
 * four or more multi-byte UTF-8 characters (random bytes are seldom valid UTF-8; GBK read as
 * Latin-1 and then as GBK again looks like common characters, 脛锚 for 年), or a longer window
 * becomes all frequent characters where it had a fifth or more that are not. A short window (年
 * misread as `Äê`) is repaired only when a strong one elsewhere in the capture shows the same
 * misreading.
 */
function isStrong(before: string, after: string, multibyte: number): boolean {
  const old = profile(before);
  const now = profile(after);
  if (!old.nonAscii) return false;
  const readsAsChinese = now.han >= 3 && now.commonHan >= now.han * 0.75;
  if (readsAsChinese && (old.suspect >= old.nonAscii * 0.5 || multibyte >= 4)) return true;
  // GBK read as Big5 looks Traditional and mostly common (Big5 level 1 is large); the right
  // reading of a longer window is then all frequent characters where the wrong one is not.
  if (now.han >= 6 && now.commonHan >= now.han * 0.95 && old.han > 0 && old.commonHan <= old.han * 0.8 && old.suspect >= 2) return true;
  return now.han >= 2 && now.commonHan === now.han && old.suspect >= old.nonAscii * 0.8;
}

/** Plain words for a chain of misreadings, in the order they happened. */
export function describeReadings(readings: Misreading[]): string {
  return [...readings]
    .reverse()
    .map((reading, index) => `${index ? '再' : ''}${ENCODING_NAMES[reading.right]} 的字节被当作 ${ENCODING_NAMES[reading.wrong]} 读取`)
    .join('，');
}

/** A key naming a chain of misreadings, for telling whether a capture shows it anywhere with strong evidence. */
export function readingsKey(readings: Misreading[]): string {
  return readings.map((reading) => `${reading.right}<${reading.wrong}`).join('|');
}

/** Every window of a text that a reading repairs, in order. */
export function findRepairs(text: string): WindowRepair[] {
  if (!hasSuspectCharacters(text)) return [];
  const repairs: WindowRepair[] = [];
  for (const window of textWindows(text)) {
    const repair = repairWindow(text, window.start, window.end);
    if (repair) repairs.push(repair);
  }
  return repairs;
}

/** Applies chosen repairs (in order, not overlapping) to the text they were found in. */
export function applyRepairs(text: string, repairs: WindowRepair[]): string {
  let out = '';
  let cursor = 0;
  for (const repair of repairs) {
    out += text.slice(cursor, repair.start) + repair.after;
    cursor = repair.end;
  }
  return out + text.slice(cursor);
}


/**
 * The repairs to make in the strings of one capture (its text nodes, markup values and front
 * matter), each list in order:
 * 1. windows that look garbled (two or more signs of mojibake, a tenth of the window or more)
 *    are searched with every reading, the largest first; a repair with strong evidence of its own
 *    is made;
 * 2. every other window with a sign of mojibake, and the garbled ones whose best reading was not
 *    strong, are tried with the readings found strong in step 1 only (年 misread as `Äê` is
 *    repaired only when the capture shows the same misreading with strong evidence elsewhere);
 * 3. when strong repairs of one reading cover most of the capture's non-ASCII text, the capture
 *    was misread as a whole: every window is read again that way, even one without a sign of its
 *    own (年 in GBK read as Big5 is the common character 爛). Once that is known, the windows
 *    still to search in step 1 are read that way first.
 * Clean text costs one pass over its characters.
 */
export function planCaptureRepairs(values: string[]): WindowRepair[][] {
  const plans: WindowRepair[][] = values.map(() => []);
  const garbled: TextWindow[] = [];
  for (let index = 0; index < values.length; index++) {
    if (hasSuspectCharacters(values[index]!)) for (const window of textWindows(values[index]!, 'garbled', index)) garbled.push(window);
  }
  // Nothing looks garbled: no window has evidence of its own, so no other can be read on the strength of one.
  if (!garbled.length) return plans;
  const pending: TextWindow[] = [];
  for (let index = 0; index < values.length; index++) {
    if (!hasSuspectCharacters(values[index]!)) continue;
    for (const window of textWindows(values[index]!, 'suspect', index)) if (!looksGarbled(window)) pending.push(window);
  }
  let total: number | undefined;
  const strong = new Map<string, { readings: Misreading[]; covered: number }>();
  let page: Misreading[] | undefined;
  garbled.sort((a, b) => b.end - b.start - (a.end - a.start) || a.index - b.index || a.start - b.start);
  // A window's reading depends only on its text (and whether it ends its string): repeated windows are searched once.
  const searched = new Map<string, { at: number; repair: WindowRepair | undefined }>();
  const search = (value: string, start: number, end: number): WindowRepair | undefined => {
    const key = `${end === value.length ? 1 : 0}${value.slice(start, end)}`;
    let found = searched.get(key);
    if (!found) {
      found = { at: start, repair: repairWindow(value, start, end) };
      searched.set(key, found);
    }
    const shift = start - found.at;
    return found.repair && { ...found.repair, start: found.repair.start + shift, end: found.repair.end + shift };
  };
  for (const window of garbled) {
    const value = values[window.index]!;
    let repair = page ? repairWindowAs(value, window.start, window.end, page) : undefined;
    repair ??= search(value, window.start, window.end);
    if (!repair?.strong) {
      pending.push(window);
      continue;
    }
    plans[window.index]!.push(repair);
    if (!repair.readings.length) continue;
    const key = readingsKey(repair.readings);
    const entry = strong.get(key) ?? { readings: repair.readings, covered: 0 };
    entry.covered += nonAscii(repair.before);
    strong.set(key, entry);
    total ??= values.reduce((sum, value) => sum + nonAscii(value), 0);
    if (!page && entry.covered >= total * 0.6) page = entry.readings;
  }
  const supported = [...strong.values()].map((entry) => entry.readings);
  if (supported.length) {
    for (const window of pending) {
      const repair = repairWindow(values[window.index]!, window.start, window.end, supported);
      if (repair) plans[window.index]!.push(repair);
    }
  }
  if (page) {
    const pageKey = readingsKey(page);
    values.forEach((value, index) => {
      const accepted = plans[index]!.sort((a, b) => a.start - b.start);
      const kept: WindowRepair[] = [];
      let next = 0;
      for (const window of textWindows(value, 'all')) {
        const overlapping: WindowRepair[] = [];
        while (next < accepted.length && accepted[next]!.start < window.end) {
          if (accepted[next]!.end > window.start) overlapping.push(accepted[next]!);
          else kept.push(accepted[next]!);
          next++;
        }
        // A window already repaired by another reading keeps that repair; one repaired by the page's reading is read whole that way.
        if (overlapping.some((repair) => readingsKey(repair.readings) !== pageKey)) {
          for (const repair of overlapping) kept.push(repair);
          continue;
        }
        const repair = repairWindowAs(value, window.start, window.end, page);
        if (repair) kept.push(repair);
        else for (const earlier of overlapping) kept.push(earlier);
      }
      for (let rest = next; rest < accepted.length; rest++) kept.push(accepted[rest]!);
      plans[index] = kept;
    });
  }
  return plans.map((list) => list.sort((a, b) => a.start - b.start));
}

/** Two or more signs of mojibake making up a tenth of the window or more, or a signature run. */
function looksGarbled(window: TextWindow): boolean {
  return (window.suspects >= 2 && window.suspects >= window.nonAscii / 10) || window.signature;
}

function nonAscii(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) count++;
  return count;
}

/** One string repaired on its own evidence, as if it were the whole capture. */
export function repairMisdecoded(text: string): { text: string; repairs: WindowRepair[] } {
  const [repairs] = planCaptureRepairs([text]);
  return { text: applyRepairs(text, repairs!), repairs: repairs! };
}
