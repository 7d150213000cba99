import type { Root } from 'hast';
import iconv from 'iconv-lite';
import { pinyin } from 'pinyin-pro';
import type { Plugin } from 'unified';
import { blocks, setText, textOf } from '../blocks.ts';
import { CharClass, charClasses, commonHan } from '../mojibake/evidence.ts';

/**
 * GBK mojibake: pages whose GBK bytes were damaged before they were decoded. Two kinds of damage
 * are seen, and both leave the decoder reading one byte out of step, so that every following
 * pair of bytes shows as a wrong (often rare) character, until a byte in the ASCII range ends the
 * run (a GBK trail byte can be 0x40–0x7E; read as a lead it is a plain letter):
 *
 * 1. A lead byte lost its high bit. `作貢獻?!倍偶液撩銊钇髽I` was `作貢獻。”杜家毫勉勵企業`: 。 became
 *    `?`, the 0xA1 lead of ” became `!` (0x21), and 倍偶液撩銊钇髽 are the following bytes read in
 *    the wrong pairs until the trail byte `I` of 業.
 * 2. A pinyin annotator, itself reading out of step, put `(shù)` inside a character: `當?shù)攸h委`
 *    was `當地黨委`, where 地's lead byte was swallowed with the `(` into a `?`. The annotation
 *    tells which byte it was: the annotator read the trail of 當 and that byte as a character
 *    read shù (數).
 *
 * A repair re-encodes the run as GB18030, puts back the lost bytes, and decodes again. Where a
 * byte is unknown every candidate is tried and the reading the surrounding text makes most
 * plausible wins: common characters, pinyin annotations that agree with their character,
 * and quotation marks that pair up. Runs that no candidate makes plausible, or that two
 * candidates make equally plausible (the evidence does not tell the byte), are left as they are,
 * and flagged when they hold rare characters; nothing is guessed without evidence.
 */

export interface MojibakeRepair {
  before: string;
  after: string;
  /** Plain words on how the repair was chosen, for the audit report and the fidelity notes. */
  evidence: string;
}

export interface MojibakeResult {
  text: string;
  repairs: MojibakeRepair[];
  unrepaired: string[];
}

const PINYIN = 'a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ';
// The same tests made at a position of the text (sticky), so that no test copies the rest of a long line.
const ANNOTATION_AT = new RegExp(`\\(?([${PINYIN}]{1,7})\\)`, 'uy');
const SYLLABLE_AT = new RegExp(`([${PINYIN}]{1,7})\\)`, 'uy');
const TAG_AT = /\/?[a-z][a-z0-9]*>/iy;
const SHORT_PARENTHESIS_AT = /[^()]{1,7}\)/uy;
/** A clause longer than this before a lost full stop is not read back to its start (the question words are near its end). */
const CLAUSE_LOOK_BACK = 200;

function stickyMatch(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}
const QUESTION = /[吗呢么嘛嗎麼]$|什么|什麼|怎么|怎麼|哪|谁|誰|为何|為何|是否|难道|難道|(\p{Script=Han}{1,2})不\1/u;

/** Where a run of misread characters starts: the anchor the damage left in the text. */
const ANCHORS = new RegExp(
  // 1: `?` then an ASCII byte that lost its high bit (`!` was 0xA1); 2: a Han character, `?`,
  // then a pinyin annotation that lost its `(`.
  `\\?(?=[\\x21-\\x7e])(?![${PINYIN}]{1,7}\\))|(?<=\\p{Script=Han})\\?(?=[${PINYIN}]{1,7}\\))`,
  'gu',
);

export function repairMojibake(text: string): MojibakeResult {
  const repairs: MojibakeRepair[] = [];
  const unrepaired: string[] = [];
  const scan = new Scan(text);
  let out = '';
  let cursor = 0;
  ANCHORS.lastIndex = 0;
  for (let match = ANCHORS.exec(text); match; match = ANCHORS.exec(text)) {
    const at = match.index;
    if (at < cursor) continue;
    const region = readRegion(text, at);
    if (!region) continue;
    const choice = chooseReading(scan, region);
    const before = text.slice(region.start, region.end);
    if (choice) {
      out += text.slice(cursor, region.start) + choice.text;
      // `after` replays exactly: a restored `(` or `<` is part of it, and the text after it completes it.
      repairs.push({ before, after: choice.text, evidence: choice.evidence });
    } else {
      out += text.slice(cursor, region.end);
      // A `?` before ASCII is often just a question mark; only a run of rare characters is damage.
      if (containsRare(before)) unrepaired.push(before);
    }
    cursor = region.end;
    ANCHORS.lastIndex = region.end;
  }
  return { text: out + text.slice(cursor), repairs, unrepaired };
}

/** One damaged run: the characters it spans and the byte template that rebuilds it. */
interface Region {
  start: number;
  end: number;
  kind: 'high-bit' | 'annotation';
  /** Bytes before the misread run that are kept as they are (the annotated character). */
  head: number[];
  /** The lead byte that lost its high bit (high-bit), or undefined when it must be guessed. */
  lead?: number;
  /** Pinyin the annotator gave to the misread pair that contains the lost lead byte (annotation). */
  leadPinyin?: string;
  /** The misread characters, re-encoded. */
  run: number[];
  /** How the run ended. */
  tail:
    | { kind: 'ascii'; byte: number }
    | { kind: 'swallowed'; restore: string; pinyin?: string }
    | { kind: 'open' };
}

function readRegion(text: string, at: number): Region | undefined {
  const next = text[at + 1] ?? '';
  let kind: Region['kind'];
  let cursor: number;
  let head: number[] = [];
  let lead: number | undefined;
  let leadPinyin: string | undefined;
  const annotation = stickyMatch(ANNOTATION_AT, text, at + 1);
  if (annotation && /\p{Script=Han}/u.test(text[at - 1] ?? '')) {
    kind = 'annotation';
    head = gbk(text[at - 1]!) ?? [];
    if (head.length !== 2) return undefined;
    leadPinyin = annotation[1];
    cursor = at + 1 + annotation[0].length;
  } else {
    const code = next.charCodeAt(0);
    if (!(code >= 0x21 && code <= 0x7e) || code === 0x3f) return undefined;
    kind = 'high-bit';
    lead = code | 0x80;
    cursor = at + 2;
  }
  const runStart = cursor;
  const run: number[] = [];
  while (cursor < text.length) {
    const bytes = gbk(text[cursor]!);
    if (!bytes || bytes.length !== 2) break;
    run.push(...bytes);
    cursor++;
  }
  const stop = text[cursor] ?? '';
  const stopCode = stop.charCodeAt(0);
  let tail: Region['tail'];
  if (stopCode >= 0x40 && stopCode <= 0x7e) {
    tail = { kind: 'ascii', byte: stopCode };
    cursor++;
  } else if (stop === '?') {
    const pinyinNext = stickyMatch(SYLLABLE_AT, text, cursor + 1);
    if (stickyMatch(TAG_AT, text, cursor + 1)) tail = { kind: 'swallowed', restore: '<' };
    else if (pinyinNext && stickyMatch(SHORT_PARENTHESIS_AT, text, cursor + 1)) tail = { kind: 'swallowed', restore: '(', pinyin: pinyinNext[1]! };
    else tail = { kind: 'swallowed', restore: '' };
    cursor++;
  } else {
    tail = { kind: 'open' };
  }
  if (kind === 'high-bit' && run.length === 0 && tail.kind !== 'swallowed' && tail.kind !== 'ascii') return undefined;
  if (kind === 'annotation' && cursor === runStart) return undefined;
  return {
    start: at,
    end: cursor,
    kind,
    head,
    ...(lead !== undefined ? { lead } : {}),
    ...(leadPinyin ? { leadPinyin } : {}),
    run,
    tail,
  };
}

interface Reading {
  text: string;
  score: number;
  evidence: string;
  lead?: number;
}

const ALL_LEADS = range(0x81, 0xfe);
const ALL_TRAILS = [...range(0x40, 0x7e), ...range(0x80, 0xfe)];

/**
 * What the choice of a reading needs to know of the whole text, computed once per text rather
 * than once per damaged run: a line of a hundred thousand `?a` must not be read again for each.
 */
class Scan {
  private quotes?: Int32Array;
  constructor(readonly text: string) {}

  /** How far the quotation marks outside [start, end) leave one open (+) or close one too many (−). */
  quotesAround(start: number, end: number): number {
    if (!this.quotes) {
      const prefix = new Int32Array(this.text.length + 1);
      for (let i = 0; i < this.text.length; i++) {
        const code = this.text.charCodeAt(i);
        prefix[i + 1] = prefix[i]! + (code === 0x201c ? 1 : code === 0x201d ? -1 : 0);
      }
      this.quotes = prefix;
    }
    return this.quotes[start]! + this.quotes[this.text.length]! - this.quotes[end]!;
  }

  /** The clause that ends at `at`: the text since the last punctuation mark before it. */
  clauseBefore(at: number): string {
    let start = at;
    while (start > 0 && at - start < CLAUSE_LOOK_BACK && !CLAUSE_END.has(this.text.charCodeAt(start - 1))) start--;
    return this.text.slice(start, at);
  }
}

const CLAUSE_END = new Set([...'，。！？,!?“”'].map((char) => char.charCodeAt(0)));

function chooseReading(scan: Scan, region: Region): Reading | undefined {
  const text = scan.text;
  const readings: Reading[] = [];
  const leads = region.lead !== undefined ? [region.lead] : leadsReading(region.head[1]!, region.leadPinyin);
  const last = region.tail;
  // A lead byte that lost its high bit follows a `?` that stood for a whole character (。).
  const lost = region.kind === 'high-bit' ? lostPunctuation(scan.clauseBefore(region.start)) : '';
  const quotes = scan.quotesAround(region.start, region.end);
  const annotation = text[region.end] === '(' ? stickyMatch(ANNOTATION_AT, text, region.end) : null;
  const swallowedAnnotation = stickyMatch(SYLLABLE_AT, text, region.end);
  let best: Reading | undefined;
  // Another reading as plausible as the best: the evidence does not tell the lost byte.
  let tied = false;
  const consider = (candidate: string, score: number, lead: number) => {
    if (!best || score > best.score) {
      best = { text: candidate, score, evidence: '', lead };
      tied = false;
    } else if (score === best.score && candidate !== best.text) tied = true;
  };
  for (const leadByte of leads) {
    const core = [leadByte, ...region.run];
    if (last.kind !== 'swallowed') {
      const bytes = last.kind === 'ascii' ? [...core, last.byte] : core;
      if (bytes.length % 2) continue;
      const decoded = decode(bytes);
      if (!decoded || decoded.includes('\uFFFD')) continue;
      const candidate = lost + decoded;
      consider(candidate, plausibility(candidate, quotes, annotation), leadByte);
      continue;
    }
    // Up to 190 readings differ only in their last character: the rest is decoded and scored once.
    if (core.length % 2 === 0) continue;
    const head = decode(core.slice(0, -1));
    if (head === undefined || head.includes('\uFFFD')) continue;
    const prefix = lost + head;
    const prefixScore = characterScore(prefix);
    const prefixQuotes = quoteBalance(prefix);
    const following = last.restore === '(' ? swallowedAnnotation : annotation;
    for (const ending of last.pinyin ? endingsReading(core[core.length - 1]!, last.pinyin) : endingsOf(core[core.length - 1]!)) {
      let score = prefixScore + ending.score;
      if (following) score += agrees(ending.char, following[1]) ? 2 : -2;
      score -= Math.abs(quotes + prefixQuotes + ending.quotes);
      if (best && score < best.score) continue;
      consider(prefix + ending.char + last.restore, score, leadByte);
    }
  }
  if (!best || tied) return undefined;
  const damaged = text.slice(region.start, region.end);
  if (best.score <= plausibility(damaged, quotes, annotation) + 1 || containsRare(best.text)) return undefined;
  return { ...best, evidence: describe(region, best.lead!) };
}

function describe(region: Region, lead: number): string {
  if (region.kind === 'high-bit') {
    return `首字节 0x${lead.toString(16).toUpperCase()} 丢失最高位（显示为“${String.fromCharCode(lead & 0x7f)}”），其后字节错位；按 GB18030 重新编码并补回该位后解码`;
  }
  return `拼音“${region.leadPinyin}”插在一个字的两个字节之间，吞掉了首字节；按注音补回首字节 0x${lead.toString(16).toUpperCase()}（与前字尾字节合读为注音所指的字）后解码`;
}

/** The character a `?` stood for before a closing quote: a full stop, unless the clause asks. */
function lostPunctuation(clause: string): string {
  return QUESTION.test(clause) ? '？' : '。';
}

/** How far the quotation marks of a text leave one open (+) or close one too many (−). */
function quoteBalance(text: string): number {
  let balance = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x201c) balance++;
    else if (code === 0x201d) balance--;
  }
  return balance;
}

/**
 * How plausible a reading of the run is: common characters count for it, rare ones and stray
 * bytes against; a pinyin annotation right after it must fit the character it follows; and the
 * quotation marks of the sentence should pair up.
 */
function plausibility(candidate: string, quotesAround: number, annotation: RegExpExecArray | null): number {
  let score = characterScore(candidate);
  const annotated = [...candidate.replace(/[<(]$/, '')].pop();
  if (annotation && annotated) score += agrees(annotated, annotation[1]) ? 2 : -2;
  score -= Math.abs(quotesAround + quoteBalance(candidate));
  return score;
}

/** The characters' part of plausibility: common characters for, rare ones and stray bytes against. */
function characterScore(candidate: string): number {
  const classes = charClasses();
  let score = 0;
  for (let i = 0; i < candidate.length; i++) {
    const code = candidate.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      score -= 3; // outside the basic plane: never a common character
      i++;
    } else if (classes[code] === CharClass.CommonHan) score += 1;
    else if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff)) score -= 3;
    else if (PUNCTUATION.has(code)) score += 0.5;
    else if (code === 0x3c || code === 0x28) score += 0; // a restored < or (
    else score -= 2;
  }
  return score;
}

const PUNCTUATION = new Set([...'“”‘’。，、！？：；（）《》—…·'].map((char) => char.charCodeAt(0)));

function containsRare(text: string): boolean {
  const common = commonHan();
  return [...text].some((char) => /\p{Script=Han}/u.test(char) && !common.has(char));
}

const readingsOf = new Map<string, { toned: string[]; bare: string[] }>();

function agrees(character: string | undefined, reading: string | undefined): boolean {
  if (!character || !reading) return false;
  let readings = readingsOf.get(character);
  if (!readings) {
    const toned = pinyin(character, { multiple: true, type: 'array' });
    readings = { toned, bare: toned.map(strip) };
    readingsOf.set(character, readings);
  }
  return readings.toned.includes(reading) || readings.bare.includes(strip(reading));
}

function strip(reading: string): string {
  return reading.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function gbk(char: string): number[] | undefined {
  if (char.charCodeAt(0) < 0x80) return undefined;
  const bytes = [...iconv.encode(char, 'gb18030')];
  return bytes.length === 2 ? bytes : undefined;
}

let gbkTable: string[] | undefined;
const endings = new Map<number, { char: string; score: number; quotes: number }[]>();

// Annotations a capture could make up are unbounded: the remembered ones are forgotten past this many.
const CACHE_LIMIT = 4096;
const leadsByReading = new Map<string, number[]>();

/** The lead bytes that make, after `trail`, a character read `reading` (remembered: annotations repeat). */
function leadsReading(trail: number, reading: string | undefined): number[] {
  const key = `${trail}:${reading}`;
  let leads = leadsByReading.get(key);
  if (!leads) {
    if (leadsByReading.size > CACHE_LIMIT) leadsByReading.clear();
    leads = ALL_LEADS.filter((byte) => agrees(decode([trail, byte]), reading));
    leadsByReading.set(key, leads);
  }
  return leads;
}

const endingsByReading = new Map<string, { char: string; score: number; quotes: number }[]>();

function endingsReading(lead: number, reading: string): { char: string; score: number; quotes: number }[] {
  const key = `${lead}:${reading}`;
  let list = endingsByReading.get(key);
  if (!list) {
    if (endingsByReading.size > CACHE_LIMIT) endingsByReading.clear();
    list = endingsOf(lead).filter((ending) => agrees(ending.char, reading));
    endingsByReading.set(key, list);
  }
  return list;
}

/** Every character a lead byte makes with a trail byte, with its score and quote balance: what a swallowed trail byte can have been. */
function endingsOf(lead: number): { char: string; score: number; quotes: number }[] {
  let list = endings.get(lead);
  if (!list) {
    list = [];
    for (const byte of ALL_TRAILS) {
      const char = pairChar(lead, byte);
      if (char && char !== '\uFFFD') list.push({ char, score: characterScore(char), quotes: quoteBalance(char) });
    }
    endings.set(lead, list);
  }
  return list;
}

/** The character of one GBK pair, or undefined. */
function pairChar(lead: number, trail: number): string | undefined {
  return (gbkTable ?? buildGbkTable())[(lead << 8) | trail];
}

/** GBK's double-byte characters by code, read once: candidates are decoded by the thousand. */
function decode(bytes: number[]): string | undefined {
  const table = gbkTable ?? buildGbkTable();
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      out += String.fromCharCode(byte);
      continue;
    }
    const char = table[(byte << 8) | (bytes[i + 1] ?? 0)];
    if (!char || char === '\uFFFD') return undefined;
    out += char;
    i++;
  }
  return out;
}

function buildGbkTable(): string[] {
  const table = new Array<string>(0x10000);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    const pairs: number[] = [];
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) pairs.push(lead, trail);
    const chars = [...iconv.decode(Buffer.from(pairs), 'gbk')];
    let index = 0;
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) table[(lead << 8) | trail] = chars[index++]!;
  }
  gbkTable = table;
  return table;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/** The step: repairs every paragraph and records each repair, and each run it could not repair. */
export const repairGbkMojibake: Plugin<[], Root> = () => (tree, file) => {
  const state = file.data.ingest!;
  for (const block of blocks(tree)) {
    const text = textOf(block);
    if (!text.includes('?')) continue;
    const result = repairMojibake(text);
    if (result.repairs.length) setText(block, result.text);
    for (const repair of result.repairs) {
      state.ledger.push({ step: 'mojibake', action: 'repaired', before: repair.before, after: repair.after, label: repair.evidence });
    }
    for (const damaged of result.unrepaired) {
      state.ledger.push({ step: 'mojibake', action: 'flagged', text: damaged, label: '疑似 GBK 乱码，无法可靠修复，原样保留' });
    }
  }
};
