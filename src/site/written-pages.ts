/**
 * Pages a rebuild can leave as the last build wrote them.
 *
 * Eleventy renders and writes every page on every build, about a millisecond a page, and the
 * archive has five pages per article. A page is made from its entry in pages.ts alone, by the
 * templates and the site code, for one origin and path prefix; so when the entry, the code and
 * the settings are those of the last build into the same output folder, and the file is still
 * the one that build wrote (same size and modification time), the page is left out of this
 * build. Adding one capture then writes the pages it changes: its own, its neighbours', its tags'
 * and its year's, and the small pages that list everything (home, feeds, sitemap).
 *
 * Only the long lists (articles, audit reports, tags, years) are filtered; the other pages are
 * always written. The record of what was written is kept in the build cache, one per output
 * folder, and replaced at the end of each build; a build that fails before the end leaves the
 * previous record, whose sizes and times then no longer match the files it rewrote.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { PageEntry, SitePages } from './pages.ts';
import { codeVersion, type BuildCache, type CacheArea } from '../support/cache.ts';
import { sha256, sha256OfParts } from '../support/hash.ts';

interface WrittenPage {
  /** Hash of the page's entry. */
  entry: string;
  size: number;
  mtimeMs: number;
}

/** URL → what the last build wrote there. */
type WrittenRecord = Record<string, WrittenPage>;

export interface OutputSettings {
  /** The output folder. */
  outputDir: string;
  /** The folders and files whose code renders pages: templates, src/site, the Eleventy configuration. */
  code: string[];
  origin: string;
  pathPrefix: string;
}

/** The file Eleventy writes for a page's URL. */
function pageFile(outputDir: string, url: string): string {
  return path.join(outputDir, url.endsWith('/') ? `${url}index.html` : url);
}

function entryHash(entry: PageEntry): string {
  // The interface text is the same object on every page of an edition, and follows from the
  // edition and the code, both of which are hashed anyway. So does an article's body from the
  // article file, whose hash stands in for it (hashing every body again was a tenth of a rebuild).
  const { ui, ...rest } = entry;
  return sha256(JSON.stringify(rest, function (this: Record<string, unknown>, key, value: unknown) {
    return key === 'bodyHtml' && typeof this.bodySource === 'string' ? undefined : value;
  }));
}

export class WrittenPages {
  private readonly current = new Map<string, string>();

  private constructor(
    private readonly area: CacheArea,
    private readonly key: string,
    private readonly outputDir: string,
    private readonly previous: WrittenRecord,
  ) {}

  static open(cache: BuildCache, settings: OutputSettings): WrittenPages {
    const area = cache.area('outputs', codeVersion(settings.code));
    const outputDir = path.resolve(settings.outputDir);
    // One record per output folder and settings: the same folder built for another origin or
    // path prefix holds other pages.
    const key = sha256OfParts(outputDir, settings.origin, settings.pathPrefix);
    return new WrittenPages(area, key, outputDir, area.read<WrittenRecord>(key) ?? {});
  }

  private isWritten(entry: PageEntry, hash: string): boolean {
    const written = this.previous[entry.url];
    if (!written || written.entry !== hash) return false;
    try {
      const file = statSync(pageFile(this.outputDir, entry.url));
      return file.size === written.size && file.mtimeMs === written.mtimeMs;
    } catch {
      return false;
    }
  }

  /** The pages of `entries` that are not already in the output folder as this build would write them. */
  private pending<Entry extends PageEntry>(entries: Entry[]): Entry[] {
    return entries.filter((entry) => {
      const hash = entryHash(entry);
      this.current.set(entry.url, hash);
      return !this.isWritten(entry, hash);
    });
  }

  /** The pages given, the long lists holding only the pages that are not already in the output folder. */
  toWrite<Pages extends Partial<SitePages>>(pages: Pages): Pages {
    const filtered: Partial<SitePages> = { ...pages };
    if (pages.articles) filtered.articles = this.pending(pages.articles);
    if (pages.reports) filtered.reports = this.pending(pages.reports);
    if (pages.tags) filtered.tags = this.pending(pages.tags);
    if (pages.years) filtered.years = this.pending(pages.years);
    return filtered as Pages;
  }

  /** After the build: what the output folder now holds, for the next build. */
  save(): void {
    const record: WrittenRecord = {};
    for (const [url, entry] of this.current) {
      try {
        const file = statSync(pageFile(this.outputDir, url));
        record[url] = { entry, size: file.size, mtimeMs: file.mtimeMs };
      } catch {
        // Not written (the build stopped early): written again next time.
      }
    }
    this.area.write(this.key, record);
  }
}
