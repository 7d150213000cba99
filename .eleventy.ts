/**
 * Eleventy configuration for 湘豫防疫会议档案.
 *
 * Reads top to bottom: the archive and what each build does before Eleventy renders (raw
 * captures, the search index, which pages need writing), what data the templates get, how URLs
 * are made absolute, the template language, which files are copied verbatim, and what runs after
 * the pages are written. The data itself is prepared in src/site/; templates in templates/ only
 * print it.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { HtmlBasePlugin, type UserConfig } from '@11ty/eleventy';

import { readSiteSettings, absoluteUrl } from './src/site/settings.ts';
import { loadArchive, type Archive } from './src/site/archive.ts';
import { buildPages } from './src/site/pages.ts';
import { renderArticleBody } from './src/site/article-body.ts';
import type { ArchiveData } from './src/site/page-template.ts';
import { writeSearchIndex, type SearchIndexResult } from './src/site/search-index.ts';
import { BuildCache } from './src/site/build-cache.ts';
import { publishRawCaptures } from './src/site/raw-copies.ts';
import { WrittenPages } from './src/site/written-pages.ts';
import { interfaceText } from './src/site/interface-text.ts';

export default function (eleventyConfig: UserConfig) {
  const settings = readSiteSettings();
  const aboutMarkdown = readFileSync('templates/_includes/about.md', 'utf8');

  // --- Content: the archive is read and rendered once per build, in code; an article whose file
  // has not changed since the last build is taken from the cache (src/site/build-cache.ts). ---
  const cache = new BuildCache(settings.cacheDir);
  const initial = loadArchive({ contentDir: settings.contentDir, cache });
  // The first build uses the archive read here; rebuilds in watch mode read the content again.
  let preloaded: Archive | undefined = initial;
  let current: Archive = initial;
  let indexing: Promise<SearchIndexResult> | undefined;
  let written: WrittenPages | undefined;

  eleventyConfig.on('eleventy.before', ({ directories }) => {
    current = preloaded ?? loadArchive({ contentDir: settings.contentDir, cache });
    preloaded = undefined;
    // Pages whose entry, code and settings are those of the last build into this folder are left as they are.
    written = WrittenPages.open(cache, {
      outputDir: directories.output,
      code: [path.resolve(directories.input), ...['src/site', '.eleventy.ts'].map((entry) => path.resolve(import.meta.dirname, entry))],
      origin: settings.origin,
      pathPrefix: eleventyConfig.pathPrefix,
    });
    // The search index needs only the archive, not the written pages, so Pagefind (a process of
    // its own) indexes while Eleventy renders; eleventy.after waits for it and reports failures.
    indexing = writeSearchIndex(path.resolve(directories.output), current, cache);
    indexing.catch(() => undefined);
    // Every raw capture an article cites, byte for byte (only new or changed ones are copied).
    publishRawCaptures(current.rawFiles, process.cwd(), path.resolve(directories.output));
  });
  const archiveData = (): ArchiveData => {
    const pages = buildPages(current, { about: renderArticleBody(aboutMarkdown) });
    return { pages: written ? written.toWrite(pages) : pages, model: current };
  };
  eleventyConfig.addGlobalData('archive', archiveData);
  eleventyConfig.addGlobalData('site', { origin: settings.origin, name: interfaceText('zh-Hans').siteName });
  eleventyConfig.addWatchTarget(settings.contentDir);
  eleventyConfig.addWatchTarget('src/site/');

  // --- URLs: root-relative in templates, prefixed for sub-path deploys by the HTML base plugin. ---
  eleventyConfig.addPlugin(HtmlBasePlugin);
  // eleventyConfig.pathPrefix holds the prefix in force for the build (config, environment or
  // --pathprefix) once plugins run, so it is read on use. Templates call it as this.siteUrl().
  eleventyConfig.addFilter('siteUrl', (rootRelative: string) => absoluteUrl(settings.origin, eleventyConfig.pathPrefix, rootRelative));

  // --- Templates: TypeScript modules (templates/*.11ty.ts) run by Eleventy's JavaScript engine. ---
  // Eleventy imports each module once and calls its render() per page. (It never caches compiled
  // Nunjucks, which made every paginated page compile its template and permalink again.)
  eleventyConfig.addExtension(['11ty.ts'], { key: '11ty.js' });

  // --- Files copied verbatim: styles and the search script (the raw captures: see eleventy.before). ---
  eleventyConfig.addPassthroughCopy({ 'templates/assets': 'assets' });

  // --- After the pages are written: the search index of both editions, one shard per month. ---
  eleventyConfig.on('eleventy.after', async () => {
    written?.save();
    const result = await indexing;
    if (!result) return;
    console.log(
      `[archive] Pagefind: ${result.pageCount} article pages in ${result.shardCount} shards, ${result.indexedShards} indexed, ${result.shardCount - result.indexedShards} from the cache (${result.seconds.toFixed(1)} s)`,
    );
  });

  return {
    dir: { input: 'templates', includes: '_includes', data: '_data', output: '_site' },
    templateFormats: ['11ty.ts'],
    pathPrefix: settings.pathPrefix,
  };
}
