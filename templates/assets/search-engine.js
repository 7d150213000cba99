// @ts-check
/**
 * The archive's search engine: what the index builder (src/site/search/) and the search page
 * (search.js) must agree on, and the query side of it. A plain ES module, without the DOM, so
 * that Node runs it in the tests and the builder imports its normalisation, keys and hash.
 *
 * The rule it implements: a term matches an article when the term occurs, character for
 * character, in the article's title, deck or body text (captions and headings included), after
 * both are normalised the same way: each character through Unicode NFKC (full-width ＣＯＶＩＤ is
 * COVID) and lower case, runs of spaces made one. A query in Traditional characters (or with any
 * character the Traditional edition writes for a Simplified one) also matches where the
 * Simplified text has a character that the Traditional edition writes that way: 許達哲 is 许达哲.
 *
 * The index holds, for every run of one to four consecutive "word" characters (letters, digits,
 * marks, all of Han) of every article, the articles it occurs in, each with one rank byte (in the
 * title, how often, how early). Such a run is looked up and answered exactly. A longer run is
 * looked up by the runs of four that cover it, and answered exactly by their positions (kept
 * apart, in files fetched only for such queries). A term with punctuation or spaces inside is
 * looked up by its runs, which give candidates, and each candidate is checked against its text.
 */

/** Version of the file formats below; the builder writes it, the page refuses another. */
export const FORMAT = 1;
/** The longest run of word characters the index answers exactly. */
export const MAX_GRAM = 4;
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
// Keys and buckets

/**
 * The key of the run of one to four code units at `start` of `text`: the code units packed into
 * two 32-bit numbers, a missing one being 0 (no word character is U+0000).
 * @param {string} text
 * @param {number} start
 * @param {number} length
 * @returns {[number, number]}
 */
export function gramKey(text, start, length) {
  const unit = (/** @type {number} */ at) => (at < length ? text.charCodeAt(start + at) : 0);
  return [((unit(0) << 16) | unit(1)) >>> 0, ((unit(2) << 16) | unit(3)) >>> 0];
}

/**
 * The bucket file holding a key's postings, of `bucketCount` (a power of two).
 * @param {number} high
 * @param {number} low
 * @param {number} bucketCount
 */
export function bucketOf(high, low, bucketCount) {
  let hash = Math.imul(high ^ 0x9e3779b9, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash ^ low, 0xc2b2ae35);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x27d4eb2f);
  hash ^= hash >>> 15;
  return (hash >>> 0) & (bucketCount - 1);
}

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
// Binary files

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
 * @typedef {{ ids: number[], ranks: Uint8Array }} Postings
 * The articles a key occurs in, by ascending id, and the rank byte of each.
 */

/**
 * Finds a key's postings in a bucket file: a directory (key count; per key its length in code
 * units, the code units, how many articles, the byte length of its ids), then per key its ids
 * (the first as is, then differences, as varints) followed by its rank bytes.
 * @param {Uint8Array} bucket
 * @param {string} gram 1 to MAX_GRAM code units
 * @returns {Postings}
 */
export function findPostings(bucket, gram) {
  const reader = new ByteReader(bucket);
  const keyCount = reader.varint();
  let dataOffset = 0;
  /** @type {{ at: number, count: number, idBytes: number } | undefined} */
  let found;
  const entries = [];
  for (let key = 0; key < keyCount; key++) {
    const length = reader.u8();
    let same = length === gram.length;
    for (let unit = 0; unit < length; unit++) {
      const code = reader.u16();
      if (same && code !== gram.charCodeAt(unit)) same = false;
    }
    const count = reader.varint();
    const idBytes = reader.varint();
    entries.push(count + idBytes);
    if (same) found = { at: dataOffset, count, idBytes };
    dataOffset += idBytes + count;
  }
  if (!found) return { ids: [], ranks: new Uint8Array(0) };
  const start = reader.offset + found.at;
  const ids = new Array(found.count);
  const idReader = new ByteReader(bucket, start);
  let id = 0;
  for (let index = 0; index < found.count; index++) {
    id = index === 0 ? idReader.varint() : id + idReader.varint();
    ids[index] = id;
  }
  const ranks = bucket.subarray(start + found.idBytes, start + found.idBytes + found.count);
  return { ids, ranks };
}

/**
 * The positions of a gram of MAX_GRAM units in each article it occurs in, from a bucket's
 * positions file: a directory (key count; per key its four code units and the byte length of its
 * positions), then per key, per article in the order of its postings, the number of occurrences
 * and their positions (the first, then differences).
 * @param {Uint8Array} file
 * @param {string} gram MAX_GRAM code units
 * @param {number[]} ids the gram's postings' ids
 * @returns {Map<number, number[]>}
 */
export function findPositions(file, gram, ids) {
  const reader = new ByteReader(file);
  const keyCount = reader.varint();
  let dataOffset = 0;
  let found = -1;
  for (let key = 0; key < keyCount; key++) {
    let same = true;
    for (let unit = 0; unit < MAX_GRAM; unit++) if (reader.u16() !== gram.charCodeAt(unit)) same = false;
    const bytes = reader.varint();
    if (same) found = dataOffset;
    dataOffset += bytes;
  }
  /** @type {Map<number, number[]>} */
  const positions = new Map();
  if (found < 0) return positions;
  const data = new ByteReader(file, reader.offset + found);
  for (const id of ids) {
    const count = data.varint();
    const list = new Array(count);
    let at = 0;
    for (let index = 0; index < count; index++) {
      at += data.varint();
      list[index] = at;
    }
    positions.set(id, list);
  }
  return positions;
}

/**
 * @typedef {'province' | 'person' | 'place' | 'meeting-type'} TagKind
 * @typedef {{ kind: TagKind, name: string, nameHant: string }} CatalogTag
 * @typedef {{
 *   format: number,
 *   bucketCount: number,
 *   dayShift: number,
 *   epoch: string,
 *   docCount: number,
 *   tags: [TagKind, string, string][],
 *   variants: Record<string, string>,
 * }} CatalogHeader
 * @typedef {{
 *   bucketCount: number,
 *   ids: number[],
 *   tagSetOf: Map<number, number[]>,
 *   tags: CatalogTag[],
 *   variants: Record<string, string>,
 *   dayShift: number,
 *   epochDay: number,
 * }} Catalog
 */

/**
 * Undated articles (日期不详) are numbered from this many days after the epoch: far beyond any
 * meeting day, so that they sort after the dated ones and a new dated article never moves them.
 */
export const UNDATED_DAY = 2 ** 20;

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
 * Reads catalog.bin: a 4-byte length, a JSON header of that length, then the articles (their
 * number; per article the difference of its id from the last and its tag set) and the tag sets
 * (their number; per set its size and its tag numbers, ascending, as differences).
 * @param {Uint8Array} bytes
 * @returns {Catalog}
 */
export function readCatalog(bytes) {
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  /** @type {CatalogHeader} */
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength)));
  if (header.format !== FORMAT) throw new Error(`search index format ${header.format}, this page reads ${FORMAT}`);
  const reader = new ByteReader(bytes, 4 + headerLength);
  const docCount = reader.varint();
  const ids = new Array(docCount);
  const setOfDoc = new Array(docCount);
  let id = 0;
  for (let index = 0; index < docCount; index++) {
    id = index === 0 ? reader.varint() : id + reader.varint();
    ids[index] = id;
    setOfDoc[index] = reader.varint();
  }
  const setCount = reader.varint();
  /** @type {number[][]} */
  const sets = [];
  for (let set = 0; set < setCount; set++) {
    const size = reader.varint();
    const members = [];
    let tag = 0;
    for (let at = 0; at < size; at++) {
      tag = at === 0 ? reader.varint() : tag + reader.varint();
      members.push(tag);
    }
    sets.push(members);
  }
  const tagSetOf = new Map();
  ids.forEach((docId, index) => tagSetOf.set(docId, sets[setOfDoc[index]] ?? []));
  return {
    bucketCount: header.bucketCount,
    ids,
    tagSetOf,
    tags: header.tags.map(([kind, name, nameHant]) => ({ kind, name, nameHant })),
    variants: header.variants,
    dayShift: header.dayShift,
    epochDay: dayNumber(header.epoch),
  };
}

/**
 * The meeting date of an article, from its id (ids count days from the epoch, several a day).
 * @param {Catalog} catalog
 * @param {number} id
 */
export function dateOfId(catalog, id) {
  const day = Math.floor(id / 2 ** catalog.dayShift);
  return day >= UNDATED_DAY ? '' : dateOfDay(catalog.epochDay + day);
}

/**
 * The year filter's value of an article: its meeting year, or UNDATED_YEAR.
 * @param {Catalog} catalog
 * @param {number} id
 */
export function yearOfId(catalog, id) {
  return dateOfId(catalog, id).slice(0, 4) || UNDATED_YEAR;
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
 * @typedef {{ start: number, length: number }} Segment
 */

/**
 * @param {string} text normalised
 * @returns {Segment[]}
 */
export function wordSegments(text) {
  /** @type {Segment[]} */
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
 * What one form of a term needs from the index: the grams to look up, and whether their
 * postings answer it exactly (a single run of word characters of at most MAX_GRAM), or with
 * their positions (`steps`: a single longer run, covered by grams of MAX_GRAM at these offsets),
 * or only give candidates to check against the text.
 * @typedef {{ form: string, grams: string[], exact: boolean, steps?: { gram: string, offset: number }[] }} FormPlan
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
  if (whole && form.length > MAX_GRAM) {
    const offsets = [];
    for (let at = 0; at + MAX_GRAM < form.length; at += MAX_GRAM) offsets.push(at);
    offsets.push(form.length - MAX_GRAM);
    const steps = offsets.map((offset) => ({ gram: form.slice(offset, offset + MAX_GRAM), offset }));
    return { form, grams: [...new Set(grams)], exact: true, steps };
  }
  return { form, grams: [...new Set(grams)], exact: whole };
}

/**
 * @typedef {{ text: string, exclude: boolean, forms: FormPlan[] }} TermPlan
 * @typedef {{ terms: TermPlan[], ignored: string[] }} QueryPlan
 */

/**
 * Plans a query: each term normalised, its forms, the grams of each form. Terms without a word
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

/** @param {QueryPlan} plan @returns {string[]} every gram the plan looks up */
export function planGrams(plan) {
  return [...new Set(plan.terms.flatMap((term) => term.forms.flatMap((form) => form.grams)))];
}

/** @param {QueryPlan} plan @returns {string[]} every gram whose positions the plan needs */
export function planPositionGrams(plan) {
  return [...new Set(plan.terms.flatMap((term) => term.forms.flatMap((form) => (form.steps ?? []).map((step) => step.gram))))];
}

/**
 * Whether positions put the grams of `steps` at their offsets from one start: the form occurs.
 * @param {{ gram: string, offset: number }[]} steps
 * @param {(gram: string) => number[] | undefined} positionsIn the article's positions of a gram
 */
function stepsAlign(steps, positionsIn) {
  const [first, ...rest] = steps;
  if (!first) return false;
  const sets = rest.map((step) => ({ offset: step.offset - first.offset, at: new Set(positionsIn(step.gram) ?? []) }));
  return (positionsIn(first.gram) ?? []).some((start) => sets.every(({ offset, at }) => at.has(start + offset)));
}

/**
 * @param {string} gram
 * @param {number} bucketCount
 */
export function bucketOfGram(gram, bucketCount) {
  const [high, low] = gramKey(gram, 0, gram.length);
  return bucketOf(high, low, bucketCount);
}

/**
 * What the index says of each article for one term: 'yes' (it occurs), or 'maybe' (a candidate
 * to check against the text); articles it does not mention do not have the term.
 * @typedef {{ status: 'yes' | 'maybe', score: number }} TermHit
 */

/**
 * @param {TermPlan} term
 * @param {(gram: string) => Postings} postingsOf
 * @param {(gram: string) => Map<number, number[]>} [positionsOf] for forms with steps
 * @returns {Map<number, TermHit>}
 */
export function termHits(term, postingsOf, positionsOf = () => new Map()) {
  /** @type {Map<number, TermHit>} */
  const hits = new Map();
  for (const form of term.forms) {
    /** @type {Map<number, number> | undefined} */
    let common;
    for (const gram of form.grams) {
      const { ids, ranks } = postingsOf(gram);
      /** @type {Map<number, number>} */
      const next = new Map();
      ids.forEach((id, index) => {
        const score = rankScore(ranks[index] ?? 0);
        if (!common) next.set(id, score);
        else {
          const before = common.get(id);
          if (before !== undefined) next.set(id, Math.min(before, score));
        }
      });
      common = next;
      if (!common.size) break;
    }
    const steps = form.steps;
    if (steps && common?.size) {
      const positions = new Map(steps.map((step) => [step.gram, positionsOf(step.gram)]));
      for (const id of [...common.keys()]) {
        if (!stepsAlign(steps, (gram) => positions.get(gram)?.get(id))) common.delete(id);
      }
    }
    for (const [id, score] of common ?? []) {
      const status = form.exact ? 'yes' : 'maybe';
      const before = hits.get(id);
      if (!before) hits.set(id, { status, score });
      else hits.set(id, { status: before.status === 'yes' || status === 'yes' ? 'yes' : 'maybe', score: Math.max(before.score, score) });
    }
  }
  return hits;
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
 * @param {Map<number, TermHit>[]} hitsPerTerm in the order of plan.terms
 * @param {number[]} allIds every article, for a query of exclusions only
 * @returns {Evaluation}
 */
export function combineHits(plan, hitsPerTerm, allIds) {
  const included = plan.terms.flatMap((term, index) => (term.exclude ? [] : [hitsPerTerm[index] ?? new Map()]));
  const excluded = plan.terms.flatMap((term, index) => (term.exclude ? [hitsPerTerm[index] ?? new Map()] : []));
  /** @type {Match[]} */
  const matches = [];
  /** @type {Match[]} */
  const candidates = [];
  const smallest = included.reduce((best, hits) => (!best || hits.size < best.size ? hits : best), /** @type {Map<number, TermHit> | undefined} */ (undefined));
  const ids = smallest ? [...smallest.keys()] : allIds;
  for (const id of ids) {
    let certain = true;
    let score = 0;
    let present = true;
    for (const hits of included) {
      const hit = hits.get(id);
      if (!hit) {
        present = false;
        break;
      }
      if (hit.status === 'maybe') certain = false;
      score += hit.score;
    }
    if (!present) continue;
    for (const hits of excluded) {
      const hit = hits.get(id);
      if (hit?.status === 'yes') {
        present = false;
        break;
      }
      if (hit) certain = false;
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
 * The tag numbers of a filter's value, by its name in either script.
 * @param {Catalog} catalog
 * @param {TagKind} kind
 * @param {string} name
 */
function tagIndex(catalog, kind, name) {
  return catalog.tags.findIndex((tag) => tag.kind === kind && (tag.name === name || tag.nameHant === name));
}

/**
 * Whether an article passes the filters, `except` one facet (for that facet's counts).
 * @param {Catalog} catalog
 * @param {number} id
 * @param {Filters} filters
 * @param {string} [except]
 */
export function passesFilters(catalog, id, filters, except) {
  for (const facet of FACETS) {
    const value = filters[facet];
    if (!value || facet === except) continue;
    if (facet === 'year') {
      if (yearOfId(catalog, id) !== value) return false;
      continue;
    }
    const tag = tagIndex(catalog, facet, value);
    if (tag < 0 || !(catalog.tagSetOf.get(id) ?? []).includes(tag)) return false;
  }
  return true;
}

/**
 * @typedef {{ value: string, label: string, labelHant: string, count: number }} FacetValue
 */

/**
 * For each facet, its values among `matches` with how many articles each has, counting the
 * articles that pass the other facets' filters (so that another value can still be chosen).
 * @param {Catalog} catalog
 * @param {Match[]} matches
 * @param {Filters} filters
 * @returns {Record<string, FacetValue[]>}
 */
export function facetCounts(catalog, matches, filters) {
  /** @type {Record<string, FacetValue[]>} */
  const result = {};
  for (const facet of FACETS) {
    /** @type {Map<string, FacetValue>} */
    const counts = new Map();
    for (const { id } of matches) {
      if (!passesFilters(catalog, id, filters, facet)) continue;
      if (facet === 'year') {
        const year = yearOfId(catalog, id);
        const undated = year === UNDATED_YEAR;
        const entry = counts.get(year) ?? { value: year, label: undated ? '日期不详' : year, labelHant: undated ? '日期不詳' : year, count: 0 };
        entry.count += 1;
        counts.set(year, entry);
        continue;
      }
      for (const index of catalog.tagSetOf.get(id) ?? []) {
        const tag = catalog.tags[index];
        if (!tag || tag.kind !== facet) continue;
        const entry = counts.get(tag.name) ?? { value: tag.name, label: tag.name, labelHant: tag.nameHant, count: 0 };
        entry.count += 1;
        counts.set(tag.name, entry);
      }
    }
    const values = [...counts.values()];
    values.sort((a, b) => (facet === 'year' ? (a.value < b.value ? -1 : 1) : b.count - a.count || (a.value < b.value ? -1 : 1)));
    result[facet] = values;
  }
  return result;
}

/**
 * Orders matches: by relevance (score, then the newer meeting), or by meeting date.
 * @param {Match[]} matches
 * @param {SortOrder} order
 * @param {Catalog} [catalog] tells which ids are undated, to put them last
 */
export function sortMatches(matches, order, catalog) {
  const sorted = [...matches];
  // Undated articles come after the dated ones whichever way the dates run.
  const undatedFrom = catalog ? UNDATED_DAY * 2 ** catalog.dayShift : Infinity;
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
 *   url: string,
 *   title: [string, string],
 *   deck?: [string, string],
 *   body: [string, string],
 *   publisher?: [string, string],
 *   aligned: boolean,
 * }} SearchDoc
 * An article's file: its URL (root-relative, Simplified edition), and its texts in both scripts
 * (Simplified first); `aligned` when the Traditional texts have the Simplified ones' lengths.
 */

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
 * folder: `catalog.bin`, `b/<n>.bin`, `docs/<id>.json`), each at most once.
 */
export class SearchEngine {
  /** @param {(path: string) => Promise<Uint8Array>} fetchBytes */
  constructor(fetchBytes) {
    this.fetchBytes = fetchBytes;
    /** @type {Promise<Catalog> | undefined} */
    this.catalogLoad = undefined;
    /** @type {Map<string, Promise<Uint8Array>>} */
    this.buckets = new Map();
    /** @type {Map<number, Promise<SearchDoc>>} */
    this.docs = new Map();
  }

  catalog() {
    return (this.catalogLoad ??= this.fetchBytes('catalog.bin').then(readCatalog));
  }

  /** @param {number} bucket @param {'b' | 'p'} [kind] postings, or positions */
  bucket(bucket, kind = 'b') {
    const path = `${kind}/${bucket}.bin`;
    let load = this.buckets.get(path);
    if (!load) {
      load = this.fetchBytes(path);
      this.buckets.set(path, load);
      load.catch(() => this.buckets.delete(path));
    }
    return load;
  }

  /** @param {number} id @returns {Promise<SearchDoc>} */
  doc(id) {
    let load = this.docs.get(id);
    if (!load) {
      load = this.fetchBytes(`docs/${id}.json`).then((bytes) => JSON.parse(new TextDecoder().decode(bytes)));
      this.docs.set(id, load);
      load.catch(() => this.docs.delete(id));
    }
    return load;
  }

  /**
   * What the index answers for a query: matches, and candidates still to check against their
   * texts (verify). The buckets the query needs are fetched at once.
   * @param {string} query
   * @returns {Promise<SearchState>}
   */
  async search(query) {
    const catalog = await this.catalog();
    const plan = planQuery(query, catalog.variants);
    const grams = planGrams(plan);
    const positionGrams = planPositionGrams(plan);
    const bucketsOf = (/** @type {string[]} */ list) => [...new Set(list.map((gram) => bucketOfGram(gram, catalog.bucketCount)))];
    const [buckets, positionFiles] = await Promise.all([
      Promise.all(bucketsOf(grams).map(async (bucket) => /** @type {const} */ ([bucket, await this.bucket(bucket)]))).then((entries) => new Map(entries)),
      Promise.all(bucketsOf(positionGrams).map(async (bucket) => /** @type {const} */ ([bucket, await this.bucket(bucket, 'p')]))).then((entries) => new Map(entries)),
    ]);
    /** @type {Map<string, Postings>} */
    const postings = new Map();
    const postingsOf = (/** @type {string} */ gram) => {
      let found = postings.get(gram);
      if (!found) {
        found = findPostings(buckets.get(bucketOfGram(gram, catalog.bucketCount)) ?? new Uint8Array([0]), gram);
        postings.set(gram, found);
      }
      return found;
    };
    const positionsOf = (/** @type {string} */ gram) => findPositions(positionFiles.get(bucketOfGram(gram, catalog.bucketCount)) ?? new Uint8Array([0]), gram, postingsOf(gram).ids);
    if (!plan.terms.some((term) => !term.exclude)) return { plan, matches: [], candidates: [], verified: 0 };
    const hits = plan.terms.map((term) => termHits(term, postingsOf, positionsOf));
    const { matches, candidates } = combineHits(plan, hits, catalog.ids);
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
