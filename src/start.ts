/**
 * `npm start`: the build of `npm run build` (src/build.ts) for a local server, the server, and a
 * rebuild whenever the sources change.
 *
 * 1. Build: ingest, then the site into _site/, with the server's localhost origin (the dev server
 *    uses localhost; a deployment build takes its origin from ARCHIVE_SITE_URL or site.yaml).
 * 2. Serve _site/ with @11ty/eleventy-dev-server, which injects its reload client into each page.
 * 3. Watch content/raw/, content/data/, templates/ and src/. A change starts a rebuild once no
 *    file has changed for a moment (an editor or a copy writing several files is one change),
 *    and the browser is told to reload once, when that rebuild has ended. A change during a
 *    rebuild starts another one after it. Each rebuild is the same build as the first, so it
 *    ingests the captures that changed and writes the pages whose content changed.
 *
 * usage: npm start -- [--port=8080]
 */
import { spawn } from 'node:child_process';
import { existsSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import EleventyDevServer from '@11ty/eleventy-dev-server';

const BUILD = path.join(import.meta.dirname, 'build.ts');
const TSX = import.meta.resolve('tsx');
/** In the checkout (the working folder), as `npm run build` reads and writes them. */
const OUTPUT = path.resolve('_site');
/** The sources of the site (not the ingest output, content/articles and reports, which the build itself writes). */
const WATCHED = ['content/raw', 'content/data', 'templates', 'src'];
/** How long no file may change before a rebuild starts. */
const QUIET_MS = 400;

/** Runs the build once; resolves with its exit status (1: built without some files, which it listed). */
function build(port: number): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, BUILD, `--output=${OUTPUT}`], {
      stdio: 'inherit',
      env: { ...process.env, ARCHIVE_SITE_URL: `http://localhost:${port}` },
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** A temporary file of an editor or of the atomic writer, whose changes are not changes of the sources. */
function ignored(file: string): boolean {
  const name = path.basename(file);
  return name.startsWith('.') || name.endsWith('~') || name.endsWith('.swp') || name.includes('.tmp-');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '8080' } }, strict: true });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port must be a port number, got ${values.port}`);

  const first = await build(port);
  if (first !== 0 && first !== 1) process.stderr.write(`start: the build failed (exit ${first}); serving what _site/ holds, and rebuilding on the next change\n`);

  const server = EleventyDevServer.getServer('archive', OUTPUT, {
    // The client reloads the whole page: a page is either the new build's or the old one's.
    domDiff: false,
    // The port asked for or none: the pages' absolute URLs were built for it.
    portReassignmentRetryCount: 0,
    logger: { info: () => undefined, log: (text: string) => process.stdout.write(`start: ${text}\n`), error: (text: string) => process.stderr.write(`start: ${text}\n`) },
  });
  server.serve(port);
  const watched = WATCHED.filter((folder) => existsSync(folder));
  process.stdout.write(`start: serving _site/ at http://localhost:${port}/; watching ${watched.join(', ')} (Ctrl+C to stop)\n`);

  let timer: NodeJS.Timeout | undefined;
  let building = false;
  let pending = false;
  const rebuild = async () => {
    if (building) {
      pending = true;
      return;
    }
    building = true;
    process.stdout.write('start: sources changed, rebuilding\n');
    const status = await build(port);
    if (status === 0 || status === 1) server.reload({});
    else process.stderr.write(`start: the build failed (exit ${status}); the browser keeps the last site\n`);
    building = false;
    // Changed during the build: once more, when the files are quiet again.
    if (pending) {
      pending = false;
      changed(null);
    }
  };
  const changed = (file: string | null) => {
    if (file && ignored(file)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), QUIET_MS);
  };

  const watchers: FSWatcher[] = watched.map((folder) => watch(folder, { recursive: true }, (_event, file) => changed(file)));
  const stop = async () => {
    for (const watcher of watchers) watcher.close();
    clearTimeout(timer);
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

try {
  await main();
} catch (error) {
  process.stderr.write(`start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
