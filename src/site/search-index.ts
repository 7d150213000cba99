/**
 * The search step: after Eleventy has written the site, Pagefind indexes the article pages of
 * both editions. Pagefind's extended binary (shipped in the npm package) segments Chinese, and
 * each edition's `lang` gives it its own index, so a page only ever searches its own edition.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';

export interface SearchIndexResult {
  pageCount: number;
  outputPath: string;
}

export async function writeSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  const outputPath = path.join(siteDir, 'pagefind');
  // Pagefind names its files by content hash; an old index would otherwise linger beside the new one.
  await rm(outputPath, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pageCount: added.page_count, outputPath };
  } finally {
    await pagefind.close();
  }
}
