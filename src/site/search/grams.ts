/**
 * The postings of one segment: for every run of one to MAX_GRAM word characters of its
 * documents, the documents it occurs in and a rank byte each, packed into bucket files by the
 * run's hash (engine.js reads them: findPostings).
 *
 * One pass over the documents, with no object per run or per posting:
 * - the runs are the nodes of a trie in typed arrays: a run of n + 1 units is found from the run
 *   of its first n units and its last unit (one probe of an open-addressing table keyed by both),
 *   and a run's hash (which chooses its bucket) is one step from its parent's;
 * - each node also links to the run without its first unit (its suffix, as in Aho–Corasick), so
 *   that the runs starting at the next position are the suffixes of this position's runs: a
 *   position costs one probe (for its longest run) rather than one per run, and the shorter runs
 *   starting there are the longest one's ancestors;
 * - whether a run was already seen in the document being read is a comparison with the last
 *   document that touched it, so that no table is cleared between documents;
 * - a run's posting (the difference from its last document, then the rank byte) is appended at
 *   its first occurrence in a document, to pages of a chunked arena linked page to page, so that
 *   nothing is copied as lists grow and no list is counted beforehand; a later occurrence only
 *   counts, and moves the rank byte (the last byte written for the run) to the next class of
 *   frequency when it reaches one.
 * Bucket files are made from the arena once every document is in.
 */
import { bucketOfHash, GRAM_HASH_SEED, gramHashStep, isWordUnit, MAX_GRAM, normalizeText, rankByte } from './engine.js';

/** One document to index: its searchable text, the title first. */
export interface GramSource {
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
 * Positions then count the text as written, which is all the index needs of them (the rank's
 * "how early").
 */
const FOLD = new Uint16Array(0x10000);
for (let unit = 0; unit < 0x10000; unit++) {
  if (unit >= 0xd800 && unit <= 0xdfff) continue;
  const form = normalizeText(String.fromCharCode(unit)).text;
  FOLD[unit] = form.length === 1 ? form.charCodeAt(0) : 0;
}

/** Word characters by code unit, copied from the engine's test once (it is asked per character). */
const WORD = new Uint8Array(0x10000);
for (let unit = 0; unit < 0x10000; unit++) WORD[unit] = isWordUnit(unit) ? 1 : 0;

/** The text the runs of `searchable` (a title, deck and body) are read from, and how. */
export function gramText(searchable: string, titleLength: number): GramSource {
  for (let at = 0; at < searchable.length; at++) {
    if (FOLD[searchable.charCodeAt(at)] === 0) {
      return { text: normalizeText(searchable).text, fold: false, titleLength: normalizeText(searchable.slice(0, titleLength)).text.length };
    }
  }
  return { text: searchable, fold: true, titleLength };
}

const CHUNK_BITS = 22;
const CHUNK = 1 << CHUNK_BITS;
/** A page's first size; each next page of a run is twice as large, up to LAST_PAGE. */
const FIRST_PAGE = 16;
const LAST_PAGE = 4096;
/** Room a posting may need: a varint of a difference below 2^21 and the rank byte. */
const POSTING_ROOM = 4;
/** Per number of occurrences up to 25, the rank's class of frequency when it starts a class (rankByte), else 0. */
const CLASS_STEP = new Uint8Array(26);
for (let count = 2; count <= 25; count++) {
  const before = rankByte(count - 1, 0, false) >> 4;
  const now = rankByte(count, 0, false) >> 4;
  if (now !== before) CLASS_STEP[count] = now;
}

/**
 * Pages of bytes in chunks of CHUNK. A page ends with the 4-byte offset of the next page; a
 * writer moves to a new page when fewer than POSTING_ROOM bytes are left before that link, and a
 * reader, taking the same decision before each posting, follows it.
 */
class Arena {
  private chunks: Uint8Array[] = [];
  private top = CHUNK;

  /** Bytes held. */
  get size(): number {
    return this.chunks.length * CHUNK;
  }

  allocate(bytes: number): number {
    if (this.top + bytes > CHUNK) {
      this.chunks.push(new Uint8Array(CHUNK));
      this.top = 0;
    }
    const offset = (this.chunks.length - 1) * CHUNK + this.top;
    this.top += bytes;
    return offset;
  }

  /** The chunk holding `offset`. */
  chunk(offset: number): Uint8Array {
    return this.chunks[offset >>> CHUNK_BITS]!;
  }

  byte(offset: number): number {
    return this.chunks[offset >>> CHUNK_BITS]![offset & (CHUNK - 1)]!;
  }

  setByte(offset: number, value: number): void {
    this.chunks[offset >>> CHUNK_BITS]![offset & (CHUNK - 1)] = value;
  }

  link(offset: number): number {
    return (this.byte(offset) | (this.byte(offset + 1) << 8) | (this.byte(offset + 2) << 16) | (this.byte(offset + 3) << 24)) >>> 0;
  }

  setLink(offset: number, value: number): void {
    this.setByte(offset, value & 0xff);
    this.setByte(offset + 1, (value >>> 8) & 0xff);
    this.setByte(offset + 2, (value >>> 16) & 0xff);
    this.setByte(offset + 3, value >>> 24);
  }
}

const nextPageSize = (size: number) => (size < LAST_PAGE ? size * 2 : size);

// A run's hot fields, side by side so that touching a run costs one cache line.
const LAST_DOC = 0;
const COUNT = 1;
const PARENT = 2;
const AT = 3;
const END = 4;
const DF = 5;
const BYTES = 6;
const PAGE_SIZE = 7;
const STRIDE = 8;

/** The runs of the documents added so far, and their postings. */
export class SegmentPostings {
  /** Documents added. */
  docs = 0;
  /** Runs (trie nodes). */
  size = 0;
  /** Postings in all. */
  postings = 0;
  private capacity = 1 << 14;
  /**
   * Per run, STRIDE numbers: the last document it occurred in (-1 before), how often in that
   * document, its parent (-1 for a run of one unit), where its next posting goes
   * in the arena and where its page's link is, how many postings it has, their bytes, and the
   * size of its page (0 before its first posting).
   */
  private record = new Int32Array(this.capacity * STRIDE);
  // Per run, what is read less often: its suffix, last unit, length, hash, first page.
  private suffix = new Int32Array(this.capacity);
  private unit = new Uint16Array(this.capacity);
  private length = new Uint8Array(this.capacity);
  private hash = new Uint32Array(this.capacity);
  private head = new Uint32Array(this.capacity);
  /** Runs of one unit, by unit (-1 before). */
  private readonly roots = new Int32Array(0x10000).fill(-1);
  /** Runs of two units or more, by a hash of their parent and last unit (-1 free). */
  private slots = new Int32Array(this.capacity * 2).fill(-1);
  private readonly arena = new Arena();
  private units = new Uint16Array(1 << 12);
  private readonly window = new Int32Array(MAX_GRAM);

  /** Bytes the postings take in memory. */
  get arenaBytes(): number {
    return this.arena.size;
  }

  /** Adds the next document (documents are numbered 0, 1, … in the order they are added). */
  add(source: GramSource): void {
    const doc = this.docs++;
    const { text, fold, titleLength } = source;
    const length = text.length;
    if (this.units.length < length) this.units = new Uint16Array(length * 2);
    const units = this.units;
    for (let at = 0; at < length; at++) units[at] = fold ? FOLD[text.charCodeAt(at)]! : text.charCodeAt(at);
    let postings = 0;
    // The runs starting at `at`: window[k] is the one of k + 1 units, for k < runs (all word
    // characters, at most MAX_GRAM). The runs starting one unit later are their suffixes (each
    // found apart from the others, so that the look-ups do not wait on one another), and maybe
    // one more unit.
    const window = this.window;
    let runs = 0;
    for (let at = 0; at < length; at++) {
      if (runs > 1) {
        runs -= 1;
        for (let k = 0; k < runs; k++) window[k] = this.suffix[window[k + 1]!]!;
        // The longest may reach one unit further, unless the runs before stopped at a non-word unit.
        const next = at + runs;
        if (runs === MAX_GRAM - 1 && next < length && WORD[units[next]!]) {
          window[runs] = this.child(window[runs - 1]!, units[next]!);
          runs += 1;
        }
      } else {
        const first = units[at]!;
        if (!WORD[first]) {
          runs = 0;
          continue;
        }
        window[0] = this.root(first);
        runs = 1;
        for (let next = at + 1; runs < MAX_GRAM && next < length && WORD[units[next]!]; next++) {
          window[runs] = this.child(window[runs - 1]!, units[next]!);
          runs += 1;
        }
      }
      for (let k = 0; k < runs; k++) {
        const node = window[k]!;
        const record = this.record;
        const base = node * STRIDE;
        if (record[base + LAST_DOC] !== doc) {
          // The run's first occurrence in the document: its posting, with the rank of one occurrence.
          const delta = doc - record[base + LAST_DOC]!;
          record[base + LAST_DOC] = doc;
          record[base + COUNT] = 1;
          this.append(node, delta, rankByte(1, at, at < titleLength));
          postings += 1;
        } else {
          const count = ++record[base + COUNT]!;
          // The rank byte, the last byte written for the run, follows the count's class.
          if (count <= 25 && CLASS_STEP[count]) {
            const rankAt = record[base + AT]! - 1;
            const chunk = this.arena.chunk(rankAt);
            const local = rankAt & (CHUNK - 1);
            chunk[local] = (chunk[local]! & 0x8f) | (CLASS_STEP[count]! << 4);
          }
        }
      }
    }
    this.postings += postings;
  }

  /** The run of one unit, added if new. */
  private root(unit: number): number {
    let node = this.roots[unit]!;
    if (node < 0) {
      node = this.create(-1, unit, gramHashStep(GRAM_HASH_SEED, unit), 1);
      this.roots[unit] = node;
      this.suffix[node] = -1;
    }
    return node;
  }

  /** The run of `parent` followed by `unit`, added if new. */
  private child(parent: number, unit: number): number {
    const hash = gramHashStep(this.hash[parent]!, unit);
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const node = slots[slot]!;
      if (node < 0) return this.created(parent, unit, hash);
      if (this.unit[node] === unit && this.record[node * STRIDE + PARENT] === parent) return node;
    }
  }

  /** A new run of `parent` followed by `unit`. */
  private created(parent: number, unit: number, hash: number): number {
    const created = this.create(parent, unit, hash, this.length[parent]! + 1);
    this.place(created);
    // Its suffix: the parent's suffix followed by the unit (made now if new, its own suffix with it).
    // (Found before it is stored: finding it may grow the arrays.)
    const parentSuffix = this.suffix[parent]!;
    const suffix = parentSuffix < 0 ? this.root(unit) : this.child(parentSuffix, unit);
    this.suffix[created] = suffix;
    return created;
  }

  private place(node: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hash[node]! & mask;
    while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = node;
  }

  private create(parent: number, unit: number, hash: number, length: number): number {
    if (this.size === this.capacity) this.grow();
    const node = this.size++;
    const base = node * STRIDE;
    this.record[base + LAST_DOC] = -1;
    this.record[base + PARENT] = parent;
    this.unit[node] = unit;
    this.length[node] = length;
    this.hash[node] = hash;
    return node;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const widen = <T extends Int32Array | Uint32Array | Uint16Array | Uint8Array>(array: T, make: (size: number) => T, size = capacity): T => {
      const wider = make(size);
      wider.set(array);
      return wider;
    };
    this.record = widen(this.record, (size) => new Int32Array(size), capacity * STRIDE);
    this.suffix = widen(this.suffix, (size) => new Int32Array(size));
    this.unit = widen(this.unit, (size) => new Uint16Array(size));
    this.length = widen(this.length, (size) => new Uint8Array(size));
    this.hash = widen(this.hash, (size) => new Uint32Array(size));
    this.head = widen(this.head, (size) => new Uint32Array(size));
    this.capacity = capacity;
    // The table of runs stays at most half full.
    this.slots = new Int32Array(capacity * 2).fill(-1);
    for (let node = 0; node < this.size; node++) if (this.record[node * STRIDE + PARENT]! >= 0) this.place(node);
  }

  /** Appends a posting (the difference from the run's last document, and the rank byte) to a run's pages. */
  private append(node: number, delta: number, rank: number): void {
    const arena = this.arena;
    const record = this.record;
    const base = node * STRIDE;
    let at = record[base + AT]!;
    if (record[base + PAGE_SIZE] === 0) {
      at = arena.allocate(FIRST_PAGE);
      this.head[node] = at;
      record[base + PAGE_SIZE] = FIRST_PAGE;
      record[base + END] = at + FIRST_PAGE - 4;
    } else if (at + POSTING_ROOM > record[base + END]!) {
      const size = nextPageSize(record[base + PAGE_SIZE]!);
      const page = arena.allocate(size);
      arena.setLink(record[base + END]!, page);
      at = page;
      record[base + PAGE_SIZE] = size;
      record[base + END] = page + size - 4;
    }
    // A page never spans two chunks: the posting is written in one.
    const chunk = arena.chunk(at);
    let local = at & (CHUNK - 1);
    const start = local;
    let value = delta;
    while (value >= 0x80) {
      chunk[local++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    chunk[local++] = value;
    chunk[local++] = rank;
    record[base + AT] = at + local - start;
    record[base + DF]! += 1;
    record[base + BYTES]! += local - start;
  }

  /** Per rank byte, how many of the run being encoded have it, then its code. */
  private readonly rankCount = new Uint32Array(256);
  private ranksOfRun = new Uint8Array(1 << 12);

  /**
   * Encodes a run's data (engine.js, findPostings) at `at` of `out` (which must have room for
   * maxDataBytes): its documents as a bitmap or as varint differences, whichever is smaller,
   * then its ranks coded with the fewest bits its distinct rank bytes need. Returns where it
   * ends, and whether the documents are a bitmap.
   */
  private encode(node: number, out: Uint8Array, at: number): { end: number; bitmap: boolean } {
    const arena = this.arena;
    const base = node * STRIDE;
    const df = this.record[base + DF]!;
    const bitmapBytes = (this.docs + 7) >> 3;
    const bitmap = bitmapBytes < this.record[base + BYTES]! - df;
    if (this.ranksOfRun.length < df) this.ranksOfRun = new Uint8Array(df * 2);
    const ranks = this.ranksOfRun;
    const rankCount = this.rankCount;
    const start = at;
    if (bitmap) out.fill(0, start, start + bitmapBytes);
    // The documents, and the ranks set aside.
    let page = this.head[node]!;
    let size = FIRST_PAGE;
    let chunk = arena.chunk(page);
    let read = page & (CHUNK - 1);
    let end = read + size - 4;
    let doc = -1;
    for (let posting = 0; posting < df; posting++) {
      if (read + POSTING_ROOM > end) {
        page = arena.link(page - (page & (CHUNK - 1)) + end);
        size = nextPageSize(size);
        chunk = arena.chunk(page);
        read = page & (CHUNK - 1);
        end = read + size - 4;
      }
      if (bitmap) {
        let byte = chunk[read++]!;
        let delta = byte & 0x7f;
        for (let shift = 7; byte & 0x80; shift += 7) {
          byte = chunk[read++]!;
          delta |= (byte & 0x7f) << shift;
        }
        doc += delta;
        out[start + (doc >> 3)]! |= 1 << (doc & 7);
      } else {
        let byte = chunk[read++]!;
        out[at++] = byte;
        while (byte & 0x80) {
          byte = chunk[read++]!;
          out[at++] = byte;
        }
      }
      const rank = chunk[read++]!;
      ranks[posting] = rank;
      rankCount[rank]! += 1;
    }
    if (bitmap) at = start + bitmapBytes;
    // The ranks: how many distinct bytes (0 for 256), those bytes ascending, then each rank's code.
    const countAt = at++;
    let distinct = 0;
    for (let rank = 0; rank < 256; rank++) {
      if (!rankCount[rank]) continue;
      rankCount[rank] = distinct++;
      out[at++] = rank;
    }
    out[countAt] = distinct & 0xff;
    const width = rankWidth(distinct);
    if (width) {
      // 8 / width codes a byte: the byte of code i is i >> shift, its place (i & spare) * width.
      const shift = 3 - (31 - Math.clz32(width));
      const spare = (1 << shift) - 1;
      const codes = (df + spare) >> shift;
      out.fill(0, at, at + codes);
      for (let posting = 0; posting < df; posting++) out[at + (posting >> shift)]! |= rankCount[ranks[posting]!]! << ((posting & spare) * width);
      at += codes;
    }
    // rankCount holds codes now; the next run starts from zeros.
    for (let posting = 0; posting < df; posting++) rankCount[ranks[posting]!] = 0;
    return { end: at, bitmap };
  }

  /** The most bytes a run's data can take (encode). */
  private maxDataBytes(node: number): number {
    const df = this.record[node * STRIDE + DF]!;
    return Math.min((this.docs + 7) >> 3, this.record[node * STRIDE + BYTES]! - df) + 1 + 256 + df;
  }

  /**
   * Bytes of every bucket file together, for the number of buckets: exact for every
   * SAMPLE_EVERY-th run, and as much for the others as those runs took per posting.
   */
  totalBytes(): number {
    let sampledBytes = 0;
    let sampledPostings = 0;
    let postings = 0;
    let directory = 0;
    let buffer = new Uint8Array(1 << 16);
    for (let node = 0; node < this.size; node++) {
      const df = this.record[node * STRIDE + DF]!;
      postings += df;
      directory += 1 + 2 * this.length[node]! + 8;
      if (node % SAMPLE_EVERY) continue;
      if (buffer.length < this.maxDataBytes(node)) buffer = new Uint8Array(this.maxDataBytes(node) * 2);
      sampledBytes += this.encode(node, buffer, 0).end;
      sampledPostings += df;
    }
    return directory + (sampledPostings ? (sampledBytes / sampledPostings) * postings : postings * 2);
  }

  private bucketData = new Uint8Array(1 << 16);

  /**
   * The bucket files, for `bucketCount` buckets (a power of two), each handed over as soon as it
   * is made. Runs are listed in a bucket in the order they were first met, which the documents'
   * order decides.
   */
  writeBuckets(bucketCount: number, onBucket: (bucket: number, file: Uint8Array) => void): void {
    const bucketOfNode = new Uint32Array(this.size);
    const starts = new Uint32Array(bucketCount + 1);
    for (let node = 0; node < this.size; node++) {
      const bucket = bucketOfHash(this.hash[node]!, bucketCount);
      bucketOfNode[node] = bucket;
      starts[bucket + 1]! += 1;
    }
    for (let bucket = 0; bucket < bucketCount; bucket++) starts[bucket + 1]! += starts[bucket]!;
    const ordered = new Uint32Array(this.size);
    const fill = starts.slice(0, bucketCount);
    for (let node = 0; node < this.size; node++) ordered[fill[bucketOfNode[node]!]!++] = node;
    const gramUnits = new Uint16Array(MAX_GRAM);
    const sizes: number[] = [];
    const bitmaps: boolean[] = [];
    for (let bucket = 0; bucket < bucketCount; bucket++) {
      const members = ordered.subarray(starts[bucket]!, starts[bucket + 1]!);
      // The runs' data first, into one buffer, so that the directory can give their sizes.
      let room = 0;
      for (const node of members) room += this.maxDataBytes(node);
      if (this.bucketData.length < room) this.bucketData = new Uint8Array(room * 2);
      let data = 0;
      sizes.length = 0;
      bitmaps.length = 0;
      for (const node of members) {
        const { end, bitmap } = this.encode(node, this.bucketData, data);
        sizes.push(end - data);
        bitmaps.push(bitmap);
        data = end;
      }
      let directory = varintSize(members.length);
      members.forEach((node, index) => {
        directory += 1 + 2 * this.length[node]! + varintSize(this.record[node * STRIDE + DF]!) + varintSize(sizes[index]! * 2 + (bitmaps[index] ? 1 : 0));
      });
      const file = new Uint8Array(directory + data);
      let at = writeVarint(file, 0, members.length);
      members.forEach((node, index) => {
        const length = this.length[node]!;
        for (let up = node, unit = length - 1; unit >= 0; unit--, up = this.record[up * STRIDE + PARENT]!) gramUnits[unit] = this.unit[up]!;
        file[at++] = length;
        for (let unit = 0; unit < length; unit++) {
          file[at++] = gramUnits[unit]! & 0xff;
          file[at++] = gramUnits[unit]! >>> 8;
        }
        at = writeVarint(file, at, this.record[node * STRIDE + DF]!);
        at = writeVarint(file, at, sizes[index]! * 2 + (bitmaps[index] ? 1 : 0));
      });
      file.set(this.bucketData.subarray(0, data), at);
      onBucket(bucket, file);
    }
  }
}

/** Runs whose data are encoded to estimate the size of all (totalBytes). */
const SAMPLE_EVERY = 16;

/** Bits per rank for a run with `distinct` rank bytes: 0, 1, 2, 4 or 8 (so that no code spans two bytes). */
function rankWidth(distinct: number): number {
  return distinct <= 1 ? 0 : distinct <= 2 ? 1 : distinct <= 4 ? 2 : distinct <= 16 ? 4 : 8;
}

function varintSize(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;
}

function writeVarint(file: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    file[at++] = (value & 0x7f) | 0x80;
    value = Math.floor(value / 128);
  }
  file[at++] = value;
  return at;
}
