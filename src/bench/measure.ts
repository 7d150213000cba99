/**
 * Runs one measured step as its own Node process, the way `npm run build` runs it, so that wall
 * time includes start-up and module loading (as a user waits for them) and peak memory belongs to
 * that step alone.
 *
 * Every step is `node [--cpu-prof …] --import tsx --import rss-probe <script> …args`, with tsx
 * resolved from the repository's node_modules (the benchmark may run with another cwd), stdout and
 * stderr written straight to log files (a pipe read by this process would slow the step down).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const PROBE = pathToFileURL(path.join(import.meta.dirname, 'rss-probe.ts')).href;

export interface StepOptions {
  /** Short name, used for log files: logs/<name>.stdout.log. */
  name: string;
  /** Script to run, absolute or relative to cwd. */
  script: string;
  args: string[];
  cwd: string;
  env?: Record<string, string>;
  logDir: string;
  /** Run under `node --cpu-prof --cpu-prof-dir=<dir>`. */
  cpuProfileDir?: string;
}

export interface StepResult {
  name: string;
  /** The command as a person would type it (for the logs and bench.json). */
  command: string;
  exitCode: number | null;
  signal: string | null;
  seconds: number;
  /** Peak RSS of the Node process itself, from the kernel (KB). */
  maxRssKb?: number;
  /**
   * Peak RSS of the process and its child processes together (tsx's esbuild), sampled every
   * 200 ms (KB); only where the step started child processes, and only on Linux.
   */
  treePeakKb?: number;
  stdout: string;
  stderr: string;
  stdoutLog: string;
  stderrLog: string;
}

export async function runStep(options: StepOptions): Promise<StepResult> {
  mkdirSync(options.logDir, { recursive: true });
  const stdoutLog = path.join(options.logDir, `${options.name}.stdout.log`);
  const stderrLog = path.join(options.logDir, `${options.name}.stderr.log`);
  const rssFile = path.join(options.logDir, `${options.name}.maxrss`);
  rmSync(rssFile, { force: true });
  const flags = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  if (options.cpuProfileDir) mkdirSync(options.cpuProfileDir, { recursive: true });
  const args = [...flags, '--import', TSX, '--import', PROBE, options.script, ...options.args];
  const out = openSync(stdoutLog, 'w');
  const err = openSync(stderrLog, 'w');
  const env = { ...process.env, ...options.env, BENCH_RSS_FILE: rssFile };

  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: options.cwd, env, stdio: ['ignore', out, err] });
  let treePeakKb: number | undefined;
  let children = false;
  const sample = () => {
    if (child.pid === undefined) return;
    const tree = treeRssKb(child.pid);
    if (!tree) return;
    treePeakKb = Math.max(treePeakKb ?? 0, tree.kb);
    children ||= tree.processes > 1;
  };
  const timer = setInterval(sample, 200);
  const { code, signal } = await new Promise<{ code: number | null; signal: string | null }>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal }));
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  closeSync(out);
  closeSync(err);

  const maxRss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim()) : NaN;
  return {
    name: options.name,
    command: ['node', ...args.map((arg) => (arg === TSX ? 'tsx' : arg === PROBE ? 'src/bench/rss-probe.ts' : arg))].join(' '),
    exitCode: code,
    signal,
    seconds,
    ...(Number.isFinite(maxRss) ? { maxRssKb: maxRss } : {}),
    // The tree holds the Node process, so its peak is at least the kernel's figure for that one,
    // which sampling can miss.
    ...(treePeakKb !== undefined && children ? { treePeakKb: Math.max(treePeakKb, Number.isFinite(maxRss) ? maxRss : 0) } : {}),
    stdout: readFileSync(stdoutLog, 'utf8'),
    stderr: readFileSync(stderrLog, 'utf8'),
    stdoutLog,
    stderrLog,
  };
}

/**
 * Resident memory of a process and all its descendants (KB), from /proc. Undefined where there is
 * no /proc (macOS): the per-process peak from the probe is then the only memory figure.
 */
export function treeRssKb(root: number): { kb: number; processes: number } | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const children = new Map<number, number[]>();
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses; fields resume after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  let kb = 0;
  let processes = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      kb += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      processes++;
    } catch {
      continue;
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return kb ? { kb, processes } : undefined;
}

/** Files ending in .html under a folder: the pages a build wrote. */
export function countHtml(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.html')).length;
}

/** What `npm run ingest` printed, read back: counts, failed captures and warnings. */
export interface IngestLog {
  articles?: number;
  failed: string[];
  warnings: number;
  nearDuplicates: number;
}

export function readIngestLog(step: StepResult): IngestLog {
  const summary = /→ (\d+) articles/.exec(step.stdout);
  const lines = step.stderr.split('\n').filter(Boolean);
  const warnings = lines.filter((line) => line.startsWith('warning: '));
  return {
    ...(summary ? { articles: Number(summary[1]) } : {}),
    failed: lines.filter((line) => !line.startsWith('warning: ')),
    warnings: warnings.length,
    nearDuplicates: warnings.filter((line) => line.includes('near-duplicate of')).length,
  };
}
