/**
 * The planning step of `npm run site` (src/site/build.ts), run as a process of its own: it holds
 * the whole archive while it plans, and a process returns its memory when it ends, so none of
 * that is still held while the Eleventy runs render the parts.
 *
 * Writes the plan (src/site/plan.ts) to the file ARCHIVE_PLAN names and sends build.ts, over the
 * IPC channel it is started with, what the build needs of it afterwards (PlanMessage).
 * Arguments: --output=DIR --pathprefix=/p/. Environment: that of build.ts (ARCHIVE_CONTENT_DIR,
 * ARCHIVE_SITE_URL, ARCHIVE_CACHE, ARCHIVE_PART_PAGES).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BuildCache } from '../support/cache.ts';
import { DEFAULT_PAGES_PER_PART } from './parts.ts';
import { planSite, type PlannedPart } from './plan.ts';
import { readSiteSettings } from './settings.ts';

export interface PlanMessage {
  /** What each part is, in order (the pages of each are in the plan file). */
  parts: Pick<PlannedPart, 'rendersBodies' | 'final'>[];
  /** Pages and files of the site in all, and of them to write now. */
  pages: number;
  toWrite: number;
  /** `<file>: <reason>` for each article file, report or capture left out. */
  problems: string[];
  /** Each page's URL and key (WrittenFiles.notes), kept once the parts have been written. */
  notes: [string, string][];
}

function pagesPerPart(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PAGES_PER_PART;
  const pages = Number(value);
  if (!Number.isInteger(pages) || pages < 1) throw new Error(`ARCHIVE_PART_PAGES must be a positive whole number, got ${value}`);
  return pages;
}

try {
  const { values } = parseArgs({ options: { output: { type: 'string' }, pathprefix: { type: 'string' } }, strict: true });
  const planFile = process.env.ARCHIVE_PLAN;
  if (!planFile || !values.output || values.pathprefix === undefined || !process.env.ARCHIVE_CACHE || !process.send) {
    throw new Error('plan-step.ts is started by src/site/build.ts, with ARCHIVE_PLAN, ARCHIVE_CACHE, --output and --pathprefix');
  }
  const settings = readSiteSettings();
  const planned = planSite({
    contentDir: settings.contentDir,
    outputDir: path.resolve(values.output),
    cache: new BuildCache(process.env.ARCHIVE_CACHE),
    origin: settings.origin,
    pathPrefix: values.pathprefix,
    pagesPerPart: pagesPerPart(process.env.ARCHIVE_PART_PAGES),
  });
  writeFileSync(planFile, JSON.stringify(planned.plan));
  const message: PlanMessage = {
    parts: planned.plan.parts.map(({ rendersBodies, final }) => ({ rendersBodies, final })),
    pages: planned.pages,
    toWrite: planned.toWrite,
    problems: planned.problems,
    notes: planned.written.notes(),
  };
  process.send(message, () => process.disconnect());
} catch (error) {
  process.stderr.write(`site: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
