/**
 * `npm run site`: renders _site/ from content/articles through the Eleventy configuration
 * (.eleventy.ts), in parts. `npm run build` runs it after ingest (src/build.ts).
 *
 * The site is planned once (src/site/plan.ts: which pages there are, which changed, and in which
 * parts to write them) by a process of its own (plan-step.ts), which writes the plan to a file
 * and ends, returning the memory that held the archive; then Eleventy runs once per part,
 * each run a process of its own told its part by ARCHIVE_PLAN and ARCHIVE_PART, two at a time
 * (one per core). A process returns its memory when it ends, so no run holds more than a part of
 * the archive. Parts that render article bodies come first; the final part (the whole-archive
 * files, the raw captures and the search index) starts once they have all ended, since it reads
 * every article's text. At the end the record of what was written is kept for the next build.
 *
 * usage: npm run site -- [--output=DIR] [--pathprefix=/sub/path/] [--quiet]
 * Environment: ARCHIVE_CONTENT_DIR, ARCHIVE_SITE_URL, ARCHIVE_PATH_PREFIX, ARCHIVE_CACHE
 * (src/site/settings.ts), ARCHIVE_PART_PAGES (most pages per part, default 4,000).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BuildCache } from '../support/cache.ts';
import { count, Progress } from '../support/progress.ts';
import { PARTS_AT_ONCE, RENDERING_CODE } from './parts.ts';
import type { PlanMessage } from './plan-step.ts';
import { searchSummary } from './search/summary.ts';
import { normalisePathPrefix, readSiteSettings, siteUrlNotice } from './settings.ts';
import type { RunMessage } from './site-run.ts';
import { WrittenFiles } from './written-files.ts';

const USAGE = 'usage: npm run site -- [--output=DIR] [--pathprefix=/sub/path/] [--quiet]';
const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const ELEVENTY = path.join(REPO_ROOT, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
const CONFIG = path.join(REPO_ROOT, '.eleventy.ts');
const TSX = import.meta.resolve('tsx');
const PLANNER = path.join(import.meta.dirname, 'plan-step.ts');

/** Plans the build in a process of its own (plan-step.ts), which writes the plan to `planFile`; resolves with what it sent, or with what it printed if it failed. */
function runPlanner(options: Pick<Options, 'planFile' | 'outputDir' | 'pathPrefix' | 'env'>): Promise<{ planned?: PlanMessage; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, PLANNER, `--output=${options.outputDir}`, `--pathprefix=${options.pathPrefix}`], {
      env: { ...options.env, ARCHIVE_PLAN: options.planFile },
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    let output = '';
    let planned: PlanMessage | undefined;
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('message', (message: PlanMessage) => (planned = message));
    child.on('close', (code) => resolve(code === 0 && planned ? { planned, output } : { output }));
  });
}

/** What build.ts needs to know of a part to schedule it (its pages are in the plan file). */
type PartShape = PlanMessage['parts'][number];

interface PartRun {
  number: number;
  part: PartShape;
}

interface Options {
  planFile: string;
  outputDir: string;
  pathPrefix: string;
  env: NodeJS.ProcessEnv;
  onMessage: (run: PartRun, message: RunMessage) => void;
}

/** Runs Eleventy on one part of the plan, in a process of its own; resolves with its exit code, what it printed and its seconds. */
function runPart(run: PartRun, options: Options): Promise<{ code: number; output: string; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', TSX, ELEVENTY, `--config=${CONFIG}`, `--output=${options.outputDir}`, `--pathprefix=${options.pathPrefix}`, '--quiet'],
      { env: { ...options.env, ARCHIVE_PLAN: options.planFile, ARCHIVE_PART: String(run.number) }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
    );
    // Eleventy's own lines are kept for a part that fails, and not printed otherwise.
    let output = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('message', (message: RunMessage) => options.onMessage(run, message));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output, seconds: (performance.now() - started) / 1000 }));
  });
}

/** Runs every part, PARTS_AT_ONCE at a time; the final part starts once every part that renders bodies has ended. */
async function runParts(parts: readonly PartShape[], options: Options): Promise<{ failed: string[]; seconds: number[] }> {
  const waiting: PartRun[] = parts.map((part, index) => ({ number: index + 1, part }));
  const bodiesLeft = new Set(waiting.filter((run) => run.part.rendersBodies && !run.part.final).map((run) => run.number));
  const failed: string[] = [];
  const seconds: number[] = [];
  let running = 0;
  return new Promise((resolve) => {
    const startNext = () => {
      while (running < PARTS_AT_ONCE) {
        const at = waiting.findIndex((run) => !run.part.final || bodiesLeft.size === 0);
        if (at < 0) break;
        const [run] = waiting.splice(at, 1);
        running += 1;
        void runPart(run!, options).then(({ code, output, seconds: took }) => {
          running -= 1;
          seconds[run!.number - 1] = took;
          bodiesLeft.delete(run!.number);
          if (code !== 0) failed.push(`part ${run!.number} of ${parts.length} failed (exit ${code}): ${output.trim().split('\n').slice(-5).join(' / ')}`);
          if (waiting.length === 0 && running === 0) resolve({ failed, seconds });
          else startNext();
        });
      }
    };
    if (waiting.length === 0) resolve({ failed, seconds });
    else startNext();
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      output: { type: 'string', default: '_site' },
      pathprefix: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const settings = readSiteSettings();
  const pathPrefix = normalisePathPrefix(values.pathprefix ?? settings.pathPrefix);
  const outputDir = path.resolve(values.output);
  const progress = new Progress();
  if (!settings.origin) progress.line(siteUrlNotice(settings.contentDir), process.stderr);

  // Parts hand rendered bodies to the final part through the cache: without one (ARCHIVE_CACHE=off)
  // a cache of this build's own is used and removed at the end.
  const temporary = settings.cacheDir ? undefined : mkdtempSync(path.join(tmpdir(), 'archive-site-cache-'));
  const cacheDir = settings.cacheDir ?? temporary!;
  try {
    progress.status('site: planning');
    const planStarted = performance.now();
    const planFolder = path.join(cacheDir, 'plans');
    mkdirSync(planFolder, { recursive: true });
    const planFile = path.join(planFolder, `${process.pid}.json`);
    const env = { ...process.env, ARCHIVE_CACHE: cacheDir };
    const planning = await runPlanner({ planFile, outputDir, pathPrefix, env });
    if (!planning.planned) {
      rmSync(planFile, { force: true });
      progress.line(planning.output.trim() || 'site: planning failed', process.stderr);
      return 1;
    }
    const planned = planning.planned;
    const { parts } = planned;
    const planSeconds = (performance.now() - planStarted) / 1000;

    const problems = [...planned.problems];
    const written = new Map<number, number>();
    const show = () => progress.status(`site: ${count([...written.values()].reduce((sum, pages) => sum + pages, 0))} of ${count(planned.toWrite)} pages written (${parts.length} part${parts.length === 1 ? '' : 's'})`);
    show();
    let search = '';
    const { failed, seconds } = await runParts(parts, {
      planFile,
      outputDir,
      pathPrefix,
      env,
      onMessage: (run, message) => {
        if ('pages' in message) {
          written.set(run.number, message.pages);
          show();
        } else if ('problems' in message) problems.push(...message.problems);
        else search = searchSummary(message.search);
      },
    });
    rmSync(planFile, { force: true });
    if (failed.length) {
      for (const line of failed) progress.line(`site: ${line}`, process.stderr);
      return 1;
    }
    WrittenFiles.saveNotes(new BuildCache(cacheDir), { outputDir, code: RENDERING_CODE, origin: settings.origin, pathPrefix }, planned.notes);
    progress.clear();
    if (search) process.stdout.write(`${search}\n`);
    // The parts' own times say where the build's time went (npm run bench prints their shares).
    const partTimes = seconds.map((took, index) => `${parts[index]!.final ? 'final ' : ''}${took.toFixed(1)} s`).join(', ');
    process.stdout.write(`site: ${count(planned.pages)} pages and files, ${count(planned.toWrite)} written in ${parts.length} Eleventy run${parts.length === 1 ? '' : 's'}, ${progress.elapsed()} (planning ${planSeconds.toFixed(1)} s; runs ${partTimes})\n`);
    if (problems.length) {
      for (const line of problems) process.stderr.write(`${line}\n`);
      process.stderr.write(`site: ${problems.length} article file(s) or capture(s) left out of the site (listed above)\n`);
      return 1;
    }
    return 0;
  } finally {
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  process.stderr.write(`site: ${error instanceof Error ? error.message : String(error)}\n${error instanceof TypeError && /parseArgs|option/i.test(error.message) ? `${USAGE}\n` : ''}`);
  process.exitCode = 1;
}
