/**
 * The benchmark's figures: what bench.json holds, and the Markdown table printed for the README,
 * with each target of the performance issue beside the figure it applies to.
 */
import os from 'node:os';
import type { SelfTime, StepProfile } from './profile.ts';

export const TARGETS = {
  /** Ingest throughput of raw captures, on 2 cores. */
  ingestMBps: 5,
  /** Ingest throughput over Readability's (one process, one core) in the same run. */
  overReadability: 2,
  /** Full build time over bare Eleventy's, at 2,000 and 10,000 captures. */
  fullOverBare: 2.5,
  /** Rebuild after adding one capture to a built 10,000-capture archive, as a share of the full build. */
  incrementalShare: 0.05,
  /** Peak memory of any build process, at 10,000 captures (bytes: 1.5 GB). */
  peakBytes: 1.5e9,
  /** A reader's first search: requests, bytes (page, code, index parts, result files), time to results. */
  searchRequests: 10,
  searchBytes: 400 * 1024,
  searchMs: 1000,
  /** Building the search index: CPU per article, memory added to the build (bytes). */
  searchCpuMsPerArticle: 1,
  searchExtraBytes: 300e6,
};

export interface Machine {
  os: string;
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
}

export interface StepFigures {
  seconds: number;
  maxRssKb?: number;
  treePeakKb?: number;
  exitCode: number | null;
  command: string;
}

/** Seconds of the full build by step, from the site step's own summary lines (src/site/build.ts). */
export interface StepShares {
  ingest: number;
  planning: number;
  /** The Eleventy runs, less the search index: pages, raw copies, the runs' start-up. */
  pages: number;
  searchIndex: number;
  /** The rest: process start-up, waiting between runs. */
  other: number;
}

export interface BenchResult {
  command: string;
  date: string;
  machine: Machine;
  corpus: { captures: number; rawBytes: number; bySeed: Record<string, number>; prngSeed: number; seconds: number };
  ingest?: StepFigures & { capturesPerSecond: number; mbPerSecond: number; articles?: number; failed: string[]; warnings: number; nearDuplicates: number };
  /** Mozilla Readability over linkedom on the same captures (src/bench/readability.ts). */
  readability?: StepFigures & { mbPerSecond: number; articles?: number };
  full?: { ingest: StepFigures; site: StepFigures; seconds: number; pages: number; profiled: boolean; shares?: StepShares };
  bare?: StepFigures & { pages: number; fullOverBare: number; siteOverBare: number };
  incremental?: { ingest: StepFigures; site: StepFigures; seconds: number; share: number; pages: number };
  search?: {
    index: {
      articles: number;
      cpuMsPerArticle: number;
      warmCpuMsPerArticle: number;
      /** The step's own process's user and system CPU time per article (cpuMsPerArticle is the step's measure, both together). */
      userMsPerArticle?: number;
      systemMsPerArticle?: number;
      seconds: number;
      extraMB: number;
      files: number;
      bytes: number;
      bucketCount: number;
      grams: number;
      postings: number;
      arenaMB: number;
      /** Per kind of file (b: buckets, hans and hant: each edition's result packs, catalog.bin): how many, bytes, the largest. */
      kinds?: Record<string, { files: number; bytes: number; largest: number }>;
    };
    queries: { query: string; requests: number; bytes: number; resultsMs?: number; count: number; status: string }[];
    /** The search step of the rebuild after adding one capture: files it wrote, of all, and its time and CPU time. */
    rewritten?: { written: number; files: number; seconds: number; cpuSeconds: number };
    /** The search step of the full build, as its log gives it. */
    inFullBuild?: { seconds: number; cpuSeconds: number };
  };
  profiles?: { step: string; profile: StepProfile }[];
  problems: string[];
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cores: cpus.length,
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    memoryGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
  };
}

const MB = 1e6;
const fixed = (value: number, digits = 1) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const whole = (value: number) => Math.round(value).toLocaleString('en-US');
const seconds = (value: number) => `${fixed(value, value < 10 ? 2 : 1)} s`;
const memory = (kb: number | undefined) => (kb === undefined ? 'n/a' : `${whole((kb * 1024) / MB)} MB`);
const mark = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? '✓' : '✗');

function stepMemory(step: StepFigures): string {
  // Child processes are tsx's esbuild service.
  const tree = step.treePeakKb !== undefined && step.treePeakKb > (step.maxRssKb ?? 0) + 1024 ? ` (with child processes ${memory(step.treePeakKb)})` : '';
  return `peak RSS ${memory(step.maxRssKb)}${tree}`;
}

function failed(step: StepFigures): string {
  return step.exitCode === 0 ? '' : ` — exit code ${step.exitCode ?? 'signal'}`;
}

/** The Markdown table (and its heading lines) for the README. */
export function renderTable(result: BenchResult): string {
  const { corpus, ingest, readability, full, bare, incremental } = result;
  const m = result.machine;
  const lines: string[] = [];
  lines.push(`Benchmark: \`${result.command}\` (${result.date})`);
  lines.push('');
  lines.push(`Machine: ${m.cores} cores (${m.cpu}), ${fixed(m.memoryGiB)} GiB memory, ${m.os}, Node ${m.node}`);
  lines.push('');
  lines.push(`Corpus: ${whole(corpus.captures)} captures, ${fixed(corpus.rawBytes / MB, 2)} MB of raw input (synthetic, ${Object.entries(corpus.bySeed).map(([seed, count]) => `${whole(count)} × ${seed}`).join(', ')}; PRNG seed ${corpus.prngSeed})`);
  lines.push('');
  lines.push('| Figure | Value | Target | |');
  lines.push('| --- | --- | --- | --- |');
  const row = (figure: string, value: string, target = '', ok?: boolean) => lines.push(`| ${figure} | ${value} | ${target} | ${mark(ok)} |`);

  if (ingest) {
    row(
      'Ingest throughput',
      `${fixed(ingest.mbPerSecond, 2)} MB/s · ${fixed(ingest.capturesPerSecond)} captures/s (${seconds(ingest.seconds)})${failed(ingest)}`,
      `≥ ${TARGETS.ingestMBps} MB/s on 2 cores`,
      ingest.mbPerSecond >= TARGETS.ingestMBps,
    );
    row('Ingest peak memory', stepMemory(ingest));
    if (readability) {
      row('Readability (linkedom) throughput, same captures', `${fixed(readability.mbPerSecond, 2)} MB/s (${seconds(readability.seconds)}), ${stepMemory(readability)}${failed(readability)}`);
      const ratio = ingest.mbPerSecond / readability.mbPerSecond;
      row('Ingest / Readability throughput', `${fixed(ratio, 2)}×`, `≥ ${TARGETS.overReadability}×`, ratio >= TARGETS.overReadability);
    }
    row(
      'Ingest outcome',
      `${whole(ingest.articles ?? 0)} articles, ${whole(ingest.failed.length)} failed, ${whole(ingest.warnings)} warnings (${whole(ingest.nearDuplicates)} near-duplicate)`,
    );
  }
  if (full) {
    row('Full build: ingest step', `${seconds(full.ingest.seconds)}, ${stepMemory(full.ingest)}${failed(full.ingest)}`);
    row(`Full build: site step (Eleventy)${full.profiled ? ', under --cpu-prof' : ''}`, `${seconds(full.site.seconds)}, ${stepMemory(full.site)}${failed(full.site)}`);
    row('Full build (ingest + site)', `${seconds(full.seconds)}, ${whole(full.pages)} pages written`);
    if (full.shares) {
      const share = (part: number) => `${seconds(part)} (${fixed((part / full.seconds) * 100)}%)`;
      const { ingest: i, planning, pages, searchIndex, other } = full.shares;
      row('Full build by step', `ingest ${share(i)} · site planning ${share(planning)} · pages ${share(pages)} · search index ${share(searchIndex)} · other ${share(other)}`);
    }
  }
  if (bare) {
    row('Bare Eleventy (same articles, one layout)', `${seconds(bare.seconds)}, ${whole(bare.pages)} pages, ${stepMemory(bare)}${failed(bare)}`);
    row('Full build / bare: (ingest + site) / bare', `${fixed(bare.fullOverBare, 2)}×`, `≤ ${TARGETS.fullOverBare}×`, bare.fullOverBare <= TARGETS.fullOverBare);
    row('Site step / bare: site / bare', `${fixed(bare.siteOverBare, 2)}×`, `(for reference: the target is on the full build)`);
  }
  if (incremental && full) {
    row(
      'Rebuild after adding 1 capture (ingest + site)',
      `${seconds(incremental.seconds)} = ${fixed(incremental.share * 100)}% of the full build (ingest ${seconds(incremental.ingest.seconds)}, site ${seconds(incremental.site.seconds)})${failed(incremental.ingest)}${failed(incremental.site)}`,
      `≤ ${TARGETS.incrementalShare * 100}% of the full build`,
      incremental.share <= TARGETS.incrementalShare,
    );
  }
  if (result.search) {
    const { index, queries, rewritten } = result.search;
    for (const query of queries) {
      const shown = query.resultsMs === undefined ? `not shown in 120 s (${query.status})` : `results shown in ${seconds(query.resultsMs / 1000)}`;
      row(
        `First search for ${query.query} (${whole(query.count)} articles)`,
        `${query.requests} requests, ${whole(query.bytes / 1024)} KB, ${shown}`,
        `≤ ${TARGETS.searchRequests} requests, ≤ ${TARGETS.searchBytes / 1024} KB, ≤ ${TARGETS.searchMs / 1000} s`,
        query.requests <= TARGETS.searchRequests && query.bytes <= TARGETS.searchBytes && query.resultsMs !== undefined && query.resultsMs <= TARGETS.searchMs,
      );
    }
    row('Search index: CPU per article (step alone, all files written)', `${fixed(index.cpuMsPerArticle, 2)} ms${index.userMsPerArticle !== undefined && index.systemMsPerArticle !== undefined ? ` (user ${fixed(index.userMsPerArticle, 2)}, system ${fixed(index.systemMsPerArticle, 2)})` : ''} (${seconds(index.seconds)}; ${fixed(index.warmCpuMsPerArticle, 2)} ms again with nothing to write)`, `≤ ${TARGETS.searchCpuMsPerArticle} ms`, index.cpuMsPerArticle <= TARGETS.searchCpuMsPerArticle);
    row('Search index: extra memory (step alone)', `${whole(index.extraMB)} MB`, `≤ ${whole(TARGETS.searchExtraBytes / MB)} MB`, index.extraMB * MB <= TARGETS.searchExtraBytes);
    row('Search index: size', `${whole(index.files)} files, ${fixed(index.bytes / MB)} MB (${whole(index.bucketCount)} buckets, ${whole(index.grams)} grams, ${whole(index.postings)} postings; postings in memory ${whole(index.arenaMB)} MB)`);
    const kindNames: Record<string, string> = { b: 'buckets', hans: 'result packs, Simplified edition', hant: 'result packs, Traditional edition', 'catalog.bin': 'catalog' };
    for (const [kind, figures] of Object.entries(index.kinds ?? {})) {
      if (!kindNames[kind]) continue;
      row(`Search index: ${kindNames[kind]}`, `${whole(figures.files)} files, ${fixed(figures.bytes / MB)} MB, mean ${fixed(figures.bytes / figures.files / 1024)} KB, largest ${fixed(figures.largest / 1024)} KB`);
    }
    if (result.search.inFullBuild) row('Search step of the full build', `${seconds(result.search.inFullBuild.seconds)} (CPU ${seconds(result.search.inFullBuild.cpuSeconds)})`);
    if (rewritten) {
      const share = result.full ? ` = ${fixed((rewritten.seconds / result.full.seconds) * 100, 2)}% of the full build` : '';
      row('Search step of the rebuild after adding 1 capture', `${seconds(rewritten.seconds)} (CPU ${seconds(rewritten.cpuSeconds)})${share}; ${whole(rewritten.written)} of ${whole(rewritten.files)} index files written`);
    }
  }
  if (full) {
    // The target is judged on the whole step, child processes included; the Node process alone is shown too.
    const steps = [full.ingest, full.site];
    const processKb = Math.max(...steps.map((step) => step.maxRssKb ?? 0));
    const treeKb = Math.max(processKb, ...steps.map((step) => step.treePeakKb ?? 0));
    row(
      'Peak memory of the full build (largest step)',
      `${memory(treeKb)} with child processes (tsx's esbuild); largest Node process ${memory(processKb)}`,
      `≤ 1.5 GB at 10,000 captures`,
      treeKb * 1024 <= TARGETS.peakBytes,
    );
  }
  if (result.problems.length) {
    lines.push('');
    for (const problem of result.problems) lines.push(`- ⚠ ${problem}`);
  }
  return lines.join('\n');
}

/** The top of each step's profile: self time by function, by file, by package. */
export function renderProfiles(result: BenchResult, top = 15): string {
  const lines: string[] = [];
  for (const { step, profile } of result.profiles ?? []) {
    lines.push('');
    const threads = profile.threads.map((thread) => `thread ${thread.thread}: ${seconds(thread.busyMs / 1000)} busy, ${seconds(thread.idleMs / 1000)} idle`).join('; ');
    lines.push(`Profile of the ${step}: ${seconds(profile.busyMs / 1000)} on CPU (${threads}; thread 0 is the main thread)`);
    lines.push('');
    lines.push(...table(`Top ${top} functions by self time`, profile.functions.slice(0, top), true));
    lines.push('');
    lines.push(...table(`Top ${top} files by self time`, profile.files.slice(0, top), false));
    lines.push('');
    lines.push(...table('Top 10 packages and folders by self time', profile.packages.slice(0, 10), false));
  }
  return lines.join('\n');
}

function table(title: string, entries: SelfTime[], functions: boolean): string[] {
  const out = [`${title} (share of CPU time, idle left out):`, '', functions ? '| Self ms | Share | Function | Where |' : '| Self ms | Share | Where |', functions ? '| ---: | ---: | --- | --- |' : '| ---: | ---: | --- |'];
  for (const entry of entries) {
    const share = `${fixed(entry.share * 100)}%`;
    out.push(functions ? `| ${whole(entry.ms)} | ${share} | ${entry.name} | ${entry.where} |` : `| ${whole(entry.ms)} | ${share} | ${entry.where || entry.name} |`);
  }
  return out;
}
