/**
 * The postings of every run of one to MAX_GRAM word characters of every article: for each such
 * gram, the articles it occurs in (by id) and a rank byte each, packed into bucket files by a
 * hash of the gram (templates/assets/search-engine.js reads them).
 *
 * Built in two passes over the articles, both in id order, with the grams in typed arrays (no
 * object per gram or per posting): the first counts, per gram, its articles and the bytes of
 * their ids; the second writes each posting straight into its place. An article's grams are found
 * again in the second pass rather than kept, which costs less than keeping them: an article of a
 * few thousand characters has several thousand distinct grams, and an archive tens of millions of
 * postings.
 */
import { bucketOf, isWordUnit, MAX_GRAM, normalizeText, rankByte } from '../../../templates/assets/search-engine.js';

/** One article to index: its id and its searchable text, the title first. */
export interface GramSource {
  id: number;
  /** Title, deck and body, a line apart (searchableText), normalised or foldable (gramText). */
  text: string;
  /** Whether `text` is still to be folded unit by unit (FOLD) as it is read. */
  fold: boolean;
  /** Length of the title at the start of `text`. */
  titleLength: number;
}

/**
 * Per BMP code unit, its normal form (normalizeText) when that is one code unit, else 0. Nearly
 * every character folds to one (full-width to ASCII, upper to lower case): a text made only of
 * such characters is read through this table instead of being normalised into a new string.
 * Positions then count the text as written, which is all the index needs of them (they are
 * compared only with one another).
 */
const FOLD = new Uint16Array(0x10000);
for (let unit = 0; unit < 0x10000; unit++) {
  if (unit >= 0xd800 && unit <= 0xdfff) continue;
  const form = normalizeText(String.fromCharCode(unit)).text;
  FOLD[unit] = form.length === 1 ? form.charCodeAt(0) : 0;
}

/** The text the grams of `searchable` (a title, deck and body) are read from, and how. */
export function gramText(searchable: string, titleLength: number): Omit<GramSource, 'id'> {
  for (let at = 0; at < searchable.length; at++) {
    if (FOLD[searchable.charCodeAt(at)] === 0) {
      return { text: normalizeText(searchable).text, fold: false, titleLength: normalizeText(searchable.slice(0, titleLength)).text.length };
    }
  }
  return { text: searchable, fold: true, titleLength };
}

/** Word characters by code unit, copied from the engine's test once (it is called per character). */
const WORD = new Uint8Array(0x10000);
for (let unit = 0; unit < 0x10000; unit++) WORD[unit] = isWordUnit(unit) ? 1 : 0;

const mix = (high: number, low: number) => {
  let hash = Math.imul(high, 0x9e3779b1) ^ Math.imul(low ^ 0x7f4a7c15, 0x85ebca77);
  hash ^= hash >>> 15;
  return Math.imul(hash, 0x2c1b3c6d) ^ (hash >>> 12);
};

/** The distinct grams of one article, with how often each occurs and where first. */
class ArticleGrams {
  size = 0;
  high = new Uint32Array(1024);
  low = new Uint32Array(1024);
  count = new Uint32Array(1024);
  first = new Uint32Array(1024);
  /** The gram's hash (mix), for the archive's table to reuse. */
  hash = new Uint32Array(1024);
  /** Grams of MAX_GRAM units: their occurrences, first and last (NONE when shorter), linked by occurrence. */
  head = new Uint32Array(1024);
  tail = new Uint32Array(1024);
  /** Per occurrence of a gram of MAX_GRAM units: its position, and the next occurrence of the same gram. */
  occurrenceAt = new Uint32Array(1024);
  nextOccurrence = new Uint32Array(1024);
  private occurrences = 0;
  private tableMask = 0;
  private stamp = new Uint32Array(0);
  private slotOf = new Uint32Array(0);
  private generation = 0;

  collect(text: string, fold: boolean): void {
    this.size = 0;
    this.occurrences = 0;
    this.generation += 1;
    const length = text.length;
    // At most MAX_GRAM grams start at each position; the table stays under half full.
    let capacity = this.stamp.length || 1024;
    while (capacity < length * MAX_GRAM * 2) capacity *= 2;
    if (capacity !== this.stamp.length) {
      this.stamp = new Uint32Array(capacity);
      this.slotOf = new Uint32Array(capacity);
      this.tableMask = capacity - 1;
      this.generation = 1;
    }
    if (this.high.length < length * MAX_GRAM) this.grow(length * MAX_GRAM);
    if (this.occurrenceAt.length < length) {
      this.occurrenceAt = new Uint32Array(this.high.length);
      this.nextOccurrence = new Uint32Array(this.high.length);
    }
    for (let at = 0; at < length; at++) {
      const c0 = (fold ? FOLD[text.charCodeAt(at)]! : text.charCodeAt(at));
      if (!WORD[c0]) continue;
      let high = (c0 << 16) >>> 0;
      this.add(high, 0, at);
      if (at + 1 >= length) continue;
      const c1 = (fold ? FOLD[text.charCodeAt(at + 1)]! : text.charCodeAt(at + 1));
      if (!WORD[c1]) continue;
      high = (high | c1) >>> 0;
      this.add(high, 0, at);
      if (at + 2 >= length) continue;
      const c2 = (fold ? FOLD[text.charCodeAt(at + 2)]! : text.charCodeAt(at + 2));
      if (!WORD[c2]) continue;
      let low = (c2 << 16) >>> 0;
      this.add(high, low, at);
      if (at + 3 >= length) continue;
      const c3 = (fold ? FOLD[text.charCodeAt(at + 3)]! : text.charCodeAt(at + 3));
      if (!WORD[c3]) continue;
      low = (low | c3) >>> 0;
      const index = this.add(high, low, at);
      const occurrence = this.occurrences++;
      this.occurrenceAt[occurrence] = at;
      this.nextOccurrence[occurrence] = NONE;
      if (this.head[index] === NONE) this.head[index] = occurrence;
      else this.nextOccurrence[this.tail[index]!] = occurrence;
      this.tail[index] = occurrence;
    }
  }

  /** Adds an occurrence of a gram; returns the gram's index among the article's. */
  private add(high: number, low: number, at: number): number {
    const mask = this.tableMask;
    const hash = mix(high, low);
    for (let probe = hash & mask; ; probe = (probe + 1) & mask) {
      if (this.stamp[probe] !== this.generation) {
        this.stamp[probe] = this.generation;
        const index = this.size++;
        this.slotOf[probe] = index;
        this.high[index] = high;
        this.low[index] = low;
        this.count[index] = 1;
        this.first[index] = at;
        this.hash[index] = hash;
        this.head[index] = NONE;
        return index;
      }
      const index = this.slotOf[probe]!;
      if (this.high[index] === high && this.low[index] === low) {
        this.count[index]! += 1;
        return index;
      }
    }
  }

  private grow(size: number): void {
    let capacity = this.high.length;
    while (capacity < size) capacity *= 2;
    this.high = new Uint32Array(capacity);
    this.low = new Uint32Array(capacity);
    this.count = new Uint32Array(capacity);
    this.first = new Uint32Array(capacity);
    this.hash = new Uint32Array(capacity);
    this.head = new Uint32Array(capacity);
    this.tail = new Uint32Array(capacity);
    this.occurrenceAt = new Uint32Array(capacity);
    this.nextOccurrence = new Uint32Array(capacity);
  }

  /** Bytes of a gram's positions in this article: their number, then the first and the differences. */
  positionBytes(index: number): number {
    let bytes = varintSize(this.count[index]!);
    let previous = 0;
    for (let occurrence = this.head[index]!; occurrence !== NONE; occurrence = this.nextOccurrence[occurrence]!) {
      const at = this.occurrenceAt[occurrence]!;
      bytes += varintSize(at - previous);
      previous = at;
    }
    return bytes;
  }

  /** Writes a gram's positions (as positionBytes counts them) into `arena` at `at`; returns the end. */
  writePositions(index: number, arena: Uint8Array, at: number): number {
    at = writeVarint(arena, at, this.count[index]!);
    let previous = 0;
    for (let occurrence = this.head[index]!; occurrence !== NONE; occurrence = this.nextOccurrence[occurrence]!) {
      const position = this.occurrenceAt[occurrence]!;
      at = writeVarint(arena, at, position - previous);
      previous = position;
    }
    return at;
  }
}

function writeVarint(arena: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    arena[at++] = (value & 0x7f) | 0x80;
    value = Math.floor(value / 128);
  }
  arena[at++] = value;
  return at;
}

const NONE = 0xffffffff;

const varintSize = (value: number) => (value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5);

/** Every gram of the archive, in an open-addressing table of typed arrays. */
class GramTable {
  size = 0;
  mask: number;
  high: Uint32Array;
  low: Uint32Array;
  /** Last article id seen (pass 1) or written (pass 2), -1 before. */
  last: Int32Array;
  /** Articles the gram occurs in. */
  articles: Uint32Array;
  /** Bytes of the varint ids. */
  idBytes: Uint32Array;
  /** Bytes of the positions (grams of MAX_GRAM units only). */
  positionBytes: Uint32Array;

  constructor(capacity = 1 << 16) {
    this.mask = capacity - 1;
    this.high = new Uint32Array(capacity);
    this.low = new Uint32Array(capacity);
    this.last = new Int32Array(capacity).fill(-1);
    this.articles = new Uint32Array(capacity);
    this.idBytes = new Uint32Array(capacity);
    this.positionBytes = new Uint32Array(capacity);
  }

  /** The slot of a gram, added if new. High halves are never 0 (a gram's first unit is not U+0000), so 0 marks a free slot. */
  slot(high: number, low: number, hash: number): number {
    if ((this.size + 1) * 2 > this.high.length) this.rehash();
    const mask = this.mask;
    for (let probe = hash & mask; ; probe = (probe + 1) & mask) {
      const present = this.high[probe]!;
      if (present === 0) {
        this.high[probe] = high;
        this.low[probe] = low;
        this.size += 1;
        return probe;
      }
      if (present === high && this.low[probe] === low) return probe;
    }
  }

  /** The slot of a gram already in the table. */
  find(high: number, low: number, hash: number): number {
    const mask = this.mask;
    for (let probe = hash & mask; ; probe = (probe + 1) & mask) {
      if (this.high[probe] === high && this.low[probe] === low) return probe;
      if (this.high[probe] === 0) throw new Error('search index: a gram of the second pass was not seen in the first');
    }
  }

  private rehash(): void {
    const { high, low, last, articles, idBytes, positionBytes } = this;
    const capacity = high.length * 2;
    this.mask = capacity - 1;
    this.high = new Uint32Array(capacity);
    this.low = new Uint32Array(capacity);
    this.last = new Int32Array(capacity).fill(-1);
    this.articles = new Uint32Array(capacity);
    this.idBytes = new Uint32Array(capacity);
    this.positionBytes = new Uint32Array(capacity);
    for (let old = 0; old < high.length; old++) {
      if (high[old] === 0) continue;
      for (let probe = mix(high[old]!, low[old]!) & this.mask; ; probe = (probe + 1) & this.mask) {
        if (this.high[probe] === 0) {
          this.high[probe] = high[old]!;
          this.low[probe] = low[old]!;
          this.last[probe] = last[old]!;
          this.articles[probe] = articles[old]!;
          this.idBytes[probe] = idBytes[old]!;
          this.positionBytes[probe] = positionBytes[old]!;
          break;
        }
      }
    }
  }
}

export interface PostingsIndex {
  bucketCount: number;
  grams: number;
  postings: number;
}

/** The bucket files aim at about this size: one is fetched per gram a query looks up. */
export const BUCKET_TARGET_BYTES = 24 * 1024;
/** The fewest buckets (small archives). */
export const MIN_BUCKETS = 16;
/** The most buckets (files in one folder). */
export const MAX_BUCKETS = 1 << 16;

/**
 * The number of buckets for an index of `bytes` in all: a power of two, so that it changes (and
 * with it every bucket file) only when the archive doubles or halves.
 */
export function bucketCountFor(bytes: number): number {
  let count = MIN_BUCKETS;
  while (count < MAX_BUCKETS && count * BUCKET_TARGET_BYTES < bytes) count *= 2;
  return count;
}

/**
 * Indexes `sources` (ascending ids). `eachSource` is called twice, once per pass, so that the
 * caller can make each text when it is needed rather than hold them all. Each bucket file is
 * handed to `onBucket` as soon as it is made, so that only one is held at a time.
 */
export function buildPostings(eachSource: () => Iterable<GramSource>, onBucket: (bucket: number, postings: Uint8Array, positions: Uint8Array) => void): PostingsIndex {
  const grams = new ArticleGrams();
  const table = new GramTable();
  let postings = 0;
  let previousId = -1;
  // Pass 1: how many articles and id bytes per gram.
  for (const source of eachSource()) {
    if (source.id <= previousId) throw new Error(`search index: article ids must ascend (${source.id} after ${previousId})`);
    previousId = source.id;
    grams.collect(source.text, source.fold);
    for (let index = 0; index < grams.size; index++) {
      const slot = table.slot(grams.high[index]!, grams.low[index]!, grams.hash[index]!);
      const last = table.last[slot]!;
      table.idBytes[slot]! += varintSize(last < 0 ? source.id : source.id - last);
      table.last[slot] = source.id;
      table.articles[slot]! += 1;
      if (grams.head[index] !== NONE) table.positionBytes[slot]! += grams.positionBytes(index);
    }
    postings += grams.size;
  }

  // Places: each gram's ids, then its rank bytes, in one arena.
  const capacity = table.high.length;
  const idAt = new Uint32Array(capacity);
  const rankAt = new Uint32Array(capacity);
  let total = 0;
  for (let slot = 0; slot < capacity; slot++) {
    if (table.high[slot] === 0) continue;
    idAt[slot] = total;
    total += table.idBytes[slot]!;
    rankAt[slot] = total;
    total += table.articles[slot]!;
    table.last[slot] = -1;
  }
  const arena = new Uint8Array(total);
  const positionAt = new Uint32Array(capacity);
  let positionTotal = 0;
  for (let slot = 0; slot < capacity; slot++) {
    positionAt[slot] = positionTotal;
    positionTotal += table.positionBytes[slot]!;
  }
  const positionArena = new Uint8Array(positionTotal);

  // Pass 2: every posting written into its place.
  for (const source of eachSource()) {
    grams.collect(source.text, source.fold);
    for (let index = 0; index < grams.size; index++) {
      const slot = table.find(grams.high[index]!, grams.low[index]!, grams.hash[index]!);
      const last = table.last[slot]!;
      let value = last < 0 ? source.id : source.id - last;
      let at = idAt[slot]!;
      while (value >= 0x80) {
        arena[at++] = (value & 0x7f) | 0x80;
        value = Math.floor(value / 128);
      }
      arena[at++] = value;
      idAt[slot] = at;
      table.last[slot] = source.id;
      const first = grams.first[index]!;
      arena[rankAt[slot]!] = rankByte(grams.count[index]!, first, first < source.titleLength);
      rankAt[slot]! += 1;
      if (grams.head[index] !== NONE) positionAt[slot] = grams.writePositions(index, positionArena, positionAt[slot]!);
    }
  }

  // The buckets: grams grouped by bucket, each bucket's in key order.
  const slots: number[] = [];
  let directoryBytes = 0;
  for (let slot = 0; slot < capacity; slot++) {
    if (table.high[slot] === 0) continue;
    slots.push(slot);
    directoryBytes += 1 + 2 * gramLength(table.high[slot]!, table.low[slot]!) + varintSize(table.articles[slot]!) + varintSize(table.idBytes[slot]!);
  }
  const bucketCount = bucketCountFor(total + directoryBytes);
  const bucketOfSlot = new Uint32Array(capacity);
  const perBucket = new Uint32Array(bucketCount + 1);
  for (const slot of slots) {
    const bucket = bucketOf(table.high[slot]!, table.low[slot]!, bucketCount);
    bucketOfSlot[slot] = bucket;
    perBucket[bucket + 1]! += 1;
  }
  for (let bucket = 0; bucket < bucketCount; bucket++) perBucket[bucket + 1]! += perBucket[bucket]!;
  const ordered = new Uint32Array(slots.length);
  const fill = perBucket.slice(0, bucketCount);
  for (const slot of slots) ordered[fill[bucketOfSlot[slot]!]!++] = slot;

  for (let bucket = 0; bucket < bucketCount; bucket++) {
    const members = Array.from(ordered.subarray(perBucket[bucket]!, perBucket[bucket + 1]!));
    members.sort((a, b) => table.high[a]! - table.high[b]! || table.low[a]! - table.low[b]!);
    onBucket(bucket, bucketFile(table, members, arena, idAt, rankAt), positionsFile(table, members, positionArena, positionAt));
  }
  return { bucketCount, grams: table.size, postings };
}

function gramLength(high: number, low: number): number {
  return (high & 0xffff ? 2 : 1) + (low ? (low & 0xffff ? 2 : 1) : 0);
}

/**
 * One bucket file (search-engine.js, findPostings): the directory, then each gram's ids and rank
 * bytes. After pass 2, idAt and rankAt point just past each gram's ids and ranks.
 */
function bucketFile(table: GramTable, members: number[], arena: Uint8Array, idAt: Uint32Array, rankAt: Uint32Array): Uint8Array {
  const parts: number[] = [];
  const push = (value: number) => {
    while (value >= 0x80) {
      parts.push((value & 0x7f) | 0x80);
      value = Math.floor(value / 128);
    }
    parts.push(value);
  };
  push(members.length);
  let dataBytes = 0;
  for (const slot of members) {
    const high = table.high[slot]!;
    const low = table.low[slot]!;
    const units = [high >>> 16, high & 0xffff, low >>> 16, low & 0xffff].filter((unit) => unit !== 0);
    parts.push(units.length);
    for (const unit of units) parts.push(unit & 0xff, unit >>> 8);
    push(table.articles[slot]!);
    push(table.idBytes[slot]!);
    dataBytes += table.idBytes[slot]! + table.articles[slot]!;
  }
  const file = new Uint8Array(parts.length + dataBytes);
  file.set(parts);
  let at = parts.length;
  for (const slot of members) {
    const ids = table.idBytes[slot]!;
    const count = table.articles[slot]!;
    const rankEnd = rankAt[slot]!;
    // The gram's ids and ranks are contiguous in the arena, ranks right after the ids.
    file.set(arena.subarray(rankEnd - count - ids, rankEnd), at);
    at += ids + count;
  }
  return file;
}

/**
 * The positions file of a bucket (search-engine.js, findPositions): for the bucket's grams of
 * MAX_GRAM units, in the bucket's order, the gram and the byte length of its positions, then per
 * gram, per article in the order of its postings, the number of occurrences and their positions
 * in the normalised searchable text (the first, then differences). Fetched only for longer runs,
 * which it answers exactly: a run of more than MAX_GRAM characters occurs where the runs of
 * MAX_GRAM covering it occur at the right distances. After pass 2, positionAt points past each
 * gram's positions.
 */
function positionsFile(table: GramTable, members: number[], arena: Uint8Array, positionAt: Uint32Array): Uint8Array {
  const long = members.filter((slot) => table.positionBytes[slot]! > 0);
  const parts: number[] = [];
  const push = (value: number) => {
    while (value >= 0x80) {
      parts.push((value & 0x7f) | 0x80);
      value = Math.floor(value / 128);
    }
    parts.push(value);
  };
  push(long.length);
  let dataBytes = 0;
  for (const slot of long) {
    const high = table.high[slot]!;
    const low = table.low[slot]!;
    for (const unit of [high >>> 16, high & 0xffff, low >>> 16, low & 0xffff]) parts.push(unit & 0xff, unit >>> 8);
    push(table.positionBytes[slot]!);
    dataBytes += table.positionBytes[slot]!;
  }
  const file = new Uint8Array(parts.length + dataBytes);
  file.set(parts);
  let at = parts.length;
  for (const slot of long) {
    const bytes = table.positionBytes[slot]!;
    file.set(arena.subarray(positionAt[slot]! - bytes, positionAt[slot]!), at);
    at += bytes;
  }
  return file;
}
