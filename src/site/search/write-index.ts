/**
 * The search step of a site build: writes the search index under <site>/search/data/ from the
 * archive's articles, and the search page's script (one entry point, writeSearchIndex). Both
 * editions search one index. Formats: engine.js.
 *
 * A build from scratch writes one segment holding every article (segment.ts). A build into a
 * folder that holds the index of an earlier build keeps that segment as it is and writes a small
 * one of the articles that are new or changed since (as Lucene flushes new documents to a segment
 * of their own), so that adding a capture writes a few files rather than the whole index; the
 * catalog says which articles of the old segment are still alive. Once the recent articles and
 * those the old segment holds in vain are more than MERGE_SHARE of it, everything is written
 * again as one segment.
 *
 * The build cache keeps, per output folder, a hash of what each file holds with the size and
 * time it had once written (a file is written only when its bytes change, and an earlier
 * segment is kept only if all its files are as written), and what the segments hold.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { codeVersion, type BuildCache } from '../../support/cache.ts';
import { sha256, sha256OfParts } from '../../support/hash.ts';
import { toTraditional } from '../editions.ts';
import type { SegmentHeader } from './engine.js';
import { catalogFile, catalogTags, type ArticlePlace, type SearchableArticle } from './index-files.ts';
import { PAGE_SCRIPT_SOURCES, PAGE_SCRIPT_URL, pageScript } from './page-script.ts';
import { segmentName, writeSegment } from './segment.ts';

export type { SearchableArticle } from './index-files.ts';

/** Where the index lives in the site, root-relative. */
export const SEARCH_INDEX_URL = '/search/data/';

/** The index is written again as one segment when recent and dead articles are more than this share of the old segment… */
export const MERGE_SHARE = 1 / 16;
/** …and more than this many. */
export const MERGE_MIN = 32;

export interface SearchIndexResult {
  articles: number;
  /** The segments, oldest first. */
  segments: SegmentHeader[];
  /** Articles indexed by this build (the others are in a segment kept as it was). */
  indexed: number;
  grams: number;
  postings: number;
  /** Files written by this build (the others were left as they were). */
  written: number;
  /** Files of the index in all (the page script included). */
  files: number;
  /** Files of an earlier index removed. */
  removed: number;
  /** Bytes of the index in all. */
  bytes: number;
  /** Bytes the postings took in memory. */
  arenaBytes: number;
  seconds: number;
  /** CPU time of this process over the step (user and system), in seconds. */
  cpuSeconds: number;
}

export interface SearchIndexOptions {
  /** The site's output folder. */
  siteDir: string;
  cache: BuildCache;
  /** Traditional character → its Simplified counterparts (Archive.scriptMap.hansCounterparts). */
  variants: Record<string, string>;
}

/** What decides the index's files besides the articles: this code, the engine's, the conversion to Traditional. */
const INDEX_CODE = ['write-index.ts', 'segment.ts', 'grams.ts', 'index-files.ts', 'engine.js']
  .map((file) => path.join(import.meta.dirname, file))
  .concat(path.resolve(import.meta.dirname, '..', 'editions.ts'));

/** file (relative to the site folder) → [what decides its content, size, mtime] once written. */
type FileRecord = Record<string, [string, number, number]>;

/** A segment as the build cache remembers it. */
interface KnownSegment {
  header: SegmentHeader;
  /** How many documents each of its result packs holds. */
  packs: number[];
  /** The sourceSha256 of its documents, in their order. */
  articles: string[];
  files: string[];
}

interface Manifest {
  segments: KnownSegment[];
}

class IndexOutput {
  private readonly next: FileRecord = {};
  written = 0;
  files = 0;
  bytes = 0;

  constructor(
    readonly siteDir: string,
    /** The folder (relative to siteDir) of which every file not put or kept is removed. */
    readonly managed: string,
    private readonly record: FileRecord,
  ) {}

  /** The size of `file` if it is in place as `key` describes it. */
  private sizeInPlace(file: string, key: string): number | undefined {
    const known = this.record[file];
    if (!known || known[0] !== key) return undefined;
    try {
      const stat = statSync(path.join(this.siteDir, file));
      return stat.size === known[1] && stat.mtimeMs === known[2] ? stat.size : undefined;
    } catch {
      return undefined;
    }
  }

  private keepInPlace(file: string, size: number): void {
    this.next[file] = this.record[file]!;
    this.files += 1;
    this.bytes += size;
  }

  /** Whether every one of `files` is in place as written under `key`. */
  allInPlace(files: readonly string[], key: string): boolean {
    return files.every((file) => this.sizeInPlace(file, key) !== undefined);
  }

  /** Keeps `files`, all in place (allInPlace), as they are. */
  keep(files: readonly string[], key: string): void {
    for (const file of files) this.keepInPlace(file, this.sizeInPlace(file, key)!);
  }

  /** Writes `file` unless it is in place as `key` describes it; `content` is made only when it must be written. */
  put(file: string, key: string, content: () => Uint8Array): void {
    const size = this.sizeInPlace(file, key);
    if (size !== undefined) return this.keepInPlace(file, size);
    const target = path.join(this.siteDir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content());
    const stat = statSync(target);
    this.next[file] = [key, stat.size, stat.mtimeMs];
    this.written += 1;
    this.files += 1;
    this.bytes += stat.size;
  }

  /** Removes every file of the managed folder this build did not put or keep; returns how many, and the new record. */
  removeOthers(): { removed: number; record: FileRecord } {
    let removed = 0;
    const walk = (folder: string) => {
      if (!existsSync(folder)) return;
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
          walk(full);
          if (!readdirSync(full).length) rmSync(full, { recursive: true, force: true });
        } else if (!this.next[path.relative(this.siteDir, full).split(path.sep).join('/')]) {
          rmSync(full, { force: true });
          removed += 1;
        }
      }
    };
    walk(path.join(this.siteDir, this.managed));
    return { removed, record: this.next };
  }
}

/**
 * Writes the search index of `articles` (the archive's, in its order: by meeting date, the
 * undated ones last) under <siteDir>/search/data/, and the search page's script.
 */
export function writeSearchIndex(articles: readonly SearchableArticle[], options: SearchIndexOptions): SearchIndexResult {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const siteDir = path.resolve(options.siteDir);
  const indexFolder = SEARCH_INDEX_URL.split('/').filter(Boolean).join('/');
  const version = codeVersion(INDEX_CODE);
  const area = options.cache.area('search', version);
  const recordKey = sha256OfParts('search-index-files', siteDir);
  const manifestKey = sha256OfParts('search-index-segments', siteDir);
  const output = new IndexOutput(siteDir, indexFolder, area.read<FileRecord>(recordKey) ?? {});
  const known = area.read<Manifest>(manifestKey)?.segments ?? [];
  const inIndex = (file: string) => `${indexFolder}/${file}`;

  // The segment of an earlier build this one can keep, and the articles it cannot serve.
  let base = known[0] && output.allInPlace(known[0].files.map(inIndex), known[0].header.name) ? known[0] : undefined;
  const places: ArticlePlace[] = [];
  let recent: SearchableArticle[] = [];
  if (base) {
    const localOf = new Map(base.articles.map((sha, local) => [sha, local]));
    for (const article of articles) {
      const local = localOf.get(article.body.sourceSha256);
      if (local === undefined) {
        places.push({ segment: 1, local: recent.length });
        recent.push(article);
      } else {
        localOf.delete(article.body.sourceSha256);
        places.push({ segment: 0, local });
      }
    }
    // What is left of localOf: documents of the old segment no article is any more.
    const dead = localOf.size;
    if (recent.length + dead > Math.max(MERGE_MIN, base.header.docs * MERGE_SHARE)) base = undefined;
  }

  const segments: KnownSegment[] = [];
  let grams = 0;
  let postings = 0;
  let arenaBytes = 0;
  let indexed = 0;
  const write = (name: string, members: readonly SearchableArticle[]) => {
    const segment = writeSegment(name, members, toTraditional, (file, bytes) => output.put(inIndex(file), name, () => bytes));
    grams += segment.grams;
    postings += segment.postings;
    arenaBytes = Math.max(arenaBytes, segment.arenaBytes);
    indexed += members.length;
    segments.push({ header: segment.header, packs: segment.packs, articles: members.map((article) => article.body.sourceSha256), files: segment.files });
  };
  if (!base) {
    // Everything again, as one segment.
    places.length = 0;
    recent = [];
    articles.forEach((_, local) => places.push({ segment: 0, local }));
    write(segmentName(version, articles), articles);
  } else {
    output.keep(base.files.map(inIndex), base.header.name);
    segments.push(base);
    if (recent.length) {
      const name = segmentName(version, recent);
      const before = known[1];
      if (before?.header.name === name && output.allInPlace(before.files.map(inIndex), name)) {
        output.keep(before.files.map(inIndex), name);
        segments.push(before);
      } else {
        write(name, recent);
      }
    }
  }

  const headers = segments.map((segment) => segment.header);
  const catalog = catalogFile({ articles, places, segments, tags: catalogTags(articles, toTraditional), variants: options.variants });
  output.put(inIndex('catalog.bin'), sha256(Buffer.from(catalog.buffer, catalog.byteOffset, catalog.byteLength)), () => catalog);
  output.put(PAGE_SCRIPT_URL.slice(1), codeVersion(PAGE_SCRIPT_SOURCES), pageScript);
  const { removed, record } = output.removeOthers();
  area.write(recordKey, record);
  area.write(manifestKey, { segments } satisfies Manifest);
  const used = process.cpuUsage(cpu);
  return {
    articles: articles.length,
    segments: headers,
    indexed,
    grams,
    postings,
    written: output.written,
    files: output.files,
    removed,
    bytes: output.bytes,
    arenaBytes,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
}
