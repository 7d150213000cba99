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

/** The bucket files aim at about this size: one is fetched per run a query looks up, in each segment. */
export const BUCKET_TARGET_BYTES = 48 * 1024;
/** The most buckets of a segment (files in one folder). */
export const MAX_BUCKETS = 1 << 14;
/** Documents per result pack: a result on screen costs its pack, and every pack is a file to write. */
export const PACK_DOCS = 8;

/**
 * The number of buckets for postings of `bytes` in all: a power of two, so that the bucket of a
 * run is its hash's low bits.
 */
export function bucketCountFor(bytes: number): number {
  let count = 1;
  while (count < MAX_BUCKETS && count * BUCKET_TARGET_BYTES < bytes) count *= 2;
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
  const postings = new SegmentPostings();
  for (const article of articles) postings.add(gramText(searchableText(article.title, article.subtitle, article.body.plainText), article.title.length));
  const buckets = bucketCountFor(postings.totalBytes());
  const files: string[] = [];
  const putFile = (file: string, bytes: Uint8Array) => {
    files.push(file);
    put(file, bytes);
  };
  postings.writeBuckets(buckets, (bucket, bytes) => putFile(`${name}/b/${bucket}.bin`, bytes));
  for (let start = 0, pack = 0; start < articles.length; start += PACK_DOCS, pack++) {
    const members = articles.slice(start, start + PACK_DOCS);
    putFile(`${name}/${PACK_FOLDERS['zh-Hans']}/${pack}.bin`, simplifiedPack(members));
    putFile(`${name}/${PACK_FOLDERS['zh-Hant']}/${pack}.bin`, traditionalPack(members, toHant));
  }
  return {
    header: { name, docs: articles.length, buckets, pack: PACK_DOCS },
    grams: postings.size,
    postings: postings.postings,
    arenaBytes: postings.arenaBytes,
    files,
  };
}
