/**
 * One Eleventy run of the site (.eleventy.ts): the pages it writes, and what it does after them.
 *
 * - A part of a build: `npm run build` (src/site/build.ts) plans the site and starts one Eleventy
 *   run per part of the plan, each told its part in its environment: ARCHIVE_PLAN, the file of
 *   the plan, and ARCHIVE_PART, the part's number (1 for the first). The run makes the archive
 *   from the plan and writes that part's pages.
 * - The whole site: Eleventy run on its own (`npx @11ty/eleventy`) plans the site itself before
 *   each build and writes every page that changed in this one run, then does what the final part
 *   does and keeps the record of what it wrote.
 *
 * The final part (or the whole run) then publishes the raw captures and the icons and writes the search index.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BuildCache } from '../support/cache.ts';
import type { Archive } from './archive.ts';
import { ArticleRenderer } from './article-render.ts';
import type { ArchiveData } from './page-template.ts';
import { ArchiveSources, archiveOfPlan, pagesOfPart, planSite, type PlannedBuild, type PlannedPart, type SitePlan } from './plan.ts';
import { publishRawCaptures } from './raw-copies.ts';
import { publishIcons } from './icon-files.ts';
import { writeSearchIndex, type SearchableArticle, type SearchIndexResult } from './search/write-index.ts';
import { searchSummary } from './search/summary.ts';
import { ScriptTallySum } from './search-script-map.ts';
import { noPages } from './pages.ts';

/** What a run tells whoever started it (src/site/build.ts), over Node's IPC channel when it has one. */
export type RunMessage = { pages: number } | { problems: string[] } | { search: SearchIndexResult };

export interface RunOptions {
  contentDir: string;
  cache: BuildCache;
  origin: string | undefined;
}

/** The part of a build this process is told to write (ARCHIVE_PLAN and ARCHIVE_PART), if any. */
export function partFromEnvironment(env: Record<string, string | undefined>): { planFile: string; part: number } | undefined {
  if (!env.ARCHIVE_PLAN) return undefined;
  const part = Number(env.ARCHIVE_PART);
  if (!Number.isInteger(part) || part < 1) throw new Error(`ARCHIVE_PART must be the number of a part of the plan (1, 2, …), got ${env.ARCHIVE_PART ?? 'nothing'}`);
  return { planFile: env.ARCHIVE_PLAN, part };
}

export class SiteRun {
  private archive: Archive | undefined;
  private part: PlannedPart | undefined;
  private planned: PlannedBuild | undefined;
  private outputDir = '';
  private pagesWritten = 0;
  private lastReport = 0;

  constructor(
    private readonly options: RunOptions,
    private readonly told: { planFile: string; part: number } | undefined,
  ) {}

  /** Before Eleventy builds: the archive and the part this run writes. */
  start(outputDir: string, pathPrefix: string): void {
    this.outputDir = path.resolve(outputDir);
    this.pagesWritten = 0;
    if (this.told) {
      const plan = JSON.parse(readFileSync(this.told.planFile, 'utf8')) as SitePlan;
      const part = plan.parts[this.told.part - 1];
      if (!part) throw new Error(`${this.told.planFile} has ${plan.parts.length} parts, not a part ${this.told.part}`);
      this.archive = archiveOfPlan(plan);
      this.part = part;
      return;
    }
    // On its own: plan here, before every build (in watch mode the content may have changed).
    this.planned = planSite({ contentDir: this.options.contentDir, outputDir: this.outputDir, cache: this.options.cache, origin: this.options.origin, pathPrefix });
    this.archive = this.planned.archive;
    this.part = { pages: this.planned.plan.parts.flatMap((part) => part.pages), rendersBodies: true, final: true };
    if (this.planned.problems.length) this.tell({ problems: this.planned.problems });
  }

  /** The `archive` global data: this run's pages. */
  data(): ArchiveData {
    if (!this.archive || !this.part) return { pages: noPages() };
    return { pages: pagesOfPart(this.archive, this.part, new ArchiveSources(this.options.cache)) };
  }

  /** Each page as Eleventy writes it (a transform): counted, for progress. */
  pageWritten(): void {
    this.pagesWritten += 1;
    const now = performance.now();
    if (now - this.lastReport > 250) {
      this.lastReport = now;
      this.tell({ pages: this.pagesWritten });
    }
  }

  /** After Eleventy wrote the pages: the final part's work, and on its own the record of what was written. */
  async finish(): Promise<void> {
    this.tell({ pages: this.pagesWritten });
    if (this.archive && this.part?.final) {
      const copies = publishRawCaptures(this.archive.rawFiles, this.outputDir);
      if (copies.problems.length) this.tell({ problems: copies.problems });
      await publishIcons(this.outputDir);
      this.tell({ search: writeArchiveSearchIndex(this.archive, this.options.cache, this.outputDir) });
    }
    this.planned?.written.save();
  }

  private tell(message: RunMessage): void {
    if (process.send) process.send(message);
    else if ('problems' in message) for (const line of message.problems) process.stderr.write(`${line}\n`);
    else if ('search' in message) process.stdout.write(`${searchSummary(message.search)}\n`);
  }
}

/**
 * What the search index is made of: every article with its texts as rendered (from the cache),
 * and the characters that differ between the editions, for converting queries.
 */
export function searchableArticles(archive: Archive, cache: BuildCache): { articles: SearchableArticle[]; variants: Record<string, string> } {
  const renderer = new ArticleRenderer(cache);
  // The script map is summed as the texts are read, so that no article keeps its tally.
  const tallies = new ScriptTallySum();
  const articles = archive.articles.map((article): SearchableArticle => {
    const { plainText, traditionalText, sourceSha256, scriptTally } = renderer.textsOf(article);
    tallies.add(scriptTally);
    return { ...article, body: { sourceSha256, plainText, traditionalText } };
  });
  return { articles, variants: tallies.map().hansCounterparts };
}

/** The search index of the archive (src/site/search/) under `siteDir`. */
export function writeArchiveSearchIndex(archive: Archive, cache: BuildCache, siteDir: string): SearchIndexResult {
  const { articles, variants } = searchableArticles(archive, cache);
  return writeSearchIndex(articles, { siteDir, cache, variants });
}
