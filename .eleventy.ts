/**
 * The build of 湘豫防疫会议档案's site: `npx @11ty/eleventy` with this configuration builds the
 * whole site (pages of both editions, the raw captures, the search index); `npm run build`
 * ingests the captures and then runs this same configuration once per part of a plan, two parts
 * at a time (src/site/build.ts), so that no Eleventy run holds the whole archive in memory.
 *
 * Read top to bottom: where the content is and where the site is served (settings), what this
 * run writes (the whole site, or the part of a plan it was told in ARCHIVE_PLAN and ARCHIVE_PART:
 * src/site/site-run.ts), the data the templates get, how URLs are made absolute, the template
 * language, the files copied as they are, and what is done after the pages. The data is
 * prepared in code (src/site/, and each page kind beside its template: templates/*.page.ts);
 * templates only print it.
 */
import { HtmlBasePlugin, type UserConfig } from '@11ty/eleventy';

import { absoluteUrl, readSiteSettings, siteUrlNotice } from './src/site/settings.ts';
import { partFromEnvironment, SiteRun } from './src/site/site-run.ts';
import { BuildCache } from './src/support/cache.ts';
import { interfaceText } from './src/site/interface-text.ts';

export default function (eleventyConfig: UserConfig) {
  const settings = readSiteSettings();

  // --- What this run writes: the part it was told, or the whole site planned here before each
  // build (so that `--serve` and `--watch` see changed content). ---
  const told = partFromEnvironment(process.env);
  const run = new SiteRun({ contentDir: settings.contentDir, cache: new BuildCache(settings.cacheDir), origin: settings.origin }, told);
  eleventyConfig.on('eleventy.before', ({ directories }) => run.start(directories.output, eleventyConfig.pathPrefix));

  // --- Data: each template paginates over the entries of its kind in `archive.pages`. ---
  eleventyConfig.addGlobalData('archive', () => run.data());
  eleventyConfig.addGlobalData('site', { origin: settings.origin, name: interfaceText('zh-Hans').siteName });

  // --- URLs: root-relative in templates, prefixed for sub-path deploys by the HTML base plugin;
  // absolute ones only with a site URL (ARCHIVE_SITE_URL or data/site.yaml): without one, what
  // needs it (canonical and hreflang links, feeds, sitemap) is left out, never given localhost. ---
  eleventyConfig.addPlugin(HtmlBasePlugin);
  // eleventyConfig.pathPrefix holds the prefix in force for the build (config, environment or
  // --pathprefix) once plugins run, so it is read on use. Templates call them as this.siteUrl().
  eleventyConfig.addFilter('hasSiteUrl', () => settings.origin !== undefined);
  eleventyConfig.addFilter('siteUrl', (rootRelative: string) => absoluteUrl(settings.origin, eleventyConfig.pathPrefix, rootRelative));
  if (!told && !settings.origin) process.stderr.write(`${siteUrlNotice(settings.contentDir)}\n`);

  // --- Templates: TypeScript modules (templates/*.11ty.ts) run by Eleventy's JavaScript engine. ---
  eleventyConfig.addExtension(['11ty.ts'], { key: '11ty.js' });

  // --- Files copied as they are: styles and the search scripts, by one run of a build (the raw
  // captures are copied by the final part, after the pages: src/site/raw-copies.ts). ---
  if (!told || told.part === 1) eleventyConfig.addPassthroughCopy({ 'templates/assets': 'assets' });

  // --- After the pages: progress, then the final part's raw captures and search index. ---
  eleventyConfig.addTransform('progress', (content: unknown) => {
    run.pageWritten();
    return content;
  });
  eleventyConfig.on('eleventy.after', () => run.finish());
  eleventyConfig.addWatchTarget(settings.contentDir);
  eleventyConfig.addWatchTarget('src/');

  return {
    dir: { input: 'templates', includes: '_includes', data: '_data', output: '_site' },
    templateFormats: ['11ty.ts'],
    pathPrefix: settings.pathPrefix,
  };
}
