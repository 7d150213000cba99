/**
 * `npm run build`: ingest (src/ingest/cli.ts), then the site (src/site/build.ts), each in a process
 * of its own, as `npm run ingest` and `npm run site` run them.
 *
 * A capture ingest cannot use does not stop the site: ingest makes articles of all the others and
 * exits 1, and the site is built from the articles there are. The build then lists, once more at
 * its end, every capture and article file left out (`<file>: <reason>`, one line each, as ingest
 * and the site printed them), and exits 1. Only what leaves nothing to build from stops it before
 * the site: a data file ingest cannot read, or an ingest that fails as a whole (exit 2).
 *
 * usage: npm run build -- [site options: --pathprefix=/sub/path/ --output=DIR --quiet]
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const INGEST = fileURLToPath(new URL('./ingest/cli.ts', import.meta.url));
const SITE = fileURLToPath(new URL('./site/build.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

interface Step {
  status: number;
  /** The lines of its error output that name a file left out: `<file>: <reason>`, not notes or summaries. */
  leftOut: string[];
}

/** Runs one step, passing its output through as it comes, and keeps the lines that name what it left out. */
function run(script: string, args: string[], summary: RegExp): Promise<Step> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, script, ...args], { stdio: ['inherit', 'inherit', 'pipe'] });
    let pending = '';
    const leftOut: string[] = [];
    const take = (line: string) => {
      // `<file>: <reason>`; notes, summaries and Eleventy's own `[11ty] …` lines are not.
      if (/^[^[\s].*?: /.test(line) && !line.startsWith('warning: ') && !summary.test(line)) leftOut.push(line);
    };
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      process.stderr.write(chunk);
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(take);
    });
    child.on('close', (code, signal) => {
      take(pending);
      resolve({ status: code ?? (signal ? 1 : 0), leftOut });
    });
  });
}

async function main(): Promise<number> {
  const ingest = await run(INGEST, [], /^ingest: /);
  if (ingest.status !== 0 && ingest.status !== 1) {
    process.stderr.write(`build: ingest failed (exit ${ingest.status}); the site was not built\n`);
    return ingest.status;
  }
  const site = await run(SITE, process.argv.slice(2), /^site: /);
  const leftOut = [...ingest.leftOut, ...site.leftOut];
  if (site.status !== 0 && !site.leftOut.length) {
    process.stderr.write(`build: the site failed (exit ${site.status})\n`);
    return site.status;
  }
  if (leftOut.length) {
    process.stderr.write(`\nbuild: the site was built without ${leftOut.length} file(s):\n${leftOut.map((line) => `${line}\n`).join('')}`);
    return 1;
  }
  return site.status;
}

process.exitCode = await main();
