/**
 * The search index's files other than the buckets: the catalog (what every article is filed
 * under, for filters, facet counts and order) and one file per article (what a result shows, and
 * the text its excerpt and a candidate's check are made from). Formats: search-engine.js.
 */
import { FORMAT } from '../../../templates/assets/search-engine.js';
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
    /** SHA-256 of the article file, which decides everything here. */
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

  bytes(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

export interface CatalogInput {
  articles: readonly SearchableArticle[];
  ids: readonly number[];
  tags: readonly CatalogTag[];
  bucketCount: number;
  dayShift: number;
  epoch: string;
  /** Traditional character → its Simplified counterparts (search-script-map.ts). */
  variants: Record<string, string>;
}

/** catalog.bin: a JSON header and, per article, its id and the number of its set of tags. */
export function catalogFile({ articles, ids, tags, bucketCount, dayShift, epoch, variants }: CatalogInput): Uint8Array {
  const header = JSON.stringify({
    format: FORMAT,
    bucketCount,
    dayShift,
    epoch,
    docCount: articles.length,
    tags: tags.map((tag) => [tag.kind, tag.name, tag.nameHant]),
    variants,
  });
  const numberOf = new Map(tags.map((tag, index) => [`${tag.kind}\u0000${tag.name}`, index]));
  const setNumbers = new Map<string, number>();
  const sets: number[][] = [];
  const body = new Bytes();
  body.varint(articles.length);
  articles.forEach((article, index) => {
    const members = [...new Set(KINDS.flatMap((kind) => namesOf(article, kind).map((name) => numberOf.get(`${kind}\u0000${name}`)!)))].sort((a, b) => a - b);
    const key = members.join(',');
    let set = setNumbers.get(key);
    if (set === undefined) {
      set = sets.length;
      setNumbers.set(key, set);
      sets.push(members);
    }
    body.varint(index === 0 ? ids[0]! : ids[index]! - ids[index - 1]!);
    body.varint(set);
  });
  body.varint(sets.length);
  for (const members of sets) {
    body.varint(members.length);
    members.forEach((member, at) => body.varint(at === 0 ? member : member - members[at - 1]!));
  }
  const headerBytes = new TextEncoder().encode(header);
  const tail = body.bytes();
  const file = new Uint8Array(4 + headerBytes.length + tail.length);
  new DataView(file.buffer).setUint32(0, headerBytes.length, true);
  file.set(headerBytes, 4);
  file.set(tail, 4 + headerBytes.length);
  return file;
}

/**
 * An article's file: its URL and its texts in both scripts. The Traditional texts are the
 * build's phrase-by-phrase conversion (機制, not 機製); `aligned` says whether they have the
 * Simplified texts' lengths, so that a match found in the Simplified text is marked at the same
 * place in the Traditional one.
 */
export function articleFile(article: SearchableArticle, toHant: (text: string) => string): string {
  const pair = (text: string): [string, string] => [text, toHant(text)];
  const title = pair(article.title);
  const deck = article.subtitle ? pair(article.subtitle) : undefined;
  const body: [string, string] = [article.body.plainText, article.body.traditionalText];
  const aligned = [title, deck, body].every((texts) => !texts || texts[0].length === texts[1].length);
  return JSON.stringify({
    url: article.url,
    title,
    ...(deck ? { deck } : {}),
    body,
    ...(article.publisher ? { publisher: pair(article.publisher) } : {}),
    aligned,
  });
}
