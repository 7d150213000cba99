/**
 * The search step: Pagefind indexes the articles, in shards by meeting date (search-shards.ts).
 * Pagefind's extended binary (shipped in the npm package) segments Chinese.
 *
 * One index serves both editions. Segmenting Chinese is nearly all of Pagefind's time (about
 * 10 of the 14 ms an article costs) and the two editions hold the same text in two scripts, so
 * only the Simplified text is indexed: the Traditional edition's search page converts the query
 * to Simplified before searching (as it always did for a query typed in the other script), links
 * each result to the Traditional page, and shows the title as the build converted it (the
 * `title_hant` meta below) and the excerpt through the archive's own character table
 * (search-script-map.ts). That halves the search step of every build.
 *
 * Pagefind is fed search records made from the archive's data rather than the written pages:
 * a record holds exactly what an article page offers Pagefind (its `data-pagefind-body`: the
 * title, deck and body, with the same data-pagefind-* marks), so nothing else of the site is
 * read or parsed, and a shard can be filed in the build cache under a hash of its records. An
 * unchanged shard comes from the cache (or is left in place); indexing costs about 14 ms per
 * article page, so this is what makes a rebuild after adding one capture cheap.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { inEdition } from './editions.ts';
import { html, raw } from './html.ts';
import { dayLabel } from './dates.ts';
import { interfaceText } from './interface-text.ts';
import type { Archive, Article } from './archive.ts';
import { searchShards, type SearchShard } from './search-shards.ts';
import { codeVersion, sha256, type BuildCache } from './build-cache.ts';
import { derivingCode } from './rendered-article.ts';

export interface SearchRecord {
  /** Root-relative URL of the Simplified article page, as Pagefind reports it in results. */
  url: string;
  /** The article page as Pagefind sees it. */
  html: string;
}

export interface SearchIndexResult {
  pageCount: number;
  shardCount: number;
  /** Shards indexed by this build; the others came from the cache. */
  indexedShards: number;
  outputPath: string;
  seconds: number;
}

/** The files of a Pagefind bundle a shard needs; its UI scripts and styles are not used. */
const SHARD_FILES = /^(pagefind-entry\.json|pagefind\..+\.pf_meta|index|fragment|filter)$/;
/** The search runtime, kept once, in the first shard. */
const RUNTIME_FILES = /^(pagefind\.js|pagefind-worker\.js|wasm\..+\.pagefind)$/;

/**
 * The record of an article: what `<article data-pagefind-body>` holds on its Simplified page once
 * its data-pagefind-ignore parts are left out (templates/article.11ty.ts; keep the two in step),
 * with the Traditional title as meta for the other edition's results. Pagefind takes the title
 * from the h1, the date from its meta mark, and sub-results from the body's section headings.
 */
export function searchRecord(article: Article): SearchRecord {
  return {
    url: article.url,
    html: html`<!DOCTYPE html>
<html lang="zh-Hans">
<head><meta charset="utf-8"></head>
<body>
<article data-pagefind-body data-title-hant="${inEdition('zh-Hant', article.title)}" data-pagefind-meta="title_hant[data-title-hant]">
<h1 id="article-title" data-pagefind-meta="date:${article.date ? dayLabel(article.date) : interfaceText('zh-Hans').undated}">${article.title}</h1>
${article.subtitle ? html`<p class="subtitle">${article.subtitle}</p>\n` : ''}<div class="article-body">
${raw(article.body.html['zh-Hans'])}
</div>
</article>
</body>
</html>
`.toString(),
  };
}

/** The articles of each shard, in the archive's order. */
function articlesByShard(archive: Archive): { shard: SearchShard; articles: Article[] }[] {
  const { shardOf } = searchShards(archive.articles.map((article) => article.date));
  const shards = new Map<string, { shard: SearchShard; articles: Article[] }>();
  for (const article of archive.articles) {
    const shard = shardOf(article.date);
    const entry = shards.get(shard.url) ?? { shard, articles: [] };
    entry.articles.push(article);
    shards.set(shard.url, entry);
  }
  return [...shards.values()];
}

/**
 * What decides a shard's index besides its articles' files (identified by their hashes): the code
 * that makes the records from them (this module, the HTML, dates, the archive and its rendered
 * bodies) and Pagefind's version (in package-lock.json, which codeVersion hashes).
 */
const INDEXING_CODE = [import.meta.filename, ...['html.ts', 'dates.ts', 'archive.ts', 'interface-text.ts'].map((file) => path.join(import.meta.dirname, file)), ...derivingCode()];

/**
 * A shard's cache key: its articles' identities rather than their records, so that finding the
 * shards a build must index makes no records (each holds an article's body HTML again).
 */
function shardKey(shard: SearchShard, articles: Article[]): string {
  return sha256(shard.url, ...articles.flatMap((article) => [article.url, article.body.sourceSha256, article.title, article.subtitle ?? '', article.date ?? '']));
}

type Pagefind = typeof pagefind;

/**
 * Pagefind service `n`, a process of its own: Pagefind's Node API runs one per module instance,
 * and a service indexes one shard at a time on one core. Undefined when no other instance can be
 * made: the first service then does the same work alone.
 */
async function pagefindService(n: number): Promise<Pagefind | undefined> {
  if (n === 0) return pagefind;
  try {
    return (await import(`${import.meta.resolve('pagefind')}?service=${n}`)) as Pagefind;
  } catch {
    return undefined;
  }
}

const SERVICE_COUNT = Math.min(2, availableParallelism());

/** Indexes one shard into `folder`, keeping the index and the runtime (not Pagefind's UI files). */
async function indexShard(service: Pagefind, records: SearchRecord[], folder: string): Promise<void> {
  const { index, errors } = await service.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    // All records are sent at once rather than each after the last was indexed: Pagefind then
    // works through them while this process is busy rendering pages (its index is the same).
    const added = await Promise.all(records.map((record) => index.addHTMLFile({ url: record.url, content: record.html })));
    const failed = added.flatMap((result, position) => (result.errors.length ? [`${records[position]!.url}: ${result.errors.join('; ')}`] : []));
    if (failed.length) throw new Error(`Pagefind could not index ${failed.join(', ')}`);
    const written = await index.writeFiles({ outputPath: folder });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await index.deleteIndex();
  }
  for (const name of readdirSync(folder)) {
    if (!SHARD_FILES.test(name) && !RUNTIME_FILES.test(name)) rmSync(path.join(folder, name), { recursive: true });
  }
}

/** Names of the files under `folder` (recursively) whose top-level entry matches `files`, sorted. */
function listing(folder: string, files: RegExp): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => files.test(name.split(path.sep)[0]!))
    .sort();
}

/**
 * Puts a shard's files at `target`, unless they are there already. Pagefind names index chunks
 * and fragments by their content and pagefind-entry.json names the shard's metadata by its hash,
 * so the same entry file and the same file names mean the same shard: an unchanged shard is left
 * as the last build wrote it rather than copied again (thousands of small files per build).
 */
function placeShard(folder: string, target: string, withRuntime: boolean): void {
  const wanted = withRuntime ? new RegExp(`${SHARD_FILES.source}|${RUNTIME_FILES.source}`) : SHARD_FILES;
  const entry = (dir: string) => (existsSync(path.join(dir, 'pagefind-entry.json')) ? readFileSync(path.join(dir, 'pagefind-entry.json')) : undefined);
  const present = entry(target);
  const inPlace =
    present !== undefined &&
    present.equals(entry(folder)!) &&
    listing(target, /./).join('\n') === listing(folder, wanted).join('\n');
  if (inPlace) return;
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (wanted.test(entry.name)) linkTree(path.join(folder, entry.name), path.join(target, entry.name));
  }
}

/**
 * Puts `from` (a file or folder) at `to` as hard links: a shard is hundreds of small files, and a
 * link costs a fraction of a copy. Nothing writes into a placed shard (a changed one is removed
 * and placed anew), so the cache's files are never changed through the links. Copies where the
 * two folders are on different file systems.
 */
function linkTree(from: string, to: string): void {
  if (statSync(from).isDirectory()) {
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from)) linkTree(path.join(from, name), path.join(to, name));
    return;
  }
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Removes whatever is under <site>/pagefind/ that is not one of `shards` (months gone or split, older layouts). */
function removeOtherShards(outputPath: string, shards: SearchShard[]): void {
  const kept = new Set(shards.map((shard) => path.join(outputPath, shard.name)));
  if (!existsSync(outputPath)) return;
  for (const name of readdirSync(outputPath)) {
    if (!kept.has(path.join(outputPath, name))) rmSync(path.join(outputPath, name), { recursive: true, force: true });
  }
}

export interface SearchIndexOptions {
  /**
   * Settles when the pages are rendered. Until then one Pagefind service indexes, on the core the
   * rendering leaves free; then the others start. Each holds a few hundred MB while it writes a
   * shard (search-shards.ts), so they are not added to the memory of the rendering. Without it,
   * all start at once.
   */
  rendered?: Promise<unknown>;
}

/**
 * Writes the shards under <site>/pagefind/, each from the cache when its records are unchanged,
 * else indexed now (one at a time per service, each shard by a fresh Pagefind process). The
 * search pages load Pagefind from the first shard and merge the others, so that shard alone also
 * holds Pagefind's script and WebAssembly.
 */
export async function writeSearchIndex(siteDir: string, archive: Archive, cache: BuildCache, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const started = performance.now();
  const outputPath = path.join(siteDir, 'pagefind');
  const shards = articlesByShard(archive);
  const firstShard = shards.map(({ shard }) => shard.name).sort()[0];
  removeOtherShards(outputPath, shards.map(({ shard }) => shard));

  const area = cache.area('search', codeVersion(INDEXING_CODE));
  const scratch = path.join(siteDir, '.pagefind-scratch');
  // First the shards whose index is in the cache (or already in place); the records of those to
  // index are made when it is their turn: all at once they would hold the archive's text again.
  const recordsOf = (articles: Article[]) => articles.map(searchRecord);
  const waiting: { shard: SearchShard; articles: Article[]; key: string }[] = [];
  for (const { shard, articles } of shards) {
    const key = shardKey(shard, articles);
    const folder = area.entryFolder(key);
    if (folder) placeShard(folder, path.join(siteDir, shard.url), shard.name === firstShard);
    else waiting.push({ shard, articles, key });
  }
  const indexedShards = waiting.length;
  if (!waiting.length) return { pageCount: archive.articles.length, shardCount: shards.length, indexedShards, outputPath, seconds: (performance.now() - started) / 1000 };

  // Every service started, to be closed should a shard fail before its service closed itself.
  const services: Pagefind[] = [];
  const work = async (service: Pagefind) => {
    for (let next = waiting.shift(); next; next = waiting.shift()) {
      const { shard, articles, key } = next;
      const records = recordsOf(articles);
      const folder = await area.writeFolder(key, scratch, (empty) => indexShard(service, records, empty));
      placeShard(folder, path.join(siteDir, shard.url), shard.name === firstShard);
      // A fresh process for each shard: a Pagefind process keeps the memory of the shards it wrote
      // (about 350 MB after a few shards of 140 articles, against 230 MB for a fresh one), and
      // was slower too (eight such shards: 16.8 s in one process, 11.6 s in a process each).
      await service.close();
    }
  };
  // Another service, if shards are still waiting: a rebuild after one new capture starts one.
  const join = async (n: number) => {
    if (!waiting.length) return;
    const service = await pagefindService(n);
    if (!service) return;
    services.push(service);
    await work(service);
  };
  try {
    // A failed render fails the build; the first service then finishes alone.
    const rendered = (options.rendered ?? Promise.resolve()).catch(() => 'failed' as const);
    const later = Array.from({ length: SERVICE_COUNT - 1 }, async (_, at) => {
      if ((await rendered) !== 'failed') await join(at + 1);
    });
    await Promise.all([join(0), ...later]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    await Promise.all(services.map((service) => service.close()));
  }
  const seconds = (performance.now() - started) / 1000;
  return { pageCount: archive.articles.length, shardCount: shards.length, indexedShards, outputPath, seconds };
}
