/**
 * `npm run bench`: builds a synthetic archive of N captures and measures, each step in its own
 * process, in this order:
 *   1. ingest alone (throughput, peak memory), into an empty articles folder, and beside it its
 *      peer, Mozilla Readability over linkedom (src/bench/readability.ts), on the same captures;
 *   2. the full build on a fresh articles folder: the two steps of `npm run build` (ingest, then
 *      the site: src/site/build.ts running Eleventy with .eleventy.ts), run directly with node
 *      rather than through npm, whose own start-up is not the archive's;
 *   3. bare Eleventy rendering the same articles with one minimal layout (src/bench/bare.eleventy.ts);
 *   4. the search: the index step alone (CPU per article, extra memory: src/bench/search-only.ts)
 *      and a reader's first searches in Chromium (src/bench/search-latency.ts);
 *   5. the rebuild after adding one capture to the built archive (both steps again), and of its
 *      search step (from the site step's log) the time, the CPU time and the files it wrote.
 * Prints a Markdown table (figures and targets) and writes <work>/bench.json.
 *
 * The work folder is laid out like a checkout — content/, templates/ (a link to the repository's),
 * and the .cache/ ingest keeps there — and every step runs with it as cwd, as `npm run build` runs
 * in the repository: front matter then names captures content/raw/…, as in the real archive, and
 * the benchmark's caches never touch (or wipe) the repository's own .cache/.
 *
 * usage: npm run bench -- [--captures N] [--work DIR] [--keep] [--skip-bare] [--profile] [--seed N]
 *        npm run bench -- --extraction [--cases DIR]   (src/bench/extraction.ts: F1 on the capture cases)
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PRNG_SEED, loadSeeds, writeCapture, writeCorpus } from './corpus.ts';
import { evaluateExtraction, renderExtraction } from './extraction.ts';
import { countHtml, readIngestLog, REPO_ROOT, runStep, type StepResult } from './measure.ts';
import { mergeProfiles, summarizeProfiles } from './profile.ts';
import { type BenchResult, machine, renderProfiles, renderTable, type StepFigures, type StepShares } from './report.ts';

const USAGE = 'usage: npm run bench -- [--captures N] [--work DIR] [--keep] [--skip-bare] [--profile] [--seed N]\n       npm run bench -- --extraction [--cases DIR]';
const ELEVENTY = path.join(REPO_ROOT, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
const INGEST = path.join(REPO_ROOT, 'src', 'ingest', 'cli.ts');
const SITE = path.join(REPO_ROOT, 'src', 'site', 'build.ts');
const BARE_CONFIG = path.join(REPO_ROOT, 'src', 'bench', 'bare.eleventy.ts');
const SEARCH_ONLY = path.join(REPO_ROOT, 'src', 'bench', 'search-only.ts');
const SEARCH_LATENCY = path.join(REPO_ROOT, 'src', 'bench', 'search-latency.ts');
/** A reader's first searches: a place, a phrase every article has, and a longer phrase (six characters). */
const SEARCH_QUERIES = ['长沙', '疫情防控', '联防联控机制'];
const READABILITY = path.join(REPO_ROOT, 'src', 'bench', 'readability.ts');
const CASES = path.join(REPO_ROOT, 'tests', 'fixtures', 'captures');

interface Options {
  extraction?: string;
  captures: number;
  work?: string;
  keep: boolean;
  skipBare: boolean;
  profile: boolean;
  seed: number;
}

function parse(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      captures: { type: 'string', default: '2000' },
      work: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'skip-bare': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      seed: { type: 'string', default: String(DEFAULT_PRNG_SEED) },
      extraction: { type: 'boolean', default: false },
      cases: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const captures = Number(values.captures);
  const seed = Number(values.seed);
  if (!Number.isInteger(captures) || captures < 1) throw new Error(`--captures must be a positive whole number, got ${values.captures}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got ${values.seed}`);
  return { ...(values.extraction ? { extraction: path.resolve(values.cases ?? CASES) } : {}), captures, ...(values.work ? { work: path.resolve(values.work) } : {}), keep: values.keep, skipBare: values['skip-bare'], profile: values.profile, seed };
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/**
 * The full build by step, from the site step's summary (`…, T s (planning P s; …)`) and the search
 * index's (`search index: … (S s, CPU C s)`); the Eleventy runs are what is left of T. Undefined when the
 * lines are not there.
 */
function stepShares(ingestSeconds: number, site: StepResult): StepShares | undefined {
  const summary = /^site: .*, ([\d.]+) s \(planning ([\d.]+) s;/m.exec(site.stdout);
  const search = /search index: .*\(([\d.]+) s(?:, CPU [\d.]+ s)?\)\s*$/m.exec(site.stdout);
  if (!summary) return undefined;
  const [total, planning, searchIndex] = [Number(summary[1]), Number(summary[2]), search ? Number(search[1]) : 0];
  return { ingest: ingestSeconds, planning, pages: total - planning - searchIndex, searchIndex, other: Math.max(0, site.seconds - total) };
}

function figures(step: StepResult): StepFigures {
  return {
    seconds: step.seconds,
    ...(step.maxRssKb !== undefined ? { maxRssKb: step.maxRssKb } : {}),
    ...(step.treePeakKb !== undefined ? { treePeakKb: step.treePeakKb } : {}),
    exitCode: step.exitCode,
    command: step.command,
  };
}

function describe(step: StepResult): string {
  const rss = step.maxRssKb !== undefined ? `, peak RSS ${Math.round((step.maxRssKb * 1024) / 1e6)} MB` : '';
  const tree = step.treePeakKb !== undefined ? ` (${Math.round((step.treePeakKb * 1024) / 1e6)} MB with child processes)` : '';
  const exit = step.exitCode === 0 ? '' : ` — exit code ${step.exitCode ?? step.signal} (see ${step.stderrLog})`;
  return `${step.seconds.toFixed(2)} s${rss}${tree}${exit}`;
}

/** The last lines of a step's stderr, for a problem report; ingest's warnings are left out. */
function lastErrors(step: StepResult): string {
  const lines = step.stderr.split('\n').filter((line) => line.trim() && !line.startsWith('warning: '));
  return lines.slice(-3).join(' / ');
}

function readPeerLog(stdout: string): { articles: number } | undefined {
  try {
    const parsed = JSON.parse(stdout.trim().split('\n').pop() ?? '') as { articles?: unknown };
    return typeof parsed.articles === 'number' ? { articles: parsed.articles } : undefined;
  } catch {
    return undefined;
  }
}

function emptyFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  if (options.extraction) {
    process.stdout.write(`${renderExtraction(evaluateExtraction(options.extraction, path.join(REPO_ROOT, 'content', 'data')))}\n`);
    return 0;
  }
  // A folder given with --work is the user's: use it only if empty, and never delete it.
  const work = options.work ?? mkdtempSync(path.join(os.tmpdir(), 'archive-bench-'));
  if (options.work) {
    if (existsSync(work) && readdirSync(work).length) {
      process.stderr.write(`bench: ${work} is not empty; give an empty or new folder\n`);
      return 2;
    }
    mkdirSync(work, { recursive: true });
  }
  const content = path.join(work, 'content');
  const articles = path.join(content, 'articles');
  const reports = path.join(content, 'reports');
  const raw = path.join(content, 'raw');
  const logs = path.join(work, 'logs');
  const site = path.join(work, '_site');
  const bareOut = path.join(work, '_bare');
  const profiles = path.join(work, 'profiles');
  const cache = path.join(work, '.cache');
  // Relative paths, as `npm run build` passes them: they end up in front matter and messages.
  const ingestArgs = ['--input', 'content/raw', '--output', 'content/articles', '--reports', 'content/reports', '--data', 'content/data'];
  const siteArgs = ['--output=_site'];
  // Built as for deployment: with a site URL, so that feeds and sitemaps are made too.
  const siteEnv = { ARCHIVE_CONTENT_DIR: 'content', ARCHIVE_SITE_URL: 'https://archive.example.org' };

  const result: BenchResult = {
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim().replace(/ --$/, ''),
    date: new Date().toISOString().slice(0, 10),
    machine: machine(),
    corpus: { captures: 0, rawBytes: 0, bySeed: {}, prngSeed: options.seed, seconds: 0 },
    problems: [],
  };
  log(`work folder ${work}`);

  try {
    // 0. The corpus, in a folder laid out like a checkout (.eleventy.ts reads templates/ from cwd).
    symlinkSync(path.join(REPO_ROOT, 'templates'), path.join(work, 'templates'), 'dir');
    let started = performance.now();
    const corpus = writeCorpus({ seedsDir: path.join(REPO_ROOT, 'content', 'raw'), dataDir: path.join(REPO_ROOT, 'content', 'data'), contentDir: content, count: options.captures, prngSeed: options.seed });
    result.corpus = { captures: corpus.captures, rawBytes: corpus.bytes, bySeed: corpus.bySeed, prngSeed: options.seed, seconds: (performance.now() - started) / 1000 };
    log(`corpus: ${corpus.captures} captures, ${(corpus.bytes / 1e6).toFixed(2)} MB raw, generated in ${result.corpus.seconds.toFixed(2)} s`);

    // 1. Ingest alone.
    const ingest = await runStep({ name: 'ingest', script: INGEST, args: ingestArgs, cwd: work, logDir: logs });
    const ingestLog = readIngestLog(ingest);
    result.ingest = {
      ...figures(ingest),
      capturesPerSecond: corpus.captures / ingest.seconds,
      mbPerSecond: corpus.bytes / 1e6 / ingest.seconds,
      ...(ingestLog.articles !== undefined ? { articles: ingestLog.articles } : {}),
      failed: ingestLog.failed,
      warnings: ingestLog.warnings,
      nearDuplicates: ingestLog.nearDuplicates,
    };
    log(`ingest: ${describe(ingest)}; ${ingestLog.articles ?? '?'} articles, ${ingestLog.failed.length} failed, ${ingestLog.warnings} warnings`);
    if (ingestLog.failed.length) result.problems.push(`ingest: ${ingestLog.failed.length} captures failed, first: ${ingestLog.failed[0]}`);
    if (ingestLog.articles !== undefined && ingestLog.articles !== corpus.captures) {
      result.problems.push(`ingest: ${corpus.captures} captures became ${ingestLog.articles} articles (duplicates merged or captures failed)`);
    }

    // 1b. The peer on the same captures, in a process of its own like ingest.
    const peer = await runStep({ name: 'readability', script: READABILITY, args: [raw], cwd: work, logDir: logs });
    const peerLog = readPeerLog(peer.stdout);
    result.readability = { ...figures(peer), mbPerSecond: corpus.bytes / 1e6 / peer.seconds, ...(peerLog ? { articles: peerLog.articles } : {}) };
    log(`Readability: ${describe(peer)}; ${peerLog?.articles ?? '?'} articles found`);
    if (peer.exitCode !== 0) result.problems.push(`Readability step failed (exit ${peer.exitCode ?? peer.signal}): ${lastErrors(peer)}`);

    // 2. The full build, as from a fresh clone: no articles, no reports, no caches.
    emptyFolder(articles);
    emptyFolder(reports);
    rmSync(cache, { recursive: true, force: true });
    const cpu = (step: string) => (options.profile ? { cpuProfileDir: path.join(profiles, step) } : {});
    const fullIngest = await runStep({ name: 'full-ingest', script: INGEST, args: ingestArgs, cwd: work, logDir: logs, ...cpu('full-ingest') });
    log(`full build, ingest step: ${describe(fullIngest)}`);
    const fullSite = await runStep({ name: 'full-site', script: SITE, args: siteArgs, cwd: work, env: siteEnv, logDir: logs, ...cpu('full-site') });
    const pages = countHtml(site);
    result.full = { ingest: figures(fullIngest), site: figures(fullSite), seconds: fullIngest.seconds + fullSite.seconds, pages, profiled: options.profile };
    const shares = stepShares(fullIngest.seconds, fullSite);
    if (shares) result.full.shares = shares;
    log(`full build, site step: ${describe(fullSite)}; ${pages} pages`);
    if (fullSite.exitCode !== 0) result.problems.push(`site step failed (exit ${fullSite.exitCode ?? fullSite.signal}): ${lastErrors(fullSite)}`);

    // 3. Bare Eleventy on the same articles.
    if (!options.skipBare) {
      const bare = await runStep({
        name: 'bare',
        script: ELEVENTY,
        args: [`--config=${BARE_CONFIG}`, '--input=content/articles', '--output=_bare'],
        cwd: work,
        logDir: logs,
      });
      const barePages = countHtml(bareOut);
      result.bare = { ...figures(bare), pages: barePages, fullOverBare: result.full.seconds / bare.seconds, siteOverBare: fullSite.seconds / bare.seconds };
      log(`bare Eleventy: ${describe(bare)}; ${barePages} pages; full/bare ${result.bare.fullOverBare.toFixed(2)}×, site/bare ${result.bare.siteOverBare.toFixed(2)}×`);
      if (bare.exitCode !== 0) result.problems.push(`bare Eleventy failed (exit ${bare.exitCode ?? bare.signal}): ${lastErrors(bare)}`);
    }

    // 4. The search: the index step alone, then first searches against the built site.
    if (fullSite.exitCode === 0) {
      const step = await runStep({ name: 'search-index', script: SEARCH_ONLY, args: ['content', '--json'], cwd: work, env: siteEnv, logDir: logs });
      const latency = await runStep({ name: 'search-latency', script: SEARCH_LATENCY, args: [site, '--json', ...SEARCH_QUERIES], cwd: work, logDir: logs });
      try {
        const index = JSON.parse(step.stdout.trim().split('\n').at(-1) ?? '') as NonNullable<BenchResult['search']>['index'];
        const queries = JSON.parse(latency.stdout.trim().split('\n').at(-1) ?? '') as NonNullable<BenchResult['search']>['queries'];
        result.search = { index, queries };
        log(`search index alone: ${index.cpuMsPerArticle.toFixed(2)} ms CPU per article, ${index.extraMB.toFixed(0)} MB extra; first searches: ${queries.map((query) => `${query.query} ${query.requests} requests ${(query.bytes / 1024).toFixed(0)} KB ${query.resultsMs === undefined ? 'not shown' : `${(query.resultsMs / 1000).toFixed(2)} s`}`).join('; ')}`);
      } catch {
        result.problems.push(`search measurements failed: ${lastErrors(step)} ${lastErrors(latency)}`);
      }
    }

    // 5. One more capture (capture N: new, and no duplicate), then both steps again on the built
    // archive, with whatever the build left behind (articles, reports, caches, _site).
    started = performance.now();
    const added = writeCapture(loadSeeds(path.join(REPO_ROOT, 'content', 'raw')), raw, options.captures, options.seed);
    log(`added capture ${added.name} (${added.bytes} bytes, seed ${added.seed}) in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    const incIngest = await runStep({ name: 'incremental-ingest', script: INGEST, args: ingestArgs, cwd: work, logDir: logs });
    log(`rebuild, ingest step: ${describe(incIngest)}`);
    const incSite = await runStep({ name: 'incremental-site', script: SITE, args: siteArgs, cwd: work, env: siteEnv, logDir: logs });
    const incSeconds = incIngest.seconds + incSite.seconds;
    result.incremental = { ingest: figures(incIngest), site: figures(incSite), seconds: incSeconds, share: incSeconds / result.full.seconds, pages: countHtml(site) };
    // The site step's own line on its search step (src/site/search/write-index.ts, searchSummary).
    const rewritten = /search index: .* (\d+) of (\d+) files written, \d+ removed \(([\d.]+) s, CPU ([\d.]+) s\)/.exec(incSite.stdout);
    if (rewritten && result.search) {
      result.search.rewritten = { written: Number(rewritten[1]), files: Number(rewritten[2]), seconds: Number(rewritten[3]), cpuSeconds: Number(rewritten[4]) };
    }
    const fullSearch = /search index: .*\(([\d.]+) s, CPU ([\d.]+) s\)/.exec(fullSite.stdout);
    if (fullSearch && result.search) result.search.inFullBuild = { seconds: Number(fullSearch[1]), cpuSeconds: Number(fullSearch[2]) };
    log(`rebuild, site step: ${describe(incSite)}; ${(result.incremental.share * 100).toFixed(1)}% of the full build`);
    const incLog = readIngestLog(incIngest);
    if (incLog.articles !== undefined && ingestLog.articles !== undefined && incLog.articles !== ingestLog.articles + 1) {
      result.problems.push(`rebuild: expected ${ingestLog.articles + 1} articles after adding one capture, ingest reports ${incLog.articles}`);
    }

    if (options.profile) {
      result.profiles = ['full-ingest', 'full-site'].map((step) => ({
        step: step === 'full-site' ? 'full build, site step (Eleventy)' : 'full build, ingest step',
        profile: mergeProfiles(summarizeProfiles(path.join(profiles, step), REPO_ROOT)),
      }));
    }
  } finally {
    // Everything is written even if a step threw, so a failed run still leaves its figures.
    writeFileSync(path.join(work, 'bench.json'), `${JSON.stringify(result, null, 2)}\n`);
    if (!options.keep && !options.work) {
      // bench.json, the logs and the profiles stay; the corpus and the built sites are the bulk.
      for (const bulky of [content, site, bareOut, cache, path.join(work, 'templates')]) rmSync(bulky, { recursive: true, force: true });
    }
  }

  process.stdout.write(`\n${renderTable(result)}\n`);
  if (result.profiles) process.stdout.write(`${renderProfiles(result)}\n`);
  process.stdout.write(`\nFigures: ${path.join(work, 'bench.json')}; logs: ${logs}${options.keep || options.work ? `; corpus and builds kept in ${work}` : ''}\n`);
  return result.problems.length ? 1 : 0;
}

process.exitCode = await main();
