import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DataError } from './data.ts';
import { runIngest } from './run.ts';
import { cacheRoot } from '../support/cache.ts';
import { count, Progress } from '../support/progress.ts';

const USAGE = 'usage: npm run ingest -- [--input DIR] [--output DIR] [--reports DIR] [--data DIR] [--check] [--no-cache] [--threads N]';

/**
 * `npm run ingest`: content/raw → content/articles (+ content/reports). Prints one line per
 * capture that cannot become an article (`<file>: <reason>`) and goes on with the rest; exits 1
 * if any failed, or with --check if the committed articles differ from what ingest writes now.
 */
async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        input: { type: 'string', default: 'content/raw' },
        output: { type: 'string', default: 'content/articles' },
        reports: { type: 'string' },
        data: { type: 'string', default: 'content/data' },
        check: { type: 'boolean', default: false },
        'no-cache': { type: 'boolean', default: false },
        threads: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`ingest: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const output = resolve(values.output);
  // On a terminal, one status line of captures ingested (src/support/progress.ts); in CI, none.
  const progress = new Progress();
  try {
    const threads = values.threads === undefined ? undefined : Number(values.threads);
    const outcome = await runIngest({
      ...(values['no-cache'] || !cacheRoot() ? {} : { cache: cacheRoot()! }),
      ...(threads && threads > 0 ? { threads } : {}),
      input: resolve(values.input),
      output,
      reports: resolve(values.reports ?? join(output, '..', 'reports')),
      data: resolve(values.data),
      check: values.check,
      root: process.cwd(),
      onProgress: ({ ingested, toIngest, fromCache }) => progress.status(`ingest: ${count(ingested)} of ${count(toIngest)} captures ingested${fromCache ? ` (${count(fromCache)} more unchanged, from the cache)` : ''}`),
    });
    progress.clear();
    for (const line of outcome.errors) process.stderr.write(`${oneLine(line)}\n`);
    for (const line of outcome.warnings) process.stderr.write(`warning: ${oneLine(line)}\n`);
    if (values.check) {
      for (const line of outcome.differences) process.stderr.write(`${oneLine(line)}\n`);
      process.stdout.write(
        outcome.differences.length
          ? `ingest --check: ${outcome.differences.length} file(s) differ from what ingest writes now; run npm run ingest and commit the result\n`
          : `ingest --check: the ${outcome.articles} articles are up to date\n`,
      );
      return outcome.differences.length || outcome.errors.length ? 1 : 0;
    }
    process.stdout.write(
      `ingest: ${outcome.captures} captures → ${outcome.articles} articles; ${outcome.written.length} files written, ${outcome.unchanged} unchanged, ${outcome.removed.length} removed, ${outcome.errors.length} failed, ${progress.elapsed()}\n`,
    );
    return outcome.errors.length ? 1 : 0;
  } catch (error) {
    if (error instanceof DataError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`ingest: ${message.split('\n')[0]}\n`);
    return 2;
  }
}

/** Each message is one line: file names are quoted where they are made, and nothing else may break a line either. */
function oneLine(line: string): string {
  return line.replace(/[\r\n\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

process.exitCode = await main(process.argv.slice(2));
