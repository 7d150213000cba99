/**
 * Reads a V8 .cpuprofile (what `node --cpu-prof` writes) and says where the time went: self time
 * by function, by file and by package. Parsed here rather than with a dependency: the format is
 * a list of call-tree nodes (id, callFrame, children) and two parallel arrays, `samples` (the
 * node on top of the stack at each tick) and `timeDeltas` (µs since the tick before).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number };
    hitCount?: number;
    children?: number[];
  }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface SelfTime {
  /** Function name, `(anonymous)` for unnamed ones, or V8's own entries: (garbage collector), (idle), (program). */
  name: string;
  /** Where it is, shortened: a repository path, node_modules/…, node:internal/…, or empty for V8's own entries. */
  where: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  file: string;
  /** Node's thread id from the file name: 0 is the main thread; others are workers (tsx's loader hooks). */
  thread: number;
  totalMs: number;
  functions: SelfTime[];
  files: SelfTime[];
  packages: SelfTime[];
}

/**
 * Self time per function. A tick's duration is the gap to the next tick (the stack seen at a tick
 * stayed on top until the next one), the last one runs to the profile's end. Functions are told
 * apart by name, file and line, so that the anonymous callbacks of one file stay separate.
 */
export function summarizeProfile(profile: CpuProfile, file = '', root = ''): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  if (samples.length && deltas.length === samples.length) {
    let at = profile.startTime;
    for (let i = 0; i < samples.length; i++) {
      at += deltas[i]!;
      const next = i + 1 < samples.length ? at + deltas[i + 1]! : profile.endTime;
      self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + Math.max(0, next - at));
    }
  } else {
    // Older profiles carry only hit counts: spread the profile's duration evenly over the hits.
    const hits = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
    const tick = hits ? (profile.endTime - profile.startTime) / hits : 0;
    for (const node of profile.nodes) if (node.hitCount) self.set(node.id, node.hitCount * tick);
  }

  const functions = new Map<string, SelfTime>();
  const files = new Map<string, SelfTime>();
  const packages = new Map<string, SelfTime>();
  let totalUs = 0;
  const add = (map: Map<string, SelfTime>, key: string, name: string, where: string, us: number) => {
    const entry = map.get(key) ?? { name, where, ms: 0, share: 0 };
    entry.ms += us;
    map.set(key, entry);
  };
  for (const [id, us] of self) {
    const frame = byId.get(id)?.callFrame;
    if (!frame || us <= 0) continue;
    totalUs += us;
    const name = frame.functionName || (frame.url ? '(anonymous)' : '(native)');
    const where = shorten(frame.url, root);
    const line = frame.url ? `:${frame.lineNumber + 1}` : '';
    add(functions, `${name}|${where}${line}`, name, `${where}${line}`, us);
    // Without a URL a frame is V8's own bookkeeping ((idle), (garbage collector), (program)) or a
    // native function (readFileUtf8, fstat); the natives are grouped, the bookkeeping kept apart.
    const place = where || (V8_ENTRIES.has(name) ? name : '(native code)');
    add(files, place, where ? path.basename(where) : place, place, us);
    const pkg = packageOf(where) || place;
    add(packages, pkg, pkg, '', us);
  }
  const ranked = (map: Map<string, SelfTime>) =>
    [...map.values()]
      .map((entry) => ({ ...entry, ms: entry.ms / 1000, share: totalUs ? entry.ms / totalUs : 0 }))
      .sort((a, b) => b.ms - a.ms || (a.name < b.name ? -1 : 1));
  const thread = Number(/\.(\d+)\.\d+\.cpuprofile$/.exec(file)?.[1] ?? 0);
  return { file, thread, totalMs: totalUs / 1000, functions: ranked(functions), files: ranked(files), packages: ranked(packages) };
}

const V8_ENTRIES = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** The profiles Node wrote into a folder (one per process), summarised. */
export function summarizeProfiles(dir: string, root: string): ProfileSummary[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile')).sort();
  } catch {
    return [];
  }
  return names.map((name) => {
    const file = path.join(dir, name);
    return summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, file, root);
  });
}

export interface StepProfile {
  /** Time on CPU, all threads together, without (idle). */
  busyMs: number;
  idleMs: number;
  threads: { thread: number; file: string; busyMs: number; idleMs: number }[];
  /** Shares are of busyMs; (idle) is left out, being time a thread waited (I/O, workers). */
  functions: SelfTime[];
  files: SelfTime[];
  packages: SelfTime[];
}

/**
 * One step's profiles (its main thread, ingest's worker threads, tsx's loader-hooks thread) added
 * up: where the step's CPU time went, whichever thread spent it.
 */
export function mergeProfiles(summaries: ProfileSummary[], keep = 50): StepProfile {
  const idleOf = (summary: ProfileSummary) => summary.functions.filter((entry) => entry.name === '(idle)').reduce((sum, entry) => sum + entry.ms, 0);
  const threads = summaries.map((summary) => ({ thread: summary.thread, file: summary.file, busyMs: summary.totalMs - idleOf(summary), idleMs: idleOf(summary) }));
  const busyMs = threads.reduce((sum, thread) => sum + thread.busyMs, 0);
  const merge = (pick: (summary: ProfileSummary) => SelfTime[]) => {
    const map = new Map<string, SelfTime>();
    for (const entry of summaries.flatMap(pick)) {
      if (entry.name === '(idle)') continue;
      const key = `${entry.name}|${entry.where}`;
      const kept = map.get(key) ?? { ...entry, ms: 0, share: 0 };
      kept.ms += entry.ms;
      map.set(key, kept);
    }
    return [...map.values()]
      .map((entry) => ({ ...entry, share: busyMs ? entry.ms / busyMs : 0 }))
      .sort((a, b) => b.ms - a.ms || (a.name < b.name ? -1 : 1))
      .slice(0, keep);
  };
  return {
    busyMs,
    idleMs: threads.reduce((sum, thread) => sum + thread.idleMs, 0),
    threads,
    functions: merge((summary) => summary.functions),
    files: merge((summary) => summary.files),
    packages: merge((summary) => summary.packages),
  };
}

/** file:///work/main/src/site/pages.ts → src/site/pages.ts; node_modules paths from node_modules/ on. */
function shorten(url: string, root: string): string {
  if (!url) return '';
  let text = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  const modules = text.lastIndexOf('/node_modules/');
  if (modules >= 0) return text.slice(modules + 1);
  if (root && text.startsWith(`${root}/`)) text = text.slice(root.length + 1);
  return text;
}

/**
 * What a file belongs to: its npm package (node_modules/@11ty/eleventy), Node itself
 * (node:internal), or the repository folder (src/site, src/ingest, templates…).
 */
export function packageOf(where: string): string {
  if (!where) return '';
  // The innermost node_modules names the package (eleventy's own copy of gray-matter is gray-matter).
  const modules = [...where.matchAll(/(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/g)].pop();
  if (modules) return modules[1]!;
  if (where.startsWith('node:')) return 'node (built-in)';
  const parts = where.split('/');
  return parts.length > 2 && !where.startsWith('/') ? parts.slice(0, 2).join('/') : parts.length > 1 && !where.startsWith('/') ? parts[0]! : where;
}
