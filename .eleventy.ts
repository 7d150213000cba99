/**
 * Eleventy configuration for 湘豫防疫会议档案.
 *
 * Reads top to bottom: where the pages of this run come from (a batch prepared by `npm run site`,
 * or a build prepared here when Eleventy runs on its own), what data the templates get, how URLs
 * are made absolute, the template language, and which files are copied verbatim. The data itself
 * is prepared in src/site/; templates in templates/ only print it.
 */
import { HtmlBasePlugin, type UserConfig } from '@11ty/eleventy';

import { readSiteSettings, absoluteUrl } from './src/site/settings.ts';
import { loadArchive, type Archive } from './src/site/archive.ts';
import type { ArchiveData } from './src/site/page-template.ts';
import { BuildCache } from './src/support/cache.ts';
import { SiteBuild, currentDrivenBatch, readStaticTexts, RENDERING_CODE, searchSummary } from './src/site/site-build.ts';
import { interfaceText } from './src/site/interface-text.ts';

export default function (eleventyConfig: UserConfig) {
  const settings = readSiteSettings();

  // --- Content: `npm run site` (src/site/build.ts) prepares the build once and runs Eleventy
  // once per batch of pages, handing each run its batch (src/site/site-build.ts says why). Run on
  // its own, as in watch mode, Eleventy prepares each build itself and renders it in one batch;
  // the archive is read and rendered in code, an unchanged article taken from the build cache. ---
  let archiveData: () => ArchiveData;
  if (currentDrivenBatch()) {
    // Read on use, not kept here: Eleventy keeps some of each run's configuration after the run,
    // and a batch held by it would stay in memory for the rest of the build.
    archiveData = () => currentDrivenBatch()!;
  } else {
    const cache = new BuildCache(settings.cacheDir);
    const texts = readStaticTexts();
    // The first build uses the archive read here; rebuilds in watch mode read the content again.
    let preloaded: Archive | undefined = loadArchive({ contentDir: settings.contentDir, cache });
    let build: SiteBuild | undefined;
    eleventyConfig.on('eleventy.before', ({ directories }) => {
      build = SiteBuild.start({
        ...(preloaded ? { archive: preloaded } : {}),
        contentDir: settings.contentDir,
        outputDir: directories.output,
        cache,
        origin: settings.origin,
        pathPrefix: eleventyConfig.pathPrefix,
        texts,
        code: RENDERING_CODE,
      });
      preloaded = undefined;
    });
    archiveData = () => build!.all();
    // After the pages are written: the record of what was written, and the search index.
    eleventyConfig.on('eleventy.after', async () => {
      const result = await build?.finish();
      if (result) console.log(searchSummary(result));
      for (const line of build?.problems ?? []) console.error(line);
    });
    eleventyConfig.addWatchTarget(settings.contentDir);
    eleventyConfig.addWatchTarget('src/site/');
  }
  eleventyConfig.addGlobalData('archive', () => archiveData());
  eleventyConfig.addGlobalData('site', { origin: settings.origin, name: interfaceText('zh-Hans').siteName });

  // --- URLs: root-relative in templates, prefixed for sub-path deploys by the HTML base plugin. ---
  eleventyConfig.addPlugin(HtmlBasePlugin);
  // eleventyConfig.pathPrefix holds the prefix in force for the build (config, environment or
  // --pathprefix) once plugins run, so it is read on use. Templates call it as this.siteUrl().
  eleventyConfig.addFilter('siteUrl', (rootRelative: string) => absoluteUrl(settings.origin, eleventyConfig.pathPrefix, rootRelative));

  // --- Templates: TypeScript modules (templates/*.11ty.ts) run by Eleventy's JavaScript engine. ---
  // Eleventy imports each module once and calls its render() per page. (It never caches compiled
  // Nunjucks, which made every paginated page compile its template and permalink again.)
  eleventyConfig.addExtension(['11ty.ts'], { key: '11ty.js' });

  // --- Files copied verbatim: styles and the search script (the raw captures: src/site/site-build.ts). ---
  eleventyConfig.addPassthroughCopy({ 'templates/assets': 'assets' });

  return {
    dir: { input: 'templates', includes: '_includes', data: '_data', output: '_site' },
    templateFormats: ['11ty.ts'],
    pathPrefix: settings.pathPrefix,
  };
}
