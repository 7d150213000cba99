/**
 * The files a rebuild can leave as the last build wrote them.
 *
 * A page is made from its entry alone (src/site/plan.ts), by the templates and the site code,
 * for one origin and path prefix. Each page's key is a hash of its entry and of the files it was
 * made from beyond the archive index (an article body's file, an audit report); so when the key,
 * the code and the settings are those of the last build into the same output folder, and the
 * file is still the one that build wrote (same size and modification time), the page is the
 * same and is left out of this build. Adding one capture then writes the pages it changes: its
 * own, its neighbours', its tags', its year's, and the pages that list everything.
 *
 * The record is kept in the build cache, one per output folder and settings, and replaced at
 * the end of each build; a build that fails before the end leaves the previous record, whose
 * sizes and times then no longer match the files it rewrote, so those are written again.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { codeVersion, type BuildCache, type CacheArea } from '../support/cache.ts';
import { sha256OfParts } from '../support/hash.ts';

/** URL → [key of the page, size, mtime] once written. */
type WrittenRecord = Record<string, [string, number, number]>;

export interface OutputSettings {
  outputDir: string;
  /** The folders and files whose code renders pages. */
  code: readonly string[];
  origin: string | undefined;
  pathPrefix: string;
}

/** The file Eleventy writes for a root-relative URL. */
export function outputFile(outputDir: string, url: string): string {
  return path.join(outputDir, url.endsWith('/') ? `${url}index.html` : url);
}

export class WrittenFiles {
  private readonly current = new Map<string, string>();

  private constructor(
    private readonly area: CacheArea,
    private readonly key: string,
    private readonly outputDir: string,
    private readonly previous: WrittenRecord,
  ) {}

  static open(cache: BuildCache, settings: OutputSettings): WrittenFiles {
    const { area, key, outputDir } = recordOf(cache, settings);
    return new WrittenFiles(area, key, outputDir, area.read<WrittenRecord>(key) ?? {});
  }

  /**
   * After a build planned in another process (src/site/plan-step.ts): keeps, for the next build,
   * what the output folder now holds of the pages that plan noted (notes()).
   */
  static saveNotes(cache: BuildCache, settings: OutputSettings, notes: readonly (readonly [string, string])[]): void {
    const { area, key, outputDir } = recordOf(cache, settings);
    new WrittenFiles(area, key, outputDir, {}).saveOf(notes);
  }

  /** Each page's URL and key, as this build noted them (isCurrent). */
  notes(): [string, string][] {
    return [...this.current];
  }

  /** Whether every one of `urls` is in the output folder as a page of key `key` (and notes the key, for the record). */
  isCurrent(urls: readonly string[], key: string): boolean {
    let current = true;
    for (const url of urls) {
      this.current.set(url, key);
      const written = this.previous[url];
      if (!current || !written || written[0] !== key) {
        current = false;
        continue;
      }
      try {
        const file = statSync(outputFile(this.outputDir, url));
        current = file.size === written[1] && file.mtimeMs === written[2];
      } catch {
        current = false;
      }
    }
    return current;
  }

  /** After the build: what the output folder now holds, for the next build. */
  save(): void {
    this.saveOf(this.current);
  }

  private saveOf(notes: Iterable<readonly [string, string]>): void {
    const record: WrittenRecord = {};
    for (const [url, key] of notes) {
      try {
        const file = statSync(outputFile(this.outputDir, url));
        record[url] = [key, file.size, file.mtimeMs];
      } catch {
        // Not written (the build stopped early): written again next time.
      }
    }
    this.area.write(this.key, record);
  }
}

/** Where the record of an output folder is kept: one per folder and settings (the same folder built for another origin or path prefix holds other pages). */
function recordOf(cache: BuildCache, settings: OutputSettings): { area: CacheArea; key: string; outputDir: string } {
  const outputDir = path.resolve(settings.outputDir);
  return { area: cache.area('outputs', codeVersion(settings.code)), key: sha256OfParts(outputDir, settings.origin ?? '', settings.pathPrefix), outputDir };
}
