import { type Dirent, existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addedDay, archiveToday, writtenAddedDay } from './added.ts';
import { type ArticleDraft, renderArticle, renderReport } from './article.ts';
import { DraftCache } from './cache.ts';
import { loadArchiveData } from './data.ts';
import { addUnique } from './fields.ts';
import type { CaptureJob } from './job.ts';
import { ingestAll } from './parallel.ts';
import { slugFromTitle } from './slug.ts';
import { MAX_PUBLISHED_NAME_BYTES, publishedRawName, quoteName } from '../support/raw-names.ts';
import { type Manifest, ownership, readManifest, removeIfOurs, renderManifest } from './manifest.ts';
import { fileSystemReason, removeLeftoverTemporaries, writeAllAtomic, writeAtomic } from '../support/atomic-write.ts';
import { sha256 } from '../support/hash.ts';

/** What decides a draft besides the capture and the data files: ingest's code and the support modules it uses. */
const INGEST_CODE = [fileURLToPath(new URL('.', import.meta.url)), fileURLToPath(new URL('../support/', import.meta.url))];

export interface IngestOptions {
  input: string;
  /** Folder of the draft cache (see cache.ts); without it every capture is ingested. */
  cache?: string;
  /** Worker threads to use; default: one per core. */
  threads?: number;
  output: string;
  reports: string;
  data: string;
  /** Compare with the files on disk instead of writing. */
  check: boolean;
  /** Paths in front matter and messages are relative to this folder (the repository root). */
  root: string;
  /** The day (YYYY-MM-DD) a capture seen for the first time joins the archive; default: archiveToday(). */
  today?: string;
  /** Told after each capture ingested (not those the cache had): how many so far, of how many, and how many came from the cache. */
  onProgress?: (progress: { ingested: number; toIngest: number; fromCache: number }) => void;
}

export interface IngestOutcome {
  captures: number;
  articles: number;
  written: string[];
  unchanged: number;
  removed: string[];
  /** `<file>: <reason>`, one per capture or file that failed. */
  errors: string[];
  /** `<file>: <note>`, for what went through but deserves a look. */
  warnings: string[];
  /** With `check`: files whose content differs from what ingest would write. */
  differences: string[];
}

export const MANIFEST = '.ingest-manifest.json';
const NEAR_DUPLICATE = 0.5;

export async function runIngest(options: IngestOptions): Promise<IngestOutcome> {
  const data = loadArchiveData(options.data);
  const outcome: IngestOutcome = { captures: 0, articles: 0, written: [], unchanged: 0, removed: [], errors: [], warnings: [], differences: [] };
  const path = (absolute: string) => repoPath(options.root, absolute);

  const jobs: CaptureJob[] = captureNames(options.input, path, outcome).map((name) => {
    const absolute = join(options.input, name);
    return { absolute, shown: path(absolute) };
  });
  outcome.captures = jobs.length;
  const cache = options.cache ? openCache(options.cache, options.data, outcome.warnings) : undefined;
  const hashes = jobs.map((job) => (cache ? hashFile(job.absolute) : ''));
  const cached = jobs.map((job, index) => (cache && hashes[index] ? cache.get(hashes[index]!, job.shown) : undefined));
  const fresh = jobs.filter((_, index) => !cached[index]);
  let ingested = 0;
  const fromCache = jobs.length - fresh.length;
  const onCapture = () => options.onProgress?.({ ingested: ++ingested, toIngest: fresh.length, fromCache });
  const results = await ingestAll(fresh, data, options.data, options.threads, cache, onCapture);
  const byJob = new Map(fresh.map((job, index) => [job, results[index]!]));

  const drafts: ArticleDraft[] = [];
  jobs.forEach((job, index) => {
    const hit = cached[index];
    if (hit) {
      drafts.push(hit);
      return;
    }
    const result = byJob.get(job)!;
    if (!result.ok) {
      outcome.errors.push(result.error);
      return;
    }
    outcome.warnings.push(...result.warnings);
    drafts.push(result.draft);
  });

  const articles = mergeDuplicates(drafts, outcome.warnings);
  outcome.articles = articles.length;
  const manifestPath = join(options.output, MANIFEST);
  const folders = new OutputFolders(options.output, options.reports);
  // What a run killed or stopped by a full disk left behind.
  if (!options.check) for (const folder of [options.output, options.reports]) removeLeftoverTemporaries(folder);
  const manifest = readManifest(manifestPath);
  const slugs = assignSlugs(articles, manifest);

  // Keyed as the manifest keys them: relative to the articles folder (see OutputFolders).
  const outputs = new Map<string, { absolute: string; shown: string; content: string }>();
  const next: Manifest = { files: {}, slugs: {}, added: {} };
  const today = options.today ?? archiveToday();
  articles.forEach((article, index) => {
    const slug = slugs[index]!;
    const articleAbsolute = join(options.output, `${article.meta.date ?? 'undated'}-${slug}.md`);
    const added = addedDay(article.captures, manifest, next, today, () => writtenAddedDay(articleAbsolute));
    const reportAbsolute = join(options.reports, `${slug}.json`);
    const articlePath = path(articleAbsolute);
    const reportPath = path(reportAbsolute);
    outputs.set(folders.key(articleAbsolute), { absolute: articleAbsolute, shown: articlePath, content: renderArticle(article, slug, reportPath, added) });
    outputs.set(folders.key(reportAbsolute), { absolute: reportAbsolute, shown: reportPath, content: renderReport(article, slug, articlePath) });
    for (const capture of article.captures) next.slugs[capture.rawSha256] = slug;
  });

  const pending: { absolute: string; content: string }[] = [];
  for (const [key, { absolute, shown, content }] of outputs) {
    const state = ownership(key, absolute, content, manifest);
    next.files[key] = sha256(content);
    if (state === 'same') {
      outcome.unchanged++;
      continue;
    }
    if (options.check) {
      outcome.differences.push(`${shown}: ${state === 'absent' ? 'missing' : 'differs from what ingest writes now'}`);
      continue;
    }
    if (state === 'foreign') {
      outcome.errors.push(`${shown}: not written: a file is there that ingest did not write or that was edited by hand; move it away and run ingest again`);
      delete next.files[key];
      continue;
    }
    pending.push({ absolute, content });
    outcome.written.push(shown);
  }
  // Thousands of small files: the syscalls, not the bytes, cost; the thread pool runs them in parallel.
  const unwritten = new Set<string>();
  for (const { absolute, error } of await writeAllAtomic(pending)) {
    const key = folders.key(absolute);
    const shown = outputs.get(key)!.shown;
    outcome.errors.push(`${shown}: not written: ${fileSystemReason(error)}`);
    unwritten.add(shown);
    // What is there is what was there before: ingest's own only if the manifest said so.
    if (manifest.files[key]) next.files[key] = manifest.files[key]!;
    else delete next.files[key];
  }
  if (unwritten.size) outcome.written = outcome.written.filter((file) => !unwritten.has(file));

  // Articles of captures that are gone (or renamed) — only those ingest wrote and nobody edited,
  // and only inside the folders this run was given: a manifest copied or moved with its folder, or
  // written by another version, never reaches outside them.
  for (const key of Object.keys(manifest.files).sort()) {
    if (outputs.has(key)) continue;
    const absolute = folders.resolve(key);
    if (!absolute || !existsSync(absolute)) continue;
    const shown = path(absolute);
    if (options.check) {
      outcome.differences.push(`${shown}: would be removed (no capture produces it any more)`);
      continue;
    }
    let removed;
    try {
      removed = removeIfOurs(key, absolute, manifest);
    } catch (error) {
      outcome.errors.push(`${shown}: not removed: ${fileSystemReason(error)}`);
      next.files[key] = manifest.files[key]!;
      continue;
    }
    if (removed === 'removed') outcome.removed.push(shown);
    else if (removed === 'edited') {
      outcome.warnings.push(`${shown}: no capture produces it any more, but it was edited by hand; left in place`);
      next.files[key] = manifest.files[key]!;
    }
  }

  const manifestContent = renderManifest(next);
  if (safeRead(manifestPath) !== manifestContent) {
    if (options.check) outcome.differences.push(`${path(manifestPath)}: differs from what ingest writes now`);
    else {
      try {
        writeAtomic(manifestPath, manifestContent);
      } catch (error) {
        outcome.errors.push(`${path(manifestPath)}: not written: ${fileSystemReason(error)}`);
      }
    }
  }
  return outcome;
}

/** The draft cache, or none (said once) when its folder cannot be made: a cache only saves time. */
function openCache(folder: string, dataDir: string, warnings: string[]): DraftCache | undefined {
  try {
    return DraftCache.open(folder, [...INGEST_CODE, dataDir]);
  } catch (error) {
    warnings.push(`${folder}: draft cache not used: ${fileSystemReason(error)}`);
    return undefined;
  }
}

/**
 * The two folders a run writes to. The manifest names its files relative to the articles folder
 * (the folder it lives in), so that it stays true when the folder is copied or moved and whatever
 * folder ingest is run from; a name that resolves outside both folders is never written or removed.
 */
class OutputFolders {
  private readonly roots: string[];

  constructor(
    private readonly articles: string,
    reports: string,
  ) {
    this.roots = [resolve(articles), resolve(reports)];
  }

  key(absolute: string): string {
    return relative(this.articles, absolute).split(sep).join('/');
  }

  /** The file a manifest key names, if it lies inside one of the folders. */
  resolve(key: string): string | undefined {
    const absolute = resolve(this.articles, key);
    return this.roots.some((root) => isInside(absolute, root)) ? absolute : undefined;
  }
}

export function isInside(path: string, folder: string): boolean {
  const rest = relative(folder, path);
  return rest !== '' && !rest.startsWith(`..${sep}`) && rest !== '..' && !isAbsolute(rest);
}

/**
 * The captures of the input folder, in a stable order: its regular files. Everything else there
 * is said in one line and not read: a symbolic link (the archive keeps the evidence itself, not a
 * pointer that can change or lead out of the folder), a sub-folder, a FIFO or device; a hidden
 * file (.gitkeep) is not a capture and is only noted. A capture whose name is too long to be
 * published as it is, is published under a shorter one, and said so.
 */
function captureNames(input: string, path: (absolute: string) => string, outcome: IngestOutcome): string[] {
  let entries;
  try {
    entries = readdirSync(input, { withFileTypes: true });
  } catch (error) {
    throw new Error(`${quoteName(path(input))}: not read: ${fileSystemReason(error)}`);
  }
  const names: string[] = [];
  for (const entry of entries.sort((a, b) => compare(a.name, b.name))) {
    const shown = quoteName(path(join(input, entry.name)));
    if (entry.name.startsWith('.')) outcome.warnings.push(`${shown}: hidden file, not read as a capture`);
    else if (entry.isSymbolicLink()) outcome.errors.push(`${shown}: symbolic link, not read: put the capture itself in the folder`);
    else if (entry.isDirectory()) outcome.errors.push(`${shown}: sub-folder, not read: captures go directly in ${quoteName(path(input))}`);
    else if (!entry.isFile()) outcome.errors.push(`${shown}: not a regular file (${kind(entry)}), not read`);
    else {
      if (Buffer.byteLength(entry.name, 'utf8') > MAX_PUBLISHED_NAME_BYTES) {
        outcome.warnings.push(`${shown}: file name of ${Buffer.byteLength(entry.name, 'utf8')} bytes, longer than a published name may be (${MAX_PUBLISHED_NAME_BYTES}); the site publishes the capture as ${quoteName(publishedRawName(entry.name))}`);
      }
      names.push(entry.name);
    }
  }
  return names;
}

function kind(entry: Dirent): string {
  if (entry.isFIFO()) return 'a FIFO';
  if (entry.isSocket()) return 'a socket';
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return 'a device';
  return 'unknown kind';
}

/**
 * The same article captured twice (byte for byte, or the same text from two sites) becomes one
 * article that lists every capture. Articles that share most of their sentences but not all are
 * kept apart and reported, for an archivist to judge.
 */
export function mergeDuplicates(drafts: ArticleDraft[], warnings: string[]): ArticleDraft[] {
  const byText = new Map<string, ArticleDraft>();
  for (const draft of drafts) {
    const kept = byText.get(draft.textKey);
    if (!kept) {
      byText.set(draft.textKey, { ...draft, meta: { ...draft.meta }, fidelity: [...draft.fidelity], captures: [...draft.captures] });
      continue;
    }
    kept.captures.push(...draft.captures);
    const meta = kept.meta;
    for (const key of ['originalTitle', 'subtitle', 'retrieved', 'publisher', 'site', 'sourceUrl', 'dateline'] as const) meta[key] ??= draft.meta[key];
    for (const key of ['people', 'places', 'meetingType', 'authors', 'photographers', 'editors'] as const) {
      meta[key] = [...meta[key]];
      addUnique(meta[key], draft.meta[key]);
    }
    const capture = draft.captures[0]!;
    kept.fidelity.push(`同一篇文章的另一份采集 ${capture.raw}${capture.site ? `（${capture.site}）` : ''} 文字相同，已合并为一篇，两份采集都列在来源中。`);
  }
  const articles = [...byText.values()];

  const index = new Map<string, number[]>();
  articles.forEach((article, at) => {
    for (const sentence of new Set(article.sentences)) {
      // Pushed in place: a sentence most articles share (boilerplate) would otherwise be copied once per holder.
      const holders = index.get(sentence);
      if (holders) holders.push(at);
      else index.set(sentence, [at]);
    }
  });
  const shared = new Map<string, number>();
  for (const holders of index.values()) {
    if (holders.length < 2 || holders.length > 50) continue;
    for (let i = 0; i < holders.length; i++) {
      for (let j = i + 1; j < holders.length; j++) {
        const key = `${holders[i]}:${holders[j]}`;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  for (const [key, count] of [...shared].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [i, j] = key.split(':').map(Number) as [number, number];
    const a = articles[i]!;
    const b = articles[j]!;
    const ratio = count / Math.min(new Set(a.sentences).size, new Set(b.sentences).size);
    if (ratio >= NEAR_DUPLICATE) {
      warnings.push(`${quoteName(a.captures[0]!.raw)}: near-duplicate of ${quoteName(b.captures[0]!.raw)} (${Math.round(ratio * 100)}% of sentences shared); kept as two articles`);
    }
  }
  return articles.sort((x, y) => compare(x.meta.date ?? '', y.meta.date ?? '') || compare(x.captures[0]!.raw, y.captures[0]!.raw));
}

/**
 * Slugs from titles, unique across the archive. An article keeps the slug it was given before
 * (the manifest remembers it by capture), so that its URL does not move; a new article whose slug
 * is taken gets its capture's hash appended.
 */
function assignSlugs(articles: ArticleDraft[], manifest: Manifest): string[] {
  const taken = new Set<string>();
  const slugs: (string | undefined)[] = articles.map(() => undefined);
  articles.forEach((article, index) => {
    const remembered = article.captures.map((capture) => manifest.slugs[capture.rawSha256]).find(Boolean);
    if (remembered && /^[a-z0-9-]+$/.test(remembered) && !taken.has(remembered)) {
      slugs[index] = remembered;
      taken.add(remembered);
    }
  });
  articles.forEach((article, index) => {
    if (slugs[index]) return;
    let slug = article.titleSlug ?? slugFromTitle(article.meta.title ?? '');
    if (taken.has(slug)) slug = `${slug}-${article.captures[0]!.rawSha256.slice(0, 8)}`;
    for (let n = 2; taken.has(slug); n++) slug = `${slug.replace(/-\d+$/, '')}-${n}`;
    slugs[index] = slug;
    taken.add(slug);
  });
  return slugs as string[];
}

function repoPath(root: string, absolute: string): string {
  const path = relative(root, resolve(absolute));
  return (path.startsWith('..') ? resolve(absolute) : path).split(sep).join('/');
}

function hashFile(path: string): string {
  try {
    return sha256(readFileSync(path));
  } catch {
    return '';
  }
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

