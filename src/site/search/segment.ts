/**
 * One segment of the search index: the postings of a set of articles (grams.ts) in bucket files,
 * and their texts in result packs of each edition, under a folder of the segment's own. A
 * segment is never changed once written: the articles it holds are numbered 0, 1, … in the
 * archive's order when it is made, and the catalog says which of them are still alive.
 */
import { createHash } from 'node:crypto';
import { PACK_FOLDERS, searchableText, type SegmentHeader } from './engine.js';
import { gramText, SegmentPostings } from './grams.ts';
import { simplifiedPack, traditionalPack, type SearchableArticle } from './index-files.ts';

/**
 * A bucket file is at most this large on average: one is fetched per run a query looks up, in
 * each segment, and each is a file to write. A small segment's buckets are smaller (down to
 * MIN_BUCKET_BYTES), so that a segment of a few recent articles costs a query little.
 */
export const BUCKET_TARGET_BYTES = 64 * 1024;
export const MIN_BUCKET_BYTES = 4 * 1024;
/** The most buckets of a segment (files in one folder). */
export const MAX_BUCKETS = 1 << 14;
/**
 * Characters of text a result pack holds at most, unless it is one document: a result on screen
 * costs its pack (two bytes a character), and every pack is a file to write.
 */
export const PACK_CHARACTERS = 12_000;

/** How many consecutive documents each result pack holds. */
export function packSizes(articles: readonly SearchableArticle[]): number[] {
  const sizes: number[] = [];
  let characters = 0;
  for (const article of articles) {
    const length = article.url.length + article.title.length + (article.subtitle?.length ?? 0) + (article.publisher?.length ?? 0) + article.body.plainText.length;
    if (sizes.length && characters + length <= PACK_CHARACTERS) {
      sizes[sizes.length - 1]! += 1;
      characters += length;
    } else {
      sizes.push(1);
      characters = length;
    }
  }
  return sizes;
}

/**
 * The number of buckets for postings of `bytes` in all: a power of two, so that the bucket of a
 * run is its hash's low bits.
 */
export function bucketCountFor(bytes: number): number {
  const target = Math.min(BUCKET_TARGET_BYTES, Math.max(MIN_BUCKET_BYTES, bytes / 64));
  let count = 1;
  while (count < MAX_BUCKETS && count * target < bytes) count *= 2;
  return count;
}

/**
 * A segment's name: a hash of the code that made it (`version`) and of the articles it holds, in
 * order. Segments of the same articles by the same code are the same files; any other gets a
 * folder of its own, so that a reader never mixes files of two segments.
 */
export function segmentName(version: string, articles: readonly SearchableArticle[]): string {
  const hash = createHash('sha256').update(version);
  for (const article of articles) hash.update(`\u0000${article.body.sourceSha256}`);
  return hash.digest('hex').slice(0, 12);
}

export interface WrittenSegment {
  header: SegmentHeader;
  /** How many documents each result pack holds. */
  packs: number[];
  grams: number;
  postings: number;
  /** Bytes the postings took in memory while the segment was made. */
  arenaBytes: number;
  /** The segment's files, relative to the index's folder. */
  files: string[];
}

/**
 * Makes a segment of `articles` (in the archive's order) and hands each of its files to `put`
 * (relative to the index's folder) as soon as it is made.
 */
export function writeSegment(
  name: string,
  articles: readonly SearchableArticle[],
  toHant: (text: string) => string,
  put: (file: string, bytes: Uint8Array) => void,
): WrittenSegment {
  const files: string[] = [];
  const putFile = (file: string, bytes: Uint8Array) => {
    files.push(file);
    put(file, bytes);
  };
  // The packs first, so that what making them leaves to collect is not added to the postings' peak.
  const packs = packSizes(articles);
  for (let pack = 0, start = 0; pack < packs.length; start += packs[pack]!, pack++) {
    const members = articles.slice(start, start + packs[pack]!);
    putFile(`${name}/${PACK_FOLDERS['zh-Hans']}/${pack}.bin`, simplifiedPack(members));
    putFile(`${name}/${PACK_FOLDERS['zh-Hant']}/${pack}.bin`, traditionalPack(members, toHant));
  }
  const postings = new SegmentPostings();
  for (const article of articles) postings.add(gramText(searchableText(article.title, article.subtitle, article.body.plainText), article.title.length));
  const buckets = bucketCountFor(postings.totalBytes());
  postings.writeBuckets(buckets, (bucket, bytes) => putFile(`${name}/b/${bucket}.bin`, bytes));
  return {
    header: { name, docs: articles.length, buckets },
    packs,
    grams: postings.size,
    postings: postings.postings,
    arenaBytes: postings.arenaBytes,
    files,
  };
}
