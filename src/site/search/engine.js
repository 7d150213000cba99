// @ts-check
/**
 * The archive's search engine: what the index builder (src/site/search/) and the search page
 * (page.js) must agree on, and the query side of it. A plain ES module, without the DOM, so that
 * Node runs it in the tests and the builder imports its normalisation, hash and formats.
 *
 * The rule it implements: a term matches an article when the term occurs, character for
 * character, in the article's title, deck or body text (captions and headings included), after
 * both are normalised the same way: each character through Unicode NFKC (full-width ＣＯＶＩＤ is
 * COVID) and lower case, runs of spaces made one. A query in Traditional characters (or with any
 * character the Traditional edition writes for a Simplified one) also matches where the
 * Simplified text has a character that the Traditional edition writes that way: 許達哲 is 许达哲.
 *
 * The index holds, for every run of one to MAX_GRAM consecutive "word" characters (letters,
 * digits, marks, all of Han) of every article, the articles it occurs in, each with one rank byte
 * (in the title, how often, how early). Such a run is looked up in one file and answered exactly.
 * A longer run, or a term with punctuation or spaces inside, is looked up by its runs, which give
 * candidates, and each candidate is checked against its text.
 *
 * The index is made of segments (as Lucene's is): a build from scratch writes one; a rebuild that
 * adds a few articles leaves it as it is and writes a small segment of the recent articles beside
 * it, until that one grows enough to be merged. The catalog says which articles are alive in
 * which segment, so that an article edited or removed since its segment was written is ignored
 * there. A query reads the bucket of each of its runs in each segment.
 *
 * Files, under the index's folder:
 *   catalog.bin                 the articles in date order, their dates, tags and segment numbers
 *   <segment>/b/<n>.bin         postings of the runs whose hash falls in bucket n (findPostings)
 *   <segment>/hans/<n>.bin      result pack n: the texts of a few consecutive articles, Simplified
 *   <segment>/hant/<n>.bin      the same as the Traditional edition shows them (readPack)
 */

/** Version of the file formats below; the builder writes it, the page refuses another. */
export const FORMAT = 2;
/** The longest run of word characters the index answers exactly. */
export const MAX_GRAM = 6;
/** Results per page. */
export const PAGE_SIZE = 20;
/** Query variants tried at most for one term (products of a character's Simplified counterparts). */
export const MAX_VARIANTS = 8;

// ---------------------------------------------------------------------------------------------
// Characters

/** Per UTF-16 code unit: 0 not yet known, 1 a word character, 2 not one. */
const wordFlags = new Uint8Array(0x10000);
const WORD = /[\p{L}\p{N}\p{M}]/u;

/**
 * Whether a code unit of normalised text is a word character. Surrogates count as word
 * characters, so that a character outside the BMP (𠮷) is two code units of a word.
 * @param {number} unit
 */
export function isWordUnit(unit) {
  let flag = wordFlags[unit];
  if (!flag) {
    flag = (unit >= 0xd800 && unit <= 0xdfff) || WORD.test(String.fromCharCode(unit)) ? 1 : 2;
    wordFlags[unit] = flag;
  }
  return flag === 1;
}

/** Code point → its normalised form, for code points that normalisation changes. */
const foldedForms = new Map();
/** Per BMP code unit: 0 not yet known, 1 its own normal form, 2 folded (foldedForms), 3 a space. */
const foldFlags = new Uint8Array(0x10000);

/**
 * A code point's normalised form: NFKC of the character alone, then lower case; every white
 * space but a line break is one space.
 * @param {number} point
 * @returns {string}
 */
function foldPoint(point) {
  const char = String.fromCodePoint(point);
  const form = char.normalize('NFKC').toLowerCase();
  return char !== '\n' && /^\s+$/u.test(form) ? ' ' : form;
}

/** @param {number} unit a BMP code unit that is not a surrogate */
function foldFlag(unit) {
  let flag = foldFlags[unit] ?? 0;
  if (!flag) {
    const form = foldPoint(unit);
    flag = form === ' ' ? 3 : form === String.fromCharCode(unit) ? 1 : 2;
    if (flag === 2) foldedForms.set(unit, form);
    foldFlags[unit] = flag;
  }
  return flag;
}

/**
 * Normalises a text as the index and the queries are normalised: each character folded
 * (foldPoint), runs of spaces made one. `origins`, when asked for, gives for each code unit of
 * the result the index in `text` of the code unit it came from, so that a match found in the
 * normalised text can be marked in the text as written.
 * @param {string} text
 * @param {boolean} [withOrigins]
 * @returns {{ text: string, origins: Uint32Array | undefined }}
 */
export function normalizeText(text, withOrigins = false) {
  /** @type {string[]} */
  const parts = [];
  /** @type {number[] | undefined} */
  const origins = withOrigins ? [] : undefined;
  let copiedTo = 0;
  let lastWasSpace = false;
  /** @param {number} end */
  const copy = (end) => {
    if (end <= copiedTo) return;
    parts.push(text.slice(copiedTo, end));
    if (origins) for (let at = copiedTo; at < end; at++) origins.push(at);
  };
  const length = text.length;
  for (let index = 0; index < length; index++) {
    const unit = text.charCodeAt(index);
    // Han is its own normal form: the common case, decided without a table.
    if (unit >= 0x4e00 && unit <= 0x9fff) {
      lastWasSpace = false;
      continue;
    }
    let flag;
    let width = 1;
    /** @type {string | undefined} */
    let form;
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      const point = (unit - 0xd800) * 0x400 + (text.charCodeAt(index + 1) - 0xdc00) + 0x10000;
      width = 2;
      form = foldedForms.get(point);
      if (form === undefined) {
        form = foldPoint(point);
        foldedForms.set(point, form);
      }
      flag = form === ' ' ? 3 : form === text.slice(index, index + 2) ? 1 : 2;
    } else {
      flag = foldFlag(unit);
      if (flag === 2) form = foldedForms.get(unit);
    }
    if (flag === 1) {
      lastWasSpace = false;
    } else if (flag === 3) {
      // A space: kept as one " ", the rest of a run of them dropped.
      if (lastWasSpace || unit !== 0x20) {
        copy(index);
        if (!lastWasSpace) {
          parts.push(' ');
          if (origins) origins.push(index);
        }
        copiedTo = index + width;
      }
      lastWasSpace = true;
    } else {
      copy(index);
      parts.push(form ?? '');
      if (origins) for (let at = 0; at < (form ?? '').length; at++) origins.push(index);
      copiedTo = index + width;
      lastWasSpace = false;
    }
    index += width - 1;
  }
  if (!parts.length) return { text, origins: origins && Uint32Array.from({ length }, (_, at) => at) };
  copy(length);
  return { text: parts.join(''), origins: origins && Uint32Array.from(origins) };
}

// ---------------------------------------------------------------------------------------------
// Hash and buckets

/** The hash of the empty run; each code unit is folded in with gramHashStep (FNV-1a over code units). */
export const GRAM_HASH_SEED = 0x811c9dc5;

/**
 * The hash of a run followed by one more code unit, from the hash of the run: the builder extends
 * runs a unit at a time, so that each run's hash costs one step.
 * @param {number} hash
 * @param {number} unit
 */
export function gramHashStep(hash, unit) {
  return Math.imul(hash ^ unit, 0x01000193) >>> 0;
}

/** @param {string} gram */
export function gramHash(gram) {
  let hash = GRAM_HASH_SEED;
  for (let at = 0; at < gram.length; at++) hash = gramHashStep(hash, gram.charCodeAt(at));
  return hash;
}

/**
 * The bucket of a run's hash, of `bucketCount` (a power of two): the hash mixed once more
 * (murmur3's finaliser), since FNV's low bits alone are poorly spread.
 * @param {number} hash
 * @param {number} bucketCount
 */
export function bucketOfHash(hash, bucketCount) {
  let mixed = hash ^ (hash >>> 16);
  mixed = Math.imul(mixed, 0x85ebca6b);
  mixed ^= mixed >>> 13;
  mixed = Math.imul(mixed, 0xc2b2ae35);
  mixed ^= mixed >>> 16;
  return (mixed >>> 0) & (bucketCount - 1);
}

/** @param {string} gram @param {number} bucketCount */
export function bucketOfGram(gram, bucketCount) {
  return bucketOfHash(gramHash(gram), bucketCount);
}

// ---------------------------------------------------------------------------------------------
// Ranks

/**
 * One rank byte: in the title (bit 7), how often (bits 4–6, classes of a doubling scale) and how
 * early the first occurrence is (bits 0–3, 0 earliest).
 * @param {number} count occurrences in the article
 * @param {number} first position of the first one in the normalised searchable text
 * @param {boolean} inTitle
 */
export function rankByte(count, first, inTitle) {
  const countClass = count >= 25 ? 7 : count >= 15 ? 6 : count >= 9 ? 5 : count >= 6 ? 4 : count >= 4 ? 3 : count - 1;
  // The power of two of the position, 0 for the first character.
  const early = Math.min(15, 31 - Math.clz32(first + 1));
  return (inTitle ? 0x80 : 0) | (countClass << 4) | early;
}

/**
 * A rank byte as a score: title matches first, then frequency, then how early.
 * @param {number} rank
 */
export function rankScore(rank) {
  return (rank & 0x80 ? 4096 : 0) + ((rank >> 4) & 7) * 16 + (15 - (rank & 15));
}

/**
 * The text an article is searched in: title, deck and body, a line apart (no match spans them).
 * @param {string} title
 * @param {string | undefined} deck
 * @param {string} body
 */
export function searchableText(title, deck, body) {
  return `${title}\n${deck ?? ''}\n${body}`;
}

// ---------------------------------------------------------------------------------------------
// Bucket files

/** Reads the unsigned LEB128 numbers and fixed-width fields the index files are made of. */
export class ByteReader {
  /** @param {Uint8Array} bytes @param {number} [offset] */
  constructor(bytes, offset = 0) {
    this.bytes = bytes;
    this.offset = offset;
  }

  varint() {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.bytes[this.offset++];
      if (byte === undefined) throw new Error('search index file ends too early');
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  }

  u8() {
    const byte = this.bytes[this.offset++];
    if (byte === undefined) throw new Error('search index file ends too early');
    return byte;
  }

  u16() {
    return this.u8() | (this.u8() << 8);
  }
}

/**
 * @typedef {{ ids: Int32Array, ranks: Uint8Array }} Postings
 * The documents of one segment a run occurs in, by ascending number, and the rank byte of each.
 */

const NO_POSTINGS = /** @type {Postings} */ ({ ids: new Int32Array(0), ranks: new Uint8Array(0) });

/**
 * Finds a run's postings in a bucket file of a segment of `docCount` documents. The file: a
 * directory (the number of runs; per run its length in code units, the code units, how many
 * documents it occurs in, and its data's byte length times two, plus one when its documents are a
 * bitmap), then each run's data in the directory's order: its documents, either as a bitmap of
 * the segment's (bit d of byte d >> 3, low bit first) or as varints (each the difference of its
 * number from the one before, from -1); then its ranks: how many distinct rank bytes it has (0
 * for 256), those bytes, and per document the index of its rank among them, in 0, 1, 2, 4 or 8
 * bits as their number needs (low bits first).
 * @param {Uint8Array} bucket
 * @param {string} gram 1 to MAX_GRAM code units
 * @param {number} docCount
 * @returns {Postings}
 */
export function findPostings(bucket, gram, docCount) {
  const reader = new ByteReader(bucket);
  const gramCount = reader.varint();
  let dataOffset = 0;
  /** @type {{ at: number, count: number, bitmap: boolean } | undefined} */
  let found;
  for (let entry = 0; entry < gramCount; entry++) {
    const length = reader.u8();
    let same = length === gram.length;
    for (let unit = 0; unit < length; unit++) {
      const code = reader.u16();
      if (same && code !== gram.charCodeAt(unit)) same = false;
    }
    const count = reader.varint();
    const sized = reader.varint();
    if (same) found = { at: dataOffset, count, bitmap: sized % 2 === 1 };
    dataOffset += Math.floor(sized / 2);
  }
  if (!found) return NO_POSTINGS;
  const ids = new Int32Array(found.count);
  const data = new ByteReader(bucket, reader.offset + found.at);
  if (found.bitmap) {
    const start = data.offset;
    const mapBytes = (docCount + 7) >> 3;
    let index = 0;
    for (let byte = 0; byte < mapBytes && index < found.count; byte++) {
      let bits = bucket[start + byte] ?? 0;
      while (bits) {
        const low = bits & -bits;
        ids[index++] = byte * 8 + 31 - Math.clz32(low);
        bits ^= low;
      }
    }
    data.offset = start + mapBytes;
  } else {
    let id = -1;
    for (let index = 0; index < found.count; index++) ids[index] = id += data.varint();
  }
  const distinct = data.u8() || 256;
  const table = bucket.subarray(data.offset, data.offset + distinct);
  data.offset += distinct;
  const width = distinct <= 1 ? 0 : distinct <= 2 ? 1 : distinct <= 4 ? 2 : distinct <= 16 ? 4 : 8;
  const ranks = new Uint8Array(found.count);
  if (!width) ranks.fill(table[0] ?? 0);
  else {
    const perByte = 8 / width;
    const mask = (1 << width) - 1;
    for (let index = 0; index < found.count; index++) {
      const byte = bucket[data.offset + Math.floor(index / perByte)] ?? 0;
      ranks[index] = table[(byte >> ((index % perByte) * width)) & mask] ?? 0;
    }
  }
  return { ids, ranks };
}

// ---------------------------------------------------------------------------------------------
// The catalog

/**
 * @typedef {'province' | 'person' | 'place' | 'meeting-type'} TagKind
 * @typedef {{ kind: TagKind, name: string, nameHant: string }} CatalogTag
 * @typedef {{ name: string, docs: number, buckets: number }} SegmentHeader
 * A segment: its folder's name, its number of documents (alive or not) and its bucket count.
 * @typedef {{
 *   format: number,
 *   epoch: string,
 *   articles: number,
 *   undated: number,
 *   segments: SegmentHeader[],
 *   tags: [TagKind, string, string][],
 *   variants: Record<string, string>,
 * }} CatalogHeader
 * @typedef {SegmentHeader & { globalOf: Int32Array, packStarts: Int32Array }} Segment
 * A segment as read, with the article number of each of its documents (-1 when not alive) and
 * the first document of each of its result packs.
 * @typedef {{
 *   count: number,
 *   undatedFrom: number,
 *   epochDay: number,
 *   days: Int32Array,
 *   years: Int16Array,
 *   segments: Segment[],
 *   segmentOf: Uint8Array,
 *   localOf: Int32Array,
 *   tagSets: number[][],
 *   tagSetOf: Int32Array,
 *   tags: CatalogTag[],
 *   variants: Record<string, string>,
 * }} Catalog
 * Articles are numbered 0 … count - 1 in the archive's order (by meeting date, the undated ones
 * last, from undatedFrom): sorting by number is sorting by date. The numbers are the catalog's
 * own and may change from build to build; segments number their documents for good. `days` and
 * `years` give each article's meeting day (from the epoch) and year, -1 and 0 when undated.
 */

/** The facet value of undated articles in the year filter. */
export const UNDATED_YEAR = 'undated';

/** @param {string} date YYYY-MM-DD */
export function dayNumber(date) {
  return Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000);
}

/** @param {number} day */
export function dateOfDay(day) {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Reads catalog.bin: a 4-byte length, a JSON header of that length, then: the meeting days (how
 * many days have articles; per day, its difference from the day before (from the epoch) and how
 * many articles it has, in the archive's order); the tag sets (their number; per set its size
 * and its tag numbers, ascending, as differences) and each article's set number; per segment,
 * the articles it holds (0 and a list of their numbers as differences from -1, or 1 and a bitmap
 * of the archive's articles), its dead documents (their number, and their numbers as
 * differences from -1) and its result packs (their number, and how many documents each holds).
 * A segment's live documents, in order, are the articles it holds, in order.
 * @param {Uint8Array} bytes
 * @returns {Catalog}
 */
export function readCatalog(bytes) {
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  /** @type {CatalogHeader} */
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength)));
  if (header.format !== FORMAT) throw new Error(`search index format ${header.format}, this page reads ${FORMAT}`);
  const reader = new ByteReader(bytes, 4 + headerLength);
  const count = header.articles;
  const undatedFrom = count - header.undated;
  const epochDay = dayNumber(header.epoch);
  const days = new Int32Array(count).fill(-1);
  const years = new Int16Array(count);
  const dayCount = reader.varint();
  let day = 0;
  let article = 0;
  for (let group = 0; group < dayCount; group++) {
    day += reader.varint();
    const articles = reader.varint();
    const year = Number(dateOfDay(epochDay + day).slice(0, 4));
    for (let at = 0; at < articles && article < undatedFrom; at++, article++) {
      days[article] = day;
      years[article] = year;
    }
  }
  if (article !== undatedFrom) throw new Error('search catalog dates the wrong number of articles');
  const setCount = reader.varint();
  /** @type {number[][]} */
  const tagSets = [];
  for (let set = 0; set < setCount; set++) {
    const size = reader.varint();
    const members = [];
    let tag = 0;
    for (let at = 0; at < size; at++) {
      tag = at === 0 ? reader.varint() : tag + reader.varint();
      members.push(tag);
    }
    tagSets.push(members);
  }
  const tagSetOf = new Int32Array(count);
  for (let at = 0; at < count; at++) tagSetOf[at] = reader.varint();
  const segmentOf = new Uint8Array(count);
  const localOf = new Int32Array(count).fill(-1);
  const segments = header.segments.map((segment, index) => {
    const globalOf = new Int32Array(segment.docs).fill(-1);
    /** @type {number[]} */
    const members = [];
    if (reader.varint() === 1) {
      const start = reader.offset;
      reader.offset += (count + 7) >> 3;
      for (let at = 0; at < count; at++) if ((bytes[start + (at >> 3)] ?? 0) & (1 << (at & 7))) members.push(at);
    } else {
      const size = reader.varint();
      for (let at = 0, last = -1; at < size; at++) members.push((last += reader.varint()));
    }
    const dead = new Uint8Array(segment.docs);
    const deadCount = reader.varint();
    for (let at = 0, last = -1; at < deadCount; at++) dead[(last += reader.varint())] = 1;
    let local = 0;
    for (const member of members) {
      while (dead[local]) local++;
      if (local >= segment.docs || member >= count) throw new Error('search catalog names a document its segment does not have');
      globalOf[local] = member;
      segmentOf[member] = index;
      localOf[member] = local;
      local++;
    }
    const packStarts = new Int32Array(reader.varint());
    for (let pack = 0, start = 0; pack < packStarts.length; pack++) {
      packStarts[pack] = start;
      start += reader.varint();
    }
    return { ...segment, globalOf, packStarts };
  });
  return {
    count,
    undatedFrom,
    epochDay,
    days,
    years,
    segments,
    segmentOf,
    localOf,
    tagSets,
    tagSetOf,
    tags: header.tags.map(([kind, name, nameHant]) => ({ kind, name, nameHant })),
    variants: header.variants,
  };
}

/**
 * The meeting date of an article (YYYY-MM-DD), '' when it is undated.
 * @param {Catalog} catalog
 * @param {number} id
 */
export function dateOfId(catalog, id) {
  const day = catalog.days[id] ?? -1;
  return day < 0 ? '' : dateOfDay(catalog.epochDay + day);
}

/**
 * The year filter's value of an article: its meeting year, or UNDATED_YEAR.
 * @param {Catalog} catalog
 * @param {number} id
 */
export function yearOfId(catalog, id) {
  const year = catalog.years[id] ?? 0;
  return year ? String(year) : UNDATED_YEAR;
}

/**
 * The tags of an article, by number in catalog.tags.
 * @param {Catalog} catalog
 * @param {number} id
 * @returns {number[]}
 */
export function tagsOfId(catalog, id) {
  return catalog.tagSets[catalog.tagSetOf[id] ?? -1] ?? [];
}

// ---------------------------------------------------------------------------------------------
// Result packs

/** The editions' folders of result packs. */
export const PACK_FOLDERS = /** @type {const} */ ({ 'zh-Hans': 'hans', 'zh-Hant': 'hant' });

/**
 * The result pack holding a segment's document, and the document's place in it.
 * @param {Segment} segment
 * @param {number} local
 */
export function packOf(segment, local) {
  const starts = segment.packStarts;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= local) low = middle;
    else high = middle - 1;
  }
  return { pack: low, index: local - (starts[low] ?? 0) };
}

/**
 * @typedef {{
 *   url: string,
 *   title: [string, string],
 *   deck?: [string, string],
 *   body: [string, string],
 *   publisher?: [string, string],
 *   aligned: boolean,
 * }} SearchDoc
 * An article as a result shows it: its URL (root-relative, Simplified edition), and its texts,
 * each as [Simplified, as the edition shows it]; `aligned` when every shown text has its
 * Simplified text's length, character for character, so that a match found in the Simplified
 * text is marked at the same place in the shown one.
 */

/**
 * How one text of a Traditional pack gives back its Simplified text: 0, each character through
 * the pack's table; a list [position, character, …] of the characters where the table is not
 * right (著 is written for 着 and for 著); or, for a text whose conversion changed its length,
 * the Simplified text itself.
 * @typedef {0 | (number | string)[] | string} SimplifiedFix
 */

/**
 * The Simplified text of a Traditional one.
 * @param {string} shown
 * @param {SimplifiedFix | undefined} fix
 * @param {Map<string, string>} table the pack's Traditional → Simplified characters
 */
export function simplifiedOf(shown, fix, table) {
  if (typeof fix === 'string') return fix;
  if (!table.size && !fix) return shown;
  const units = new Array(shown.length);
  for (let at = 0; at < shown.length; at++) {
    const unit = shown[at] ?? '';
    units[at] = table.get(unit) ?? unit;
  }
  if (Array.isArray(fix)) for (let at = 0; at + 1 < fix.length; at += 2) units[Number(fix[at])] = String(fix[at + 1]);
  return units.join('');
}

/**
 * Reads a result pack: UTF-16LE JSON (two bytes a Chinese character, where UTF-8 takes three, for
 * a host that does not compress), an object { d: docs } where each doc is [url, title, deck,
 * publisher, body] in the edition's script ('' for a missing deck or publisher); a Traditional
 * pack also has { m: table } (pairs of code units: Traditional, then Simplified) and per doc a
 * sixth entry, its four SimplifiedFix (title, deck, publisher, body), left out when all are 0.
 * @param {Uint8Array} bytes
 * @param {boolean} traditional
 * @returns {SearchDoc[]}
 */
export function readPack(bytes, traditional) {
  /** @type {{ d: [string, string, string, string, string, SimplifiedFix[]?][], m?: string }} */
  const pack = JSON.parse(new TextDecoder('utf-16le').decode(bytes));
  /** @type {Map<string, string>} */
  const table = new Map();
  const pairs = pack.m ?? '';
  for (let at = 0; at + 1 < pairs.length; at += 2) table.set(pairs[at] ?? '', pairs[at + 1] ?? '');
  return pack.d.map(([url, title, deck, publisher, body, fixes]) => {
    const pair = (/** @type {string} */ shown, /** @type {number} */ field) => /** @type {[string, string]} */ ([traditional ? simplifiedOf(shown, fixes?.[field], table) : shown, shown]);
    const texts = { title: pair(title, 0), deck: deck ? pair(deck, 1) : undefined, publisher: publisher ? pair(publisher, 2) : undefined, body: pair(body, 3) };
    const aligned = !fixes || fixes.every((fix) => typeof fix !== 'string');
    return {
      url,
      title: texts.title,
      ...(texts.deck ? { deck: texts.deck } : {}),
      body: texts.body,
      ...(texts.publisher ? { publisher: texts.publisher } : {}),
      aligned,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Queries

/**
 * @typedef {{ text: string, exclude: boolean }} QueryTerm
 * A term as typed (before normalisation): words are separated by spaces, a quoted phrase is one
 * term, a term after a minus sign excludes.
 */

/**
 * @param {string} query
 * @returns {QueryTerm[]}
 */
export function parseQuery(query) {
  /** @type {QueryTerm[]} */
  const terms = [];
  const pattern = /(-?)(?:["“”「」『』]([^"“”「」『』]*)["“”「」『』]?|(\S+))/gu;
  for (const match of query.normalize('NFC').matchAll(pattern)) {
    const exclude = match[1] === '-';
    const text = (match[2] ?? match[3] ?? '').trim();
    if (text) terms.push({ text, exclude });
  }
  return terms;
}

/**
 * A normalised term's run of word characters: where it starts and its length.
 * @typedef {{ start: number, length: number }} Segment_
 */

/**
 * @param {string} text normalised
 * @returns {Segment_[]}
 */
export function wordSegments(text) {
  /** @type {Segment_[]} */
  const segments = [];
  let start = -1;
  for (let index = 0; index <= text.length; index++) {
    const word = index < text.length && isWordUnit(text.charCodeAt(index));
    if (word && start < 0) start = index;
    if (!word && start >= 0) {
      segments.push({ start, length: index - start });
      start = -1;
    }
  }
  return segments;
}

/**
 * The forms of a normalised term the index is asked for: the term itself and, for each
 * character the Traditional edition writes for one or more Simplified ones (許 for 许, 著 for 着
 * and 著), those too, in every combination up to MAX_VARIANTS (beyond, each character takes its
 * most frequent counterpart only).
 * @param {string} term
 * @param {Record<string, string>} variants Traditional character → its Simplified counterparts, most frequent first
 * @returns {string[]}
 */
export function termVariants(term, variants) {
  const chars = Array.from(term);
  const options = chars.map((char) => {
    const counterparts = variants[char];
    return counterparts ? [char, ...Array.from(counterparts).filter((other) => other !== char)] : [char];
  });
  const total = options.reduce((product, list) => product * list.length, 1);
  if (total > MAX_VARIANTS) {
    const mapped = options.map((list) => list[1] ?? list[0]).join('');
    return mapped === term ? [term] : [term, mapped];
  }
  /** @type {string[]} */
  let forms = [''];
  for (const list of options) forms = forms.flatMap((prefix) => list.map((char) => prefix + char));
  return [...new Set(forms)];
}

/**
 * What one form of a term needs from the index: the runs to look up, and whether their postings
 * answer it exactly (a single run of word characters of at most MAX_GRAM) or only give candidates
 * to check against the text (a longer run, looked up by the runs of MAX_GRAM covering it, or
 * several runs with punctuation or spaces between them).
 * @typedef {{ form: string, grams: string[], exact: boolean }} FormPlan
 */

/**
 * @param {string} form normalised
 * @returns {FormPlan}
 */
export function planForm(form) {
  const segments = wordSegments(form);
  /** @type {string[]} */
  const grams = [];
  for (const { start, length } of segments) {
    if (length <= MAX_GRAM) {
      grams.push(form.slice(start, start + length));
      continue;
    }
    for (let at = 0; at + MAX_GRAM < length; at += MAX_GRAM) grams.push(form.slice(start + at, start + at + MAX_GRAM));
    grams.push(form.slice(start + length - MAX_GRAM, start + length));
  }
  const whole = segments.length === 1 && segments[0]?.start === 0 && segments[0].length === form.length;
  return { form, grams: [...new Set(grams)], exact: whole && form.length <= MAX_GRAM };
}

/**
 * @typedef {{ text: string, exclude: boolean, forms: FormPlan[] }} TermPlan
 * @typedef {{ terms: TermPlan[], ignored: string[] }} QueryPlan
 */

/**
 * Plans a query: each term normalised, its forms, the runs of each form. Terms without a word
 * character (punctuation alone) are ignored, and listed so.
 * @param {string} query
 * @param {Record<string, string>} variants
 * @returns {QueryPlan}
 */
export function planQuery(query, variants) {
  /** @type {TermPlan[]} */
  const terms = [];
  /** @type {string[]} */
  const ignored = [];
  for (const term of parseQuery(query)) {
    const text = normalizeText(term.text).text.replace(/\s+/g, ' ').trim();
    if (!wordSegments(text).length) {
      ignored.push(term.text);
      continue;
    }
    const forms = termVariants(text, variants).map(planForm);
    terms.push({ text, exclude: term.exclude, forms });
  }
  return { terms, ignored };
}

/** @param {QueryPlan} plan @returns {string[]} every run the plan looks up */
export function planGrams(plan) {
  return [...new Set(plan.terms.flatMap((term) => term.forms.flatMap((form) => form.grams)))];
}

/**
 * What the index says of each article for one term: its score where the term occurs or may
 * occur (-1 elsewhere), and whether that is only a candidate, to check against the text.
 * @typedef {{ score: Int32Array, maybe: Uint8Array }} TermHits
 */

/**
 * @param {TermPlan} term
 * @param {(gram: string) => Int16Array} ranksOf per article the rank byte of a run, -1 where it does not occur
 * @param {number} count articles
 * @returns {TermHits}
 */
export function termHits(term, ranksOf, count) {
  const score = new Int32Array(count).fill(-1);
  const maybe = new Uint8Array(count);
  for (const form of term.forms) {
    const lists = form.grams.map(ranksOf);
    for (let id = 0; id < count; id++) {
      let formScore = Infinity;
      for (const ranks of lists) {
        const rank = ranks[id] ?? -1;
        if (rank < 0) {
          formScore = -1;
          break;
        }
        formScore = Math.min(formScore, rankScore(rank));
      }
      if (formScore < 0 || formScore === Infinity) continue;
      const before = score[id] ?? -1;
      if (before < 0) {
        score[id] = formScore;
        maybe[id] = form.exact ? 0 : 1;
      } else {
        score[id] = Math.max(before, formScore);
        if (form.exact) maybe[id] = 0;
      }
    }
  }
  return { score, maybe };
}

/**
 * Whether a term occurs in an article's normalised searchable text (for candidates).
 * @param {TermPlan} term
 * @param {string} normalized
 */
export function termOccursIn(term, normalized) {
  return term.forms.some((form) => normalized.includes(form.form));
}

/**
 * @typedef {{ id: number, score: number }} Match
 * @typedef {{ matches: Match[], candidates: Match[] }} Evaluation
 * Articles that have every term and none excluded, and those the text must decide.
 */

/**
 * Combines the terms' hits: every included term must hit, no excluded term may.
 * @param {QueryPlan} plan
 * @param {TermHits[]} hitsPerTerm in the order of plan.terms
 * @param {number} count articles
 * @returns {Evaluation}
 */
export function combineHits(plan, hitsPerTerm, count) {
  /** @type {Match[]} */
  const matches = [];
  /** @type {Match[]} */
  const candidates = [];
  const included = plan.terms.flatMap((term, index) => (term.exclude || !hitsPerTerm[index] ? [] : [hitsPerTerm[index]]));
  const excluded = plan.terms.flatMap((term, index) => (term.exclude && hitsPerTerm[index] ? [hitsPerTerm[index]] : []));
  if (!included.length) return { matches, candidates };
  for (let id = 0; id < count; id++) {
    let certain = true;
    let score = 0;
    let present = true;
    for (const hits of included) {
      const hit = hits.score[id] ?? -1;
      if (hit < 0) {
        present = false;
        break;
      }
      if (hits.maybe[id]) certain = false;
      score += hit;
    }
    if (!present) continue;
    for (const hits of excluded) {
      if ((hits.score[id] ?? -1) < 0) continue;
      if (!hits.maybe[id]) {
        present = false;
        break;
      }
      certain = false;
    }
    if (!present) continue;
    (certain ? matches : candidates).push({ id, score });
  }
  return { matches, candidates };
}

/**
 * Whether a candidate has every included term and no excluded one, by its text.
 * @param {QueryPlan} plan
 * @param {string} normalized the article's normalised searchable text
 */
export function textMatches(plan, normalized) {
  return plan.terms.every((term) => termOccursIn(term, normalized) !== term.exclude);
}

// ---------------------------------------------------------------------------------------------
// Filters, order, facets

/** @typedef {'relevance' | 'date-desc' | 'date-asc'} SortOrder */
/** @typedef {{ province?: string, person?: string, place?: string, 'meeting-type'?: string, year?: string }} Filters */
/** @type {('province' | 'person' | 'place' | 'meeting-type' | 'year')[]} */
export const FACETS = ['province', 'person', 'place', 'meeting-type', 'year'];

/**
 * The tag number of a filter's value, by its name in either script (-1 when there is none).
 * @param {Catalog} catalog
 * @param {TagKind} kind
 * @param {string} name
 */
function tagIndex(catalog, kind, name) {
  return catalog.tags.findIndex((tag) => tag.kind === kind && (tag.name === name || tag.nameHant === name));
}

/**
 * The filters as tests on an article, each facet's apart (so that a facet's counts can leave its
 * own out). A tag's test is decided once per tag set.
 * @param {Catalog} catalog
 * @param {Filters} filters
 * @returns {Map<string, (id: number) => boolean>}
 */
function filterTests(catalog, filters) {
  /** @type {Map<string, (id: number) => boolean>} */
  const tests = new Map();
  for (const facet of FACETS) {
    const value = filters[facet];
    if (!value) continue;
    if (facet === 'year') {
      const year = value === UNDATED_YEAR ? 0 : Number(value);
      tests.set(facet, (id) => (catalog.years[id] ?? -1) === year);
      continue;
    }
    const tag = tagIndex(catalog, facet, value);
    const setHas = Uint8Array.from(catalog.tagSets, (members) => (tag >= 0 && members.includes(tag) ? 1 : 0));
    tests.set(facet, (id) => setHas[catalog.tagSetOf[id] ?? -1] === 1);
  }
  return tests;
}

/**
 * Whether an article passes the filters, `except` one facet (for that facet's counts).
 * @param {Catalog} catalog
 * @param {number} id
 * @param {Filters} filters
 * @param {string} [except]
 */
export function passesFilters(catalog, id, filters, except) {
  for (const [facet, test] of filterTests(catalog, filters)) if (facet !== except && !test(id)) return false;
  return true;
}

/**
 * Matches that pass the filters.
 * @param {Catalog} catalog
 * @param {Match[]} matches
 * @param {Filters} filters
 */
export function filterMatches(catalog, matches, filters) {
  const tests = [...filterTests(catalog, filters).values()];
  return tests.length ? matches.filter((match) => tests.every((test) => test(match.id))) : matches;
}

/**
 * @typedef {{ value: string, label: string, labelHant: string, count: number }} FacetValue
 */

/**
 * For each facet, its values among `matches` with how many articles each has, counting the
 * articles that pass the other facets' filters (so that another value can still be chosen).
 * Articles are counted by tag set, and each set's count given to its tags.
 * @param {Catalog} catalog
 * @param {Match[]} matches
 * @param {Filters} filters
 * @returns {Record<string, FacetValue[]>}
 */
export function facetCounts(catalog, matches, filters) {
  const tests = filterTests(catalog, filters);
  /** @type {Record<string, FacetValue[]>} */
  const result = {};
  for (const facet of FACETS) {
    const others = [...tests].filter(([name]) => name !== facet).map(([, test]) => test);
    const passing = others.length ? matches.filter((match) => others.every((test) => test(match.id))) : matches;
    /** @type {FacetValue[]} */
    const values = [];
    if (facet === 'year') {
      /** @type {Map<number, number>} */
      const perYear = new Map();
      for (const { id } of passing) {
        const year = catalog.years[id] ?? 0;
        perYear.set(year, (perYear.get(year) ?? 0) + 1);
      }
      for (const [year, count] of perYear) {
        values.push(year ? { value: String(year), label: String(year), labelHant: String(year), count } : { value: UNDATED_YEAR, label: '日期不详', labelHant: '日期不詳', count });
      }
      values.sort((a, b) => (a.value < b.value ? -1 : 1));
    } else {
      const perSet = new Int32Array(catalog.tagSets.length);
      for (const { id } of passing) {
        const set = catalog.tagSetOf[id] ?? 0;
        perSet[set] = (perSet[set] ?? 0) + 1;
      }
      const perTag = new Int32Array(catalog.tags.length);
      perSet.forEach((count, set) => {
        if (count) for (const tag of catalog.tagSets[set] ?? []) perTag[tag] = (perTag[tag] ?? 0) + count;
      });
      perTag.forEach((count, index) => {
        const tag = catalog.tags[index];
        if (count && tag && tag.kind === facet) values.push({ value: tag.name, label: tag.name, labelHant: tag.nameHant, count });
      });
      values.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    }
    result[facet] = values;
  }
  return result;
}

/**
 * Orders matches: by relevance (score, then the newer meeting), or by meeting date, the undated
 * articles after the dated ones whichever way the dates run.
 * @param {Match[]} matches
 * @param {SortOrder} order
 * @param {Catalog} [catalog] tells which articles are undated, to put them last
 */
export function sortMatches(matches, order, catalog) {
  const sorted = [...matches];
  const undatedFrom = catalog ? catalog.undatedFrom : Infinity;
  const undated = (/** @type {Match} */ match) => (match.id >= undatedFrom ? 1 : 0);
  if (order === 'date-asc') sorted.sort((a, b) => undated(a) - undated(b) || a.id - b.id);
  else if (order === 'date-desc') sorted.sort((a, b) => undated(a) - undated(b) || b.id - a.id);
  else sorted.sort((a, b) => b.score - a.score || b.id - a.id);
  return sorted;
}

// ---------------------------------------------------------------------------------------------
// Excerpts

/**
 * @typedef {{ text: string, marked: boolean }} ExcerptPart
 */

/**
 * Where the forms of the included terms occur in a text: ranges of the text as written.
 * @param {string} text as written (Simplified)
 * @param {QueryPlan} plan
 * @returns {[number, number][]} sorted, not overlapping
 */
export function matchRanges(text, plan) {
  const { text: normalized, origins } = normalizeText(text, true);
  if (!origins) return [];
  /** @type {[number, number][]} */
  const ranges = [];
  for (const term of plan.terms) {
    if (term.exclude) continue;
    for (const form of term.forms) {
      if (!form.form) continue;
      for (let at = normalized.indexOf(form.form); at >= 0; at = normalized.indexOf(form.form, at + 1)) {
        const start = origins[at] ?? 0;
        const lastOrigin = origins[at + form.form.length - 1] ?? start;
        // The end is past the last code unit of the character the match ends in.
        const code = text.charCodeAt(lastOrigin);
        const end = lastOrigin + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
        ranges.push([start, end]);
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  /** @type {[number, number][]} */
  const merged = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * The parts of `shown` (the text in the edition's script, aligned character for character with
 * `text` when `aligned`) between `from` and `to`, with the ranges marked.
 * @param {string} shown
 * @param {[number, number][]} ranges
 * @param {number} from
 * @param {number} to
 * @returns {ExcerptPart[]}
 */
export function markedParts(shown, ranges, from, to) {
  /** @type {ExcerptPart[]} */
  const parts = [];
  let at = from;
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue;
    const markStart = Math.max(start, from);
    const markEnd = Math.min(end, to);
    if (markStart > at) parts.push({ text: shown.slice(at, markStart), marked: false });
    parts.push({ text: shown.slice(markStart, markEnd), marked: true });
    at = markEnd;
  }
  if (to > at) parts.push({ text: shown.slice(at, to), marked: false });
  return parts;
}

/**
 * An excerpt of a body around the first match, in the edition's script: `before` characters
 * before it, up to `length` in all, with "…" where the text goes on. Without a match in the
 * body (the term is in the title), the start of the body.
 * @param {string} body Simplified
 * @param {string} shown the same body in the edition's script
 * @param {boolean} aligned whether `shown` has the same length as `body`, character for character
 * @param {QueryPlan} plan
 * @param {{ before?: number, length?: number }} [size]
 * @returns {ExcerptPart[]}
 */
export function excerpt(body, shown, aligned, plan, { before = 30, length = 110 } = {}) {
  const ranges = aligned ? matchRanges(body, plan) : [];
  const first = ranges[0];
  let from = first ? Math.max(0, first[0] - before) : 0;
  // Start at a sentence or clause when one begins shortly before the window.
  if (first) {
    const stop = Math.max(body.lastIndexOf('。', first[0] - 1), body.lastIndexOf('\n', first[0] - 1), body.lastIndexOf('，', first[0] - 1));
    if (stop >= from - 10 && stop < first[0]) from = stop + 1;
  }
  while (from < body.length && /\s/.test(body[from] ?? '')) from += 1;
  const to = Math.min(shown.length, from + length);
  const parts = markedParts(shown, ranges, from, to).map((part) => ({ ...part, text: part.text.replace(/\s*\n+\s*/g, ' ') }));
  if (from > 0) parts.unshift({ text: '…', marked: false });
  if (to < shown.length) parts.push({ text: '…', marked: false });
  return parts;
}

// ---------------------------------------------------------------------------------------------
// The engine

/**
 * @typedef {{
 *   plan: QueryPlan,
 *   matches: Match[],
 *   candidates: Match[],
 *   verified: number,
 * }} SearchState
 */

/**
 * Runs queries against an index, fetching its files with `fetchBytes` (relative to the index's
 * folder), each at most once. `edition` chooses the result packs: those of the Simplified or of
 * the Traditional edition.
 */
export class SearchEngine {
  /**
   * @param {(path: string) => Promise<Uint8Array>} fetchBytes
   * @param {'zh-Hans' | 'zh-Hant'} [edition]
   */
  constructor(fetchBytes, edition = 'zh-Hans') {
    this.fetchBytes = fetchBytes;
    this.edition = edition;
    /** @type {Promise<Catalog> | undefined} */
    this.catalogLoad = undefined;
    /** @type {Map<string, Promise<Uint8Array>>} */
    this.files = new Map();
    /** @type {Map<string, Promise<SearchDoc[]>>} */
    this.packs = new Map();
  }

  catalog() {
    return (this.catalogLoad ??= this.fetchBytes('catalog.bin').then(readCatalog));
  }

  /** @param {string} path */
  file(path) {
    let load = this.files.get(path);
    if (!load) {
      load = this.fetchBytes(path);
      this.files.set(path, load);
      load.catch(() => this.files.delete(path));
    }
    return load;
  }

  /**
   * An article's texts, from its segment's result pack in this engine's edition.
   * @param {number} id
   * @returns {Promise<SearchDoc>}
   */
  async doc(id) {
    const catalog = await this.catalog();
    const segment = catalog.segments[catalog.segmentOf[id] ?? -1];
    const local = catalog.localOf[id] ?? -1;
    if (!segment || local < 0) throw new Error(`search index has no article ${id}`);
    const { pack, index } = packOf(segment, local);
    const path = `${segment.name}/${PACK_FOLDERS[this.edition]}/${pack}.bin`;
    let load = this.packs.get(path);
    if (!load) {
      load = this.file(path).then((bytes) => readPack(bytes, this.edition === 'zh-Hant'));
      this.packs.set(path, load);
      load.catch(() => this.packs.delete(path));
    }
    const doc = (await load)[index];
    if (!doc) throw new Error(`search result pack ${path} has no document ${local}`);
    return doc;
  }

  /**
   * What the index answers for a query: matches, and candidates still to check against their
   * texts (verify). The buckets the query needs, in every segment, are fetched at once.
   * @param {string} query
   * @returns {Promise<SearchState>}
   */
  async search(query) {
    const catalog = await this.catalog();
    const plan = planQuery(query, catalog.variants);
    if (!plan.terms.some((term) => !term.exclude)) return { plan, matches: [], candidates: [], verified: 0 };
    const grams = planGrams(plan);
    const paths = [...new Set(catalog.segments.flatMap((segment) => grams.map((gram) => `${segment.name}/b/${bucketOfGram(gram, segment.buckets)}.bin`)))];
    const files = new Map(await Promise.all(paths.map(async (path) => /** @type {const} */ ([path, await this.file(path)]))));
    /** @type {Map<string, Int16Array>} */
    const ranks = new Map();
    const ranksOf = (/** @type {string} */ gram) => {
      let found = ranks.get(gram);
      if (found) return found;
      found = new Int16Array(catalog.count).fill(-1);
      for (const segment of catalog.segments) {
        const bucket = files.get(`${segment.name}/b/${bucketOfGram(gram, segment.buckets)}.bin`);
        if (!bucket) continue;
        const { ids, ranks: bytes } = findPostings(bucket, gram, segment.docs);
        for (let index = 0; index < ids.length; index++) {
          const article = segment.globalOf[ids[index] ?? -1] ?? -1;
          if (article >= 0) found[article] = bytes[index] ?? 0;
        }
      }
      ranks.set(gram, found);
      return found;
    };
    const hits = plan.terms.map((term) => termHits(term, ranksOf, catalog.count));
    const { matches, candidates } = combineHits(plan, hits, catalog.count);
    return { plan, matches, candidates, verified: 0 };
  }

  /**
   * Checks up to `count` of the state's candidates (in their order) against their texts; a
   * candidate whose text has the terms becomes a match.
   * @param {SearchState} state
   * @param {number} count
   * @returns {Promise<SearchState>}
   */
  async verify(state, count) {
    const batch = state.candidates.slice(state.verified, state.verified + count);
    const docs = await Promise.all(batch.map((candidate) => this.doc(candidate.id)));
    const confirmed = batch.filter((candidate, index) => {
      const doc = docs[index];
      if (!doc) return false;
      return textMatches(state.plan, normalizeText(searchableText(doc.title[0], doc.deck?.[0], doc.body[0])).text);
    });
    return { ...state, matches: [...state.matches, ...confirmed], verified: state.verified + batch.length };
  }
}
