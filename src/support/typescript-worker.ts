/**
 * Worker threads that run this project's TypeScript. Used by ingest (src/ingest/parallel.ts) and
 * by the site build (src/site/render-pool.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** tsx's package.json: tsx and its compiler, esbuild, are found through it. */
function tsxManifest(): string {
  return createRequire(import.meta.url).resolve('tsx/package.json');
}

/** tsx's ESM API module, found through its package.json (a CommonJS resolve would give the .cjs). */
function tsxEsmApi(): string {
  const manifest = tsxManifest();
  const exports = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return join(dirname(manifest), exports.exports['./esm/api']!.import.default);
}

/** The part of esbuild's API used here (esbuild comes with tsx, which compiles with it). */
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { text: string }[] }>;
  stop?(): Promise<void> | void;
}

/**
 * A worker module and its libraries as one CommonJS bundle made by esbuild. Loading a few hundred
 * modules through tsx's loader, which answers every import from a thread of its own, cost each
 * ingest worker about a second of start-up on both cores; one bundle loads in a fraction of that.
 * Undefined when esbuild cannot be found or fails: workers then use tsx.
 */
export async function workerBundle(entry: URL): Promise<string | undefined> {
  try {
    const esbuild = createRequire(tsxManifest())('esbuild') as Esbuild;
    const result = await esbuild.build({
      entryPoints: [fileURLToPath(entry)],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    // esbuild's service is a process of its own (some 60 MB) that would otherwise live as long as
    // this one; a later call would start it again.
    await esbuild.stop?.();
    return result.outputFiles[0]?.text;
  } catch {
    return undefined;
  }
}

/**
 * Starts a worker on the bundle, or else on the TypeScript module: the worker then registers tsx
 * itself before importing its module, because Node 20 does not apply the parent's --import
 * loader to a worker's entry file.
 */
export function startWorker(code: string | undefined, entry: URL, workerData: unknown): Worker {
  if (code) return new Worker(code, { eval: true, workerData });
  const tsx = pathToFileURL(tsxEsmApi()).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`, {
    eval: true,
    workerData,
  });
}
