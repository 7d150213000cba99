/**
 * The cost of each ingest step per MB of input, on the tricky inputs of src/bench/tricky-inputs.ts
 * at two sizes: a step whose cost per MB grows with the size (4× the size, 4× the cost per MB) is
 * quadratic on that input. Each input runs in a process of its own, stopped after --limit seconds,
 * so that an input that hangs is reported as such and the rest still run.
 *
 * usage: node --import tsx src/bench/step-cost.ts [--bytes 65536,262144] [--limit 60] [--only NAME,…] [--json FILE]
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Plugin, Pluggable, Transformer } from 'unified';
import { unified } from 'unified';

const SCRIPT = fileURLToPath(import.meta.url);
const REPO_ROOT = path.resolve(path.dirname(SCRIPT), '..', '..');

interface Measured {
  input: string;
  bytes: number;
  /** Milliseconds per step, and `decode + shape` for what runs before the steps. */
  steps: Record<string, number>;
  totalMs: number;
  /** Peak resident memory of the process, MB. */
  peakRssMb: number;
  /** A capture error or internal error, when the capture did not become an article. */
  outcome: string;
}

/** In the child: ingest one input at one size, timing each step. */
async function measureOne(name: string, bytes: number): Promise<Measured> {
  const [{ TRICKY_INPUTS }, { loadArchiveData }, { ingestCapture, ingestSteps, readCaptureFile }, { CaptureError }, { draftArticle, renderArticle, renderReport }] = await Promise.all([
    import('./tricky-inputs.ts'),
    import('../ingest/data.ts'),
    import('../ingest/pipeline.ts'),
    import('../ingest/types.ts'),
    import('../ingest/article.ts'),
  ]);
  const input = TRICKY_INPUTS.find((candidate) => candidate.name === name);
  if (!input) throw new Error(`no tricky input named ${name}`);
  const data = loadArchiveData(path.join(REPO_ROOT, 'content', 'data'));
  const steps: Record<string, number> = {};
  const processor = unified().use(ingestSteps(data).map(({ name: step, plugin }) => timed(step, plugin, steps)));
  // A small run first, so that the figures are of compiled code rather than of the first calls.
  try {
    ingestCapture(readCaptureFile('content/raw/warm-up.txt', new TextEncoder().encode(input.make(4096))), data, unified().use(ingestSteps(data).map((step) => step.plugin)));
  } catch (error) {
    // An input ingest refuses (mojibake no repair can read) warms up the same code.
    if (!(error instanceof CaptureError)) throw error;
  }
  const text = input.make(bytes);
  const capture = readCaptureFile(`content/raw/${name}.txt`, new TextEncoder().encode(text));
  let outcome = 'article';
  let writing = 0;
  const started = performance.now();
  try {
    const ingested = ingestCapture(capture, data, processor);
    const drafted = performance.now();
    const draft = draftArticle(ingested);
    renderArticle(draft, 'slug', 'content/reports/slug.json', '2021-01-01');
    renderReport(draft, 'slug', 'content/articles/slug.md');
    writing = performance.now() - drafted;
  } catch (error) {
    outcome = error instanceof CaptureError ? `refused: ${error.reason}` : `internal error: ${String(error instanceof Error ? error.message : error).split('\n')[0]}`;
  }
  const totalMs = performance.now() - started;
  const inSteps = Object.values(steps).reduce((sum, ms) => sum + ms, 0);
  return {
    input: name,
    bytes: capture.bytes.length,
    steps: { 'decode + shape': totalMs - inSteps - writing, ...steps, 'article + report': writing },
    totalMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    outcome,
  };
}

/** The step's plugin, its transformer timed into `into[name]`. */
function timed(name: string, pluggable: Pluggable, into: Record<string, number>): Pluggable {
  const [plugin, ...options] = (Array.isArray(pluggable) ? pluggable : [pluggable]) as [Plugin<unknown[]>, ...unknown[]];
  const wrapped = function (this: unknown) {
    const transformer = (plugin as (...args: unknown[]) => Transformer).apply(this, options);
    // Two parameters, as the steps take: unified waits for a callback from a transformer of three.
    return (tree: never, file: never) => {
      const started = performance.now();
      try {
        return (transformer as unknown as (tree: never, file: never) => unknown)(tree, file);
      } finally {
        into[name] = (into[name] ?? 0) + performance.now() - started;
      }
    };
  };
  return wrapped as Pluggable;
}

function perMb(ms: number, bytes: number): number {
  return ms / (bytes / 1024 / 1024);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      bytes: { type: 'string', default: '65536,262144' },
      limit: { type: 'string', default: '60' },
      only: { type: 'string' },
      json: { type: 'string' },
      child: { type: 'string' },
      size: { type: 'string' },
    },
    strict: true,
  });
  if (values.child) {
    process.stdout.write(`${JSON.stringify(await measureOne(values.child, Number(values.size)))}\n`);
    return;
  }
  const { TRICKY_INPUTS } = await import('./tricky-inputs.ts');
  const sizes = values.bytes.split(',').map(Number);
  const limit = Number(values.limit);
  const only = values.only?.split(',');
  const results: (Measured | { input: string; bytes: number; failed: string })[] = [];
  const rows: string[] = [];
  for (const input of TRICKY_INPUTS.filter((candidate) => !only || only.includes(candidate.name))) {
    const measured: (Measured | undefined)[] = [];
    for (const bytes of sizes) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, '--child', input.name, '--size', String(bytes)], { cwd: REPO_ROOT, encoding: 'utf8', timeout: limit * 1000, maxBuffer: 16 * 1024 * 1024 });
      if (run.status === 0) {
        const result = JSON.parse(run.stdout) as Measured;
        measured.push(result);
        results.push(result);
      } else {
        const failed = run.error ? `did not finish in ${limit} s` : `exit ${run.status}: ${run.stderr.trim().split('\n').pop() ?? ''}`;
        measured.push(undefined);
        results.push({ input: input.name, bytes, failed });
      }
    }
    const cells = measured.map((result, at) => (result ? `${perMb(result.totalMs, result.bytes).toFixed(0)} ms/MB, ${result.peakRssMb.toFixed(0)} MB` : `${(results.at(at - measured.length) as { failed: string }).failed}`));
    const last = measured.at(-1);
    const costliest = last
      ? Object.entries(last.steps)
          .sort(([, a], [, b]) => b - a)
          .slice(0, 3)
          .map(([step, ms]) => `${step} ${perMb(ms, last.bytes).toFixed(0)}`)
          .join(', ')
      : '';
    rows.push(`| ${input.name} | ${cells.join(' | ')} | ${costliest} | ${last?.outcome ?? ''} |`);
    process.stderr.write(`${input.name}: ${cells.join('; ')}\n`);
  }
  const header = `| input | ${sizes.map((bytes) => `${(bytes / 1024).toFixed(0)} KB`).join(' | ')} | costliest steps at the largest size (ms/MB) | outcome |`;
  process.stdout.write(`${header}\n|${' --- |'.repeat(sizes.length + 3)}\n${rows.join('\n')}\n`);

  // Per step: its cost per MB on the input where it costs most, at each size.
  const steps = new Set(results.flatMap((result) => ('steps' in result ? Object.keys(result.steps) : [])));
  process.stdout.write(`\n| step | ${sizes.map((bytes) => `worst ms/MB at ${(bytes / 1024).toFixed(0)} KB`).join(' | ')} |\n|${' --- |'.repeat(sizes.length + 1)}\n`);
  for (const step of steps) {
    const cells = sizes.map((bytes) => {
      let worst: Measured | undefined;
      for (const result of results) if ('steps' in result && result.bytes >= bytes * 0.9 && result.bytes <= bytes * 1.1 && (!worst || (result.steps[step] ?? 0) > (worst.steps[step] ?? 0))) worst = result;
      return worst ? `${perMb(worst.steps[step] ?? 0, worst.bytes).toFixed(0)} (${worst.input})` : '';
    });
    process.stdout.write(`| ${step} | ${cells.join(' | ')} |\n`);
  }
  if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
}

await main();
