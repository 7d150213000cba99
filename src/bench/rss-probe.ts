/**
 * Preloaded (`--import`) into every process the benchmark measures: on exit, writes the process's
 * peak resident set size in KB (`process.resourceUsage().maxRSS`, the kernel's own high-water
 * mark, so no spike between samples is missed) to the file named by BENCH_RSS_FILE. Loaded as a
 * flag rather than through NODE_OPTIONS so that it never reaches grandchildren.
 */
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    try {
      writeFileSync(target, `${process.resourceUsage().maxRSS}\n`);
    } catch {
      // A measurement must never change how the measured process ends.
    }
  });
}
