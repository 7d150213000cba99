/**
 * The search step: Pagefind indexes the article pages of both editions, one shard per edition
 * and month (search-shards.ts). Pagefind's extended binary (shipped in the npm package) segments
 * Chinese, and each edition's `lang` gives it its own index, so a page only ever searches its
 * own edition.
 *
 * Pagefind is fed search records made from the archive's data rather than the written pages:
 * a record holds exactly what an article page offers Pagefind (its `data-pagefind-body`: the
 * title, deck and body, with the same data-pagefind-* marks), so nothing else of the site is
 * read or parsed, and a shard can be filed in the build cache under a hash of its records. An
 * unchanged month comes from the cache (or is left in place); indexing costs about 14 ms per
 * article page, so this is what makes a rebuild after adding one capture cheap.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { EDITIONS, editionUrl, inEdition, type Edition } from './editions.ts';
import { html, raw } from './html.ts';
import { dayLabel } from './dates.ts';
import type { Archive, Article } from './archive.ts';
import { searchShard, type SearchShard } from './search-shards.ts';
import { codeVersion, sha256, type BuildCache } from './build-cache.ts';

export interface SearchRecord {
  shard: SearchShard;
  /** Root-relative URL of the article page, as Pagefind reports it in results. */
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
/** The search runtime, kept once, in the first shard of each edition. */
const RUNTIME_FILES = /^(pagefind\.js|pagefind-worker\.js|wasm\..+\.pagefind)$/;

/**
 * The record of an article page: what `<article data-pagefind-body>` holds on the page once its
 * data-pagefind-ignore parts are left out (templates/article.11ty.ts; keep the two in step).
 * Pagefind takes the title from the h1, the date from its meta mark, and sub-results from the
 * body's section headings.
 */
export function searchRecord(edition: Edition, article: Article): SearchRecord {
  const title = inEdition(edition, article.title);
  const subtitle = article.subtitle && inEdition(edition, article.subtitle);
  return {
    shard: searchShard(edition, article.date),
    url: editionUrl(edition, article.url),
    html: html`<!DOCTYPE html>
<html lang="${edition}">
<head><meta charset="utf-8"></head>
<body>
<article data-pagefind-body>
<h1 id="article-title" data-pagefind-meta="date:${dayLabel(article.date)}">${title}</h1>
${subtitle ? html`<p class="subtitle">${subtitle}</p>\n` : ''}<div class="article-body">
${raw(article.body.html[edition])}
</div>
</article>
</body>
</html>
`.toString(),
  };
}

/** The articles of each shard, both editions, in the archive's order. */
function articlesByShard(archive: Archive): { shard: SearchShard; articles: Article[] }[] {
  const shards = new Map<string, { shard: SearchShard; articles: Article[] }>();
  for (const edition of EDITIONS) {
    for (const article of archive.articles) {
      const shard = searchShard(edition, article.date);
      const entry = shards.get(shard.url) ?? { shard, articles: [] };
      entry.articles.push(article);
      shards.set(shard.url, entry);
    }
  }
  return [...shards.values()];
}

/** This module's code and Pagefind's version (in package-lock.json) decide what an index of the same records holds. */
const INDEXING_CODE = [import.meta.filename];

/** Indexes one shard into `folder`, keeping the index and the runtime (not Pagefind's UI files). */
async function indexShard(records: SearchRecord[], folder: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
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
 * so the same entry file and the same file names mean the same shard: an unchanged month is left
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
    if (!wanted.test(entry.name)) continue;
    if (entry.isDirectory()) cpSync(path.join(folder, entry.name), path.join(target, entry.name), { recursive: true });
    else copyFileSync(path.join(folder, entry.name), path.join(target, entry.name));
  }
}

/** Removes whatever is under <site>/pagefind/ that is not one of `shards` (months gone, older layouts). */
function removeOtherShards(outputPath: string, shards: SearchShard[]): void {
  const kept = new Set(shards.map((shard) => path.join(outputPath, ...shard.url.split('/').slice(2).filter(Boolean))));
  const editions = new Set([...kept].map((folder) => path.dirname(folder)));
  if (!existsSync(outputPath)) return;
  for (const name of readdirSync(outputPath)) {
    const edition = path.join(outputPath, name);
    if (!editions.has(edition)) {
      rmSync(edition, { recursive: true, force: true });
      continue;
    }
    for (const month of readdirSync(edition)) {
      if (!kept.has(path.join(edition, month))) rmSync(path.join(edition, month), { recursive: true, force: true });
    }
  }
}

/**
 * Writes the shards of both editions under <site>/pagefind/, each from the cache when its
 * records are unchanged, else indexed now (one at a time: each holds its own Pagefind index in
 * memory only while it is written). The search page loads Pagefind from the first shard of its
 * edition and merges the others, so that shard alone also holds Pagefind's script and WebAssembly.
 */
export async function writeSearchIndex(siteDir: string, archive: Archive, cache: BuildCache): Promise<SearchIndexResult> {
  const started = performance.now();
  const outputPath = path.join(siteDir, 'pagefind');
  const shards = articlesByShard(archive);
  const firstMonth = new Map<Edition, string>();
  for (const { shard } of shards) {
    const month = firstMonth.get(shard.edition);
    if (!month || shard.month < month) firstMonth.set(shard.edition, shard.month);
  }
  removeOtherShards(outputPath, shards.map(({ shard }) => shard));

  const area = cache.area('search', codeVersion(INDEXING_CODE));
  const scratch = path.join(siteDir, '.pagefind-scratch');
  let indexedShards = 0;
  try {
    for (const { shard, articles } of shards) {
      // Records are made one shard at a time: together they would hold the archive's text twice over.
      const records = articles.map((article) => searchRecord(shard.edition, article));
      const key = sha256(shard.url, ...records.flatMap((record) => [record.url, record.html]));
      let folder = area.entryFolder(key);
      if (!folder) {
        folder = await area.writeFolder(key, scratch, (empty) => indexShard(records, empty));
        indexedShards += 1;
      }
      placeShard(folder, path.join(siteDir, shard.url), firstMonth.get(shard.edition) === shard.month);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    await pagefind.close();
  }
  const seconds = (performance.now() - started) / 1000;
  return { pageCount: archive.articles.length * EDITIONS.length, shardCount: shards.length, indexedShards, outputPath, seconds };
}
