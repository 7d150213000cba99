/** The profile summary the benchmark prints: self time per function, file and package. */
import { describe, expect, it } from 'vitest';
import { type CpuProfile, packageOf, summarizeProfile } from '../../src/bench/profile.ts';

const frame = (functionName: string, url: string, lineNumber = 0) => ({ functionName, url, lineNumber });

// root → main (src/site/pages.ts) → render (nunjucks) ; (garbage collector) and a native read.
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)', ''), children: [2, 5, 6] },
    { id: 2, callFrame: frame('buildPages', 'file:///repo/src/site/pages.ts', 9), children: [3, 4] },
    { id: 3, callFrame: frame('render', 'file:///repo/node_modules/nunjucks/src/environment.js', 99) },
    { id: 4, callFrame: frame('', 'file:///repo/src/site/pages.ts', 41) },
    { id: 5, callFrame: frame('(garbage collector)', '') },
    { id: 6, callFrame: frame('readFileUtf8', '') },
  ],
  startTime: 0,
  endTime: 10_000,
  // Ticks at 1000, 2000, … 9000 µs; each lasts until the next (the last until endTime).
  samples: [2, 3, 3, 3, 4, 5, 6, 3, 2],
  timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
};

describe('summarizeProfile', () => {
  const summary = summarizeProfile(profile, 'CPU.20250101.000000.42.0.001.cpuprofile', '/repo');

  it('adds up self time per function, longest first', () => {
    expect(summary.totalMs).toBe(9);
    expect(summary.thread).toBe(0);
    expect(summary.functions[0]).toMatchObject({ name: 'render', where: 'node_modules/nunjucks/src/environment.js:100', ms: 4 });
    expect(summary.functions.find((entry) => entry.name === 'buildPages')).toMatchObject({ where: 'src/site/pages.ts:10', ms: 2 });
    expect(summary.functions.find((entry) => entry.name === '(anonymous)')).toMatchObject({ where: 'src/site/pages.ts:42', ms: 1 });
    expect(summary.functions[0]!.share).toBeCloseTo(4 / 9);
  });

  it('adds up per file and per package, keeping V8 entries apart and grouping natives', () => {
    expect(summary.files.find((entry) => entry.where === 'src/site/pages.ts')?.ms).toBe(3);
    expect(summary.files.find((entry) => entry.where === '(garbage collector)')?.ms).toBe(1);
    expect(summary.files.find((entry) => entry.where === '(native code)')?.ms).toBe(1);
    expect(summary.packages.map((entry) => [entry.name, entry.ms])).toEqual([
      ['nunjucks', 4],
      ['src/site', 3],
      ['(garbage collector)', 1],
      ['(native code)', 1],
    ]);
  });

  it('falls back on hit counts when a profile has no samples', () => {
    const old: CpuProfile = { ...profile, samples: undefined, timeDeltas: undefined, nodes: profile.nodes.map((node) => ({ ...node, hitCount: node.id === 3 ? 3 : node.id === 2 ? 1 : 0 })) };
    const fallback = summarizeProfile(old);
    expect(fallback.functions[0]).toMatchObject({ name: 'render', ms: 7.5 });
  });

  it('names packages, Node and repository folders', () => {
    expect(packageOf('node_modules/@11ty/eleventy/src/Template.js')).toBe('@11ty/eleventy');
    expect(packageOf('node_modules/@11ty/eleventy/node_modules/gray-matter/index.js')).toBe('gray-matter');
    expect(packageOf('node:internal/modules/esm/hooks')).toBe('node (built-in)');
    expect(packageOf('.eleventy.ts')).toBe('.eleventy.ts');
    expect(packageOf('src/site/pages.ts')).toBe('src/site');
  });
});
