/**
 * The favicon (SVG, and PNG for browsers that want one), the apple-touch-icon and the og:image,
 * rendered at build time (src/site/research/icons.ts) and written into the site by the final part
 * of a build (site-run.ts). They are binary, and Eleventy's JavaScript templates return text, so
 * they are written here rather than by a template. A file that already holds the same bytes is
 * left alone, so that a rebuild does not touch it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeAtomic } from '../support/atomic-write.ts';
import { siteIconFiles } from './research/icons.ts';

function sameBytes(file: string, content: Uint8Array | string): boolean {
  try {
    return readFileSync(file).equals(typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength));
  } catch {
    return false;
  }
}

/** Writes the icon files under `siteDir`; returns how many were written. */
export async function publishIcons(siteDir: string): Promise<number> {
  let written = 0;
  for (const [url, content] of await siteIconFiles()) {
    const file = path.join(siteDir, url);
    if (sameBytes(file, content)) continue;
    writeAtomic(file, content);
    written += 1;
  }
  return written;
}
