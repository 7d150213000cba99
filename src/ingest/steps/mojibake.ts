import type { Root } from 'hast';
import iconv from 'iconv-lite';
import { pinyin } from 'pinyin-pro';
import type { Plugin } from 'unified';
import { blocks, setText, textOf } from '../blocks.ts';
import { commonHan } from '../decode.ts';

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
 * and quotation marks that pair up. Runs that no candidate makes
 * plausible are left as they are and flagged; nothing is guessed without evidence.
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
const PINYIN_AFTER = new RegExp(`^\\(?([${PINYIN}]{1,7})\\)`, 'u');
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
  let out = '';
  let cursor = 0;
  ANCHORS.lastIndex = 0;
  for (let match = ANCHORS.exec(text); match; match = ANCHORS.exec(text)) {
    const at = match.index;
    if (at < cursor) continue;
    const region = readRegion(text, at);
    if (!region) continue;
    const choice = chooseReading(text, region);
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
  const annotation = PINYIN_AFTER.exec(text.slice(at + 1));
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
    const rest = text.slice(cursor + 1);
    const pinyinNext = PINYIN_AFTER.exec(`(${rest}`);
    if (/^\/?[a-z][a-z0-9]*>/i.test(rest)) tail = { kind: 'swallowed', restore: '<' };
    else if (pinyinNext && /^[^()]{1,7}\)/u.test(rest)) tail = { kind: 'swallowed', restore: '(', pinyin: pinyinNext[1]! };
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

function chooseReading(text: string, region: Region): Reading | undefined {
  const before = text.slice(0, region.start);
  const after = text.slice(region.end);
  const readings: Reading[] = [];
  const leads = region.lead !== undefined ? [region.lead] : ALL_LEADS.filter((byte) => agrees(decode([region.head[1]!, byte]), region.leadPinyin));
  const last = region.tail;
  // A lead byte that lost its high bit follows a `?` that stood for a whole character (。).
  const lost = region.kind === 'high-bit' ? lostPunctuation(before) : '';
  const quotes = quoteBalance(before) + quoteBalance(after);
  const annotation = after.startsWith('(') ? PINYIN_AFTER.exec(after) : null;
  const swallowedAnnotation = PINYIN_AFTER.exec(`(${after}`);
  for (const leadByte of leads) {
    const core = [leadByte, ...region.run];
    const endings: { bytes: number[]; restore: string; note: string }[] =
      last.kind === 'ascii'
        ? [{ bytes: [last.byte], restore: '', note: '' }]
        : last.kind === 'swallowed'
          ? ALL_TRAILS.filter((byte) => !last.pinyin || agrees(decode([core[core.length - 1]!, byte]), last.pinyin)).map((byte) => ({
              bytes: [byte],
              restore: last.restore,
              note: '',
            }))
          : [{ bytes: [], restore: '', note: '' }];
    for (const ending of endings) {
      const bytes = [...core, ...ending.bytes];
      if (bytes.length % 2) continue;
      const decoded = decode(bytes);
      if (!decoded || decoded.includes('\uFFFD')) continue;
      const candidate = lost + decoded + ending.restore;
      const following = ending.restore === '(' ? swallowedAnnotation : annotation;
      readings.push({ text: candidate, score: plausibility(candidate, quotes, following), evidence: '', lead: leadByte });
    }
  }
  if (!readings.length) return undefined;
  readings.sort((a, b) => b.score - a.score || a.text.localeCompare(b.text));
  const best = readings[0]!;
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
function lostPunctuation(before: string): string {
  const clause = before.split(/[，。！？,!?“”]/u).pop() ?? '';
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
  const common = commonHan();
  let score = 0;
  for (let i = 0; i < candidate.length; i++) {
    const code = candidate.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      score -= 3; // outside the basic plane: never a common character
      i++;
    } else if (common.has(candidate[i]!)) score += 1;
    else if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff)) score -= 3;
    else if (PUNCTUATION.has(code)) score += 0.5;
    else if (code === 0x3c || code === 0x28) score += 0; // a restored < or (
    else score -= 2;
  }
  const annotated = [...candidate.replace(/[<(]$/, '')].pop();
  if (annotation && annotated) score += agrees(annotated, annotation[1]) ? 2 : -2;
  score -= Math.abs(quotesAround + quoteBalance(candidate));
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

/** GBK's double-byte characters by code, read once: candidates are decoded by the thousand. */
function decode(bytes: number[]): string | undefined {
  if (!gbkTable) {
    gbkTable = new Array<string>(0x10000);
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      const pairs: number[] = [];
      for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) pairs.push(lead, trail);
      const chars = [...iconv.decode(Buffer.from(pairs), 'gbk')];
      let index = 0;
      for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) gbkTable[(lead << 8) | trail] = chars[index++]!;
    }
  }
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      out += String.fromCharCode(byte);
      continue;
    }
    const char = gbkTable[(byte << 8) | (bytes[i + 1] ?? 0)];
    if (!char || char === '\uFFFD') return undefined;
    out += char;
    i++;
  }
  return out;
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
