/**
 * The search index's files other than the buckets: the catalog (what every article is filed
 * under, for filters, facet counts and order, and where its postings and texts are) and the
 * result packs (what a result shows, and the text its excerpt and a candidate's check are made
 * from). Formats: engine.js (readCatalog, readPack).
 */
import { dayNumber, FORMAT, type SegmentHeader, type SimplifiedFix } from './engine.js';
import type { TagKind } from '../archive.ts';

/** What the index needs of an article (src/site/archive.ts's Article has it all). */
export interface SearchableArticle {
  /** Root-relative URL of the Simplified page. */
  url: string;
  /** Meeting date, YYYY-MM-DD; undefined for an undated article (日期不详). */
  date?: string;
  title: string;
  subtitle?: string;
  publisher?: string;
  province: string;
  people: readonly string[];
  places: readonly string[];
  meetingType: readonly string[];
  body: {
    /** SHA-256 of the article file, which decides everything the index holds of the article. */
    sourceSha256: string;
    /** Simplified plain text: paragraphs, headings and captions, a blank line apart. */
    plainText: string;
    /** The same as the Traditional edition shows it. */
    traditionalText: string;
  };
}

/** The articles' tags, both scripts, in the order the catalog numbers them. */
export interface CatalogTag {
  kind: TagKind;
  name: string;
  nameHant: string;
}

const KINDS: TagKind[] = ['province', 'person', 'place', 'meeting-type'];

function namesOf(article: SearchableArticle, kind: TagKind): readonly string[] {
  return kind === 'province' ? [article.province] : kind === 'person' ? article.people : kind === 'place' ? article.places : article.meetingType;
}

/** Every tag of the articles: by kind, then the most used first, then by name. */
export function catalogTags(articles: readonly SearchableArticle[], toHant: (text: string) => string): CatalogTag[] {
  const tags: CatalogTag[] = [];
  for (const kind of KINDS) {
    const counts = new Map<string, number>();
    for (const article of articles) for (const name of new Set(namesOf(article, kind))) counts.set(name, (counts.get(name) ?? 0) + 1);
    const names = [...counts].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1)).map(([name]) => name);
    tags.push(...names.map((name) => ({ kind, name, nameHant: toHant(name) })));
  }
  return tags;
}

class Bytes {
  private parts: number[] = [];

  varint(value: number): void {
    while (value >= 0x80) {
      this.parts.push((value & 0x7f) | 0x80);
      value = Math.floor(value / 128);
    }
    this.parts.push(value);
  }

  raw(bytes: Uint8Array): void {
    for (const byte of bytes) this.parts.push(byte);
  }

  bytes(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

/** Where an article's postings and texts are: its segment (by index in the catalog) and its document number there. */
export interface ArticlePlace {
  segment: number;
  local: number;
}

export interface CatalogInput {
  /** In the archive's order: by meeting date, the undated ones last. */
  articles: readonly SearchableArticle[];
  places: readonly ArticlePlace[];
  segments: readonly { header: SegmentHeader; packs: readonly number[] }[];
  tags: readonly CatalogTag[];
  /** Traditional character → its Simplified counterparts (search-script-map.ts). */
  variants: Record<string, string>;
}

/** catalog.bin (engine.js, readCatalog). */
export function catalogFile({ articles, places, segments, tags, variants }: CatalogInput): Uint8Array {
  const dated = articles.filter((article) => article.date !== undefined);
  const undated = articles.length - dated.length;
  if (articles.slice(0, dated.length).some((article) => article.date === undefined)) throw new Error('search index: undated articles must come last');
  const epoch = `${dated.reduce((year, article) => (article.date!.slice(0, 4) < year ? article.date!.slice(0, 4) : year), dated[0]?.date?.slice(0, 4) ?? '2000')}-01-01`;
  const header = JSON.stringify({
    format: FORMAT,
    epoch,
    articles: articles.length,
    undated,
    segments: segments.map((segment) => segment.header),
    tags: tags.map((tag) => [tag.kind, tag.name, tag.nameHant]),
    variants,
  });
  const body = new Bytes();

  // Meeting days: per day that has articles, its difference from the day before and how many.
  const days: [number, number][] = [];
  for (const article of dated) {
    const day = dayNumber(article.date!);
    const last = days[days.length - 1];
    if (last && day < last[0]) throw new Error(`search index: articles must come in date order (${article.date} after ${dateOfDayNumber(last[0])})`);
    if (last && last[0] === day) last[1] += 1;
    else days.push([day, 1]);
  }
  body.varint(days.length);
  let lastDay = dayNumber(epoch);
  for (const [day, count] of days) {
    body.varint(day - lastDay);
    body.varint(count);
    lastDay = day;
  }

  // Tag sets, the most used first (so that most articles name theirs in one byte), then each article's.
  const numberOf = new Map(tags.map((tag, index) => [`${tag.kind}\u0000${tag.name}`, index]));
  const setOfArticle = articles.map((article) => [...new Set(KINDS.flatMap((kind) => namesOf(article, kind).map((name) => numberOf.get(`${kind}\u0000${name}`)!)))].sort((a, b) => a - b).join(','));
  const uses = new Map<string, number>();
  for (const key of setOfArticle) uses.set(key, (uses.get(key) ?? 0) + 1);
  const sets = [...uses].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1)).map(([key]) => key);
  const setNumber = new Map(sets.map((key, index) => [key, index]));
  body.varint(sets.length);
  for (const key of sets) {
    const members = key ? key.split(',').map(Number) : [];
    body.varint(members.length);
    members.forEach((member, at) => body.varint(at === 0 ? member : member - members[at - 1]!));
  }
  for (const key of setOfArticle) body.varint(setNumber.get(key)!);

  // Per segment: which articles it holds (a bitmap of the archive's, or their numbers), and which of its documents are dead.
  segments.forEach(({ header: segment, packs }, index) => {
    const members: number[] = [];
    const alive = new Uint8Array(segment.docs);
    let lastLocal = -1;
    places.forEach((place, article) => {
      if (place.segment !== index) return;
      if (place.local <= lastLocal) throw new Error('search index: a segment’s documents must come in the archive’s order');
      lastLocal = place.local;
      alive[place.local] = 1;
      members.push(article);
    });
    const listBytes = members.reduce((bytes, article, at) => bytes + varintSize(article - (at ? members[at - 1]! : -1)), varintSize(members.length));
    const bitmapBytes = (articles.length + 7) >> 3;
    if (bitmapBytes < listBytes) {
      body.varint(1);
      const bitmap = new Uint8Array(bitmapBytes);
      for (const article of members) bitmap[article >> 3]! |= 1 << (article & 7);
      body.raw(bitmap);
    } else {
      body.varint(0);
      body.varint(members.length);
      members.forEach((article, at) => body.varint(article - (at ? members[at - 1]! : -1)));
    }
    const dead = [...alive.keys()].filter((local) => !alive[local]);
    body.varint(dead.length);
    dead.forEach((local, at) => body.varint(local - (at ? dead[at - 1]! : -1)));
    body.varint(packs.length);
    for (const size of packs) body.varint(size);
  });

  const headerBytes = new TextEncoder().encode(header);
  const tail = body.bytes();
  const file = new Uint8Array(4 + headerBytes.length + tail.length);
  new DataView(file.buffer).setUint32(0, headerBytes.length, true);
  file.set(headerBytes, 4);
  file.set(tail, 4 + headerBytes.length);
  return file;
}

function dateOfDayNumber(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function varintSize(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;
}

/** A result pack's JSON as UTF-16LE bytes (engine.js, readPack, says why). */
function utf16(json: string): Uint8Array {
  const buffer = Buffer.from(json, 'utf16le');
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The texts of an article a pack holds: title, deck, publisher, body ('' for a missing one). */
type Texts = [string, string, string, string];

function simplifiedTexts(article: SearchableArticle): Texts {
  return [article.title, article.subtitle ?? '', article.publisher ?? '', article.body.plainText];
}

/** A Simplified result pack of consecutive documents. */
export function simplifiedPack(articles: readonly SearchableArticle[]): Uint8Array {
  return utf16(JSON.stringify({ d: articles.map((article) => [article.url, ...simplifiedTexts(article)]) }));
}

/**
 * A Traditional result pack: the texts as the Traditional edition shows them (the build's
 * phrase-by-phrase conversion: 機制, not 機製), and what gives their Simplified texts back, where
 * the page finds the matches to mark: a table of the pack's converted characters (each
 * Traditional one with the Simplified one it stands for most often in the pack) and, per text,
 * the few characters the table does not give. The table is the pack's own rather than the
 * archive's, so that a pack stays right as the archive grows around it.
 */
export function traditionalPack(articles: readonly SearchableArticle[], toHant: (text: string) => string): Uint8Array {
  const pairs = articles.map((article): { hans: Texts; hant: Texts } => ({
    hans: simplifiedTexts(article),
    hant: [toHant(article.title), article.subtitle ? toHant(article.subtitle) : '', article.publisher ? toHant(article.publisher) : '', article.body.traditionalText],
  }));
  // The texts as code units, read from typed arrays rather than by charCodeAt (the strings are of
  // several representations, and the loops below visit every character of the pack twice).
  const units = pairs.map(({ hans, hant }) => hans.map((simplified, field) => (simplified === hant[field] || simplified.length !== hant[field]!.length ? undefined : [codeUnits(simplified), codeUnits(hant[field]!)] as const)));
  // How often each Traditional code unit stands for each Simplified one, where they differ: the
  // first Simplified unit met for it in arrays by code unit (nearly every character has one), others in a map.
  const touched: number[] = [];
  const others = new Map<number, number>();
  for (const fields of units) {
    for (const field of fields) {
      if (!field) continue;
      const [simplified, shown] = field;
      for (let at = 0; at < shown.length; at++) {
        const from = shown[at]!;
        const to = simplified[at]!;
        if (from === to) continue;
        if (firstCount[from] === 0) {
          firstTarget[from] = to;
          firstCount[from] = 1;
          touched.push(from);
        } else if (firstTarget[from] === to) {
          firstCount[from]! += 1;
        } else {
          others.set(from * 0x10000 + to, (others.get(from * 0x10000 + to) ?? 0) + 1);
        }
      }
    }
  }
  for (const [key, count] of others) {
    const from = Math.floor(key / 0x10000);
    const to = key % 0x10000;
    if (count > firstCount[from]! || (count === firstCount[from] && to < firstTarget[from]!)) {
      firstTarget[from] = to;
      firstCount[from] = count;
    }
  }
  touched.sort((a, b) => a - b);
  const tableText = touched.map((from) => String.fromCharCode(from, firstTarget[from]!)).join('');
  const docs = articles.map((article, index) => {
    const { hans, hant } = pairs[index]!;
    const fixes = hans.map((simplified, field): SimplifiedFix => {
      const shown = hant[field]!;
      if (simplified.length !== shown.length) return simplified;
      const pair = units[index]![field];
      // A text the edition shows unchanged: the table must give each of its units back as itself.
      const [to, from] = pair ?? [undefined, codeUnits(shown)];
      const wrong: (number | string)[] = [];
      for (let at = 0; at < from.length; at++) {
        const unit = from[at]!;
        // What the table gives for the unit: its Simplified unit, or the unit itself.
        const given = firstCount[unit] ? firstTarget[unit]! : unit;
        if (given !== (to ? to[at]! : unit)) wrong.push(at, simplified[at]!);
      }
      return wrong.length ? wrong : 0;
    });
    return fixes.every((fix) => fix === 0) ? [article.url, ...hant] : [article.url, ...hant, fixes];
  });
  for (const from of touched) firstCount[from] = 0;
  return utf16(JSON.stringify({ m: tableText, d: docs }));
}

/** A string's UTF-16 code units. */
function codeUnits(text: string): Uint16Array {
  const buffer = Buffer.from(text, 'utf16le');
  // A Buffer may start at an odd offset of a shared pool: copy it then.
  return buffer.byteOffset % 2 ? new Uint16Array(Uint8Array.from(buffer).buffer) : new Uint16Array(buffer.buffer, buffer.byteOffset, buffer.length / 2);
}

/** Per Traditional code unit, the Simplified one it stands for most often in the pack being made, and how often (reset after each pack). */
const firstTarget = new Uint16Array(0x10000);
const firstCount = new Uint32Array(0x10000);
