/**
 * The archive index: what the site knows of each article file before rendering anything, its
 * front matter (checked against the contract, src/contract.ts), its SHA-256 and its audit report,
 * and the officials and places of the data folder. Listing pages, tags, feeds' order and the
 * sitemap are made from it alone; bodies are rendered only for the pages being written
 * (src/site/article-render.ts).
 *
 * A rebuild reads only what changed: the index of the last build into the same content folder is
 * kept in the build cache, and a file whose size and modification time are those it had then is
 * taken from it as it was (ingest writes each file anew, by renaming a temporary file over it, so
 * a changed file always has a new modification time). Everything else is read, hashed and checked.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { ContractError, loadOfficials, loadPlaces, readArticleFrontMatter, readAuditReport, type ArticleFrontMatter, type Official, type Place } from '../contract.ts';
import { codeVersion, type BuildCache } from '../support/cache.ts';
import { sha256, sha256OfParts } from '../support/hash.ts';
import { quoteName } from '../support/raw-names.ts';

/** A file as the index saw it. */
interface Seen {
  size: number;
  mtimeMs: number;
}

export interface IndexedReport extends Seen {
  /** Absolute path of content/reports/<slug>.json. */
  file: string;
  sha256: string;
}

export interface IndexedArticle extends Seen {
  /** Absolute path of the article file. */
  file: string;
  /** SHA-256 of its bytes: with the site's code, it decides the rendered body. */
  sha256: string;
  front: ArticleFrontMatter;
  /** Its audit report, when there is one that keeps the contract. */
  report?: IndexedReport;
}

export interface ArchiveIndex {
  /** By file name. */
  articles: IndexedArticle[];
  officials: Official[];
  places: Place[];
  /** `<file>: <reason>` for each article file or report left out (the build goes on without it and fails at the end). */
  problems: string[];
}

/** What the index keeps for the next build: each file as it was read, and what was wrong with it. */
interface IndexRecord {
  articles: Record<string, (Seen & { entry?: IndexedArticle; problem?: string })>;
  reports: Record<string, Seen & { sha256?: string; problem?: string }>;
}

const INDEX_CODE = [path.join(import.meta.dirname, 'archive-index.ts'), path.join(import.meta.dirname, '..', 'contract.ts')];

function seen(file: string): Seen | undefined {
  try {
    const stat = statSync(file);
    return stat.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

const same = (a: Seen | undefined, b: Seen | undefined) => Boolean(a && b && a.size === b.size && a.mtimeMs === b.mtimeMs);

/** A contract error names the file as given; messages quote names that could forge a line. */
function problemLine(error: unknown, file: string): string {
  if (!(error instanceof ContractError)) throw error;
  return `${quoteName(file)}: ${error.reason}`;
}

export function indexArchive(contentDir: string, cache: BuildCache): ArchiveIndex {
  const articlesDir = path.join(contentDir, 'articles');
  const reportsDir = path.join(contentDir, 'reports');
  if (!existsSync(articlesDir)) throw new Error(`No articles folder at ${articlesDir} (set ARCHIVE_CONTENT_DIR?)`);
  const area = cache.area('archive', codeVersion(INDEX_CODE));
  const recordKey = sha256OfParts('archive-index', path.resolve(contentDir));
  const previous = area.read<IndexRecord>(recordKey) ?? { articles: {}, reports: {} };
  const next: IndexRecord = { articles: {}, reports: {} };
  const problems: string[] = [];

  const report = (slug: string, source: string): IndexedReport | undefined => {
    const file = path.join(reportsDir, `${slug}.json`);
    const now = seen(file);
    if (!now) return undefined;
    const known = previous.reports[file];
    let entry = same(known, now) ? known! : undefined;
    if (!entry) {
      try {
        const bytes = readFileSync(file);
        readAuditReport(JSON.parse(bytes.toString('utf8')), file);
        entry = { ...now, sha256: sha256(bytes) };
      } catch (error) {
        entry = { ...now, problem: error instanceof SyntaxError ? `${quoteName(file)}: is not valid JSON` : problemLine(error, file) };
      }
    }
    next.reports[file] = entry;
    if (entry.problem) {
      problems.push(`${entry.problem} (the audit report of ${quoteName(source)}; its page is left out)`);
      return undefined;
    }
    return { file, size: entry.size, mtimeMs: entry.mtimeMs, sha256: entry.sha256! };
  };

  const articles: IndexedArticle[] = [];
  for (const name of readdirSync(articlesDir).filter((file) => file.endsWith('.md')).sort()) {
    const file = path.join(articlesDir, name);
    const now = seen(file);
    if (!now) continue;
    const known = previous.articles[name];
    let entry = same(known, now) ? known! : undefined;
    if (!entry) {
      try {
        const bytes = readFileSync(file);
        // Options given, so that gray-matter does not keep every file it parsed in its own cache.
        const front = readArticleFrontMatter(matter(bytes.toString('utf8'), {}).data, file);
        entry = { ...now, entry: { file, ...now, sha256: sha256(bytes), front } };
      } catch (error) {
        entry = { ...now, problem: problemLine(error, file) };
      }
    }
    next.articles[name] = entry;
    if (entry.problem) {
      problems.push(entry.problem);
      continue;
    }
    const indexed = entry.entry!;
    const reportEntry = report(indexed.front.slug, file);
    articles.push({ ...indexed, ...(reportEntry ? { report: reportEntry } : {}) });
  }
  area.write(recordKey, next);

  const officialsFile = path.join(contentDir, 'data', 'officials.yaml');
  const placesFile = path.join(contentDir, 'data', 'places.yaml');
  return {
    articles,
    officials: existsSync(officialsFile) ? loadOfficials(officialsFile) : [],
    places: existsSync(placesFile) ? loadPlaces(placesFile) : [],
    problems,
  };
}
