/**
 * The search page's script as the site serves it: page.js and the engine it imports, bundled
 * into one minified module by esbuild, so that a first search costs one request for its code and
 * what it downloads is what runs (no comments, no types).
 */
import { buildSync } from 'esbuild';
import path from 'node:path';

/** The sources of the bundle (the engine is found through page.js's import). */
export const PAGE_SCRIPT_SOURCES = ['page.js', 'engine.js'].map((file) => path.join(import.meta.dirname, file));

/** Where the search page loads it from, root-relative (templates/search.11ty.ts). */
export const PAGE_SCRIPT_URL = '/assets/search.js';

export function pageScript(): Uint8Array {
  const result = buildSync({
    entryPoints: [PAGE_SCRIPT_SOURCES[0]!],
    bundle: true,
    format: 'esm',
    // The browsers of the last few years: CSP-friendly output, no eval, nothing to polyfill.
    target: ['es2020', 'chrome90', 'firefox90', 'safari15'],
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('search page script: esbuild wrote nothing');
  return file.contents;
}
