/**
 * Eleventy configuration for 湘豫防疫会议档案.
 *
 * Reads top to bottom: where things are, what data the templates get, how URLs are made
 * absolute, which files are copied verbatim, and what runs after the pages are written.
 * The data itself is prepared in src/site/; templates in templates/ only print it.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { HtmlBasePlugin, type UserConfig } from '@11ty/eleventy';
import rssPlugin from '@11ty/eleventy-plugin-rss';

import { readSiteSettings, absoluteUrl } from './src/site/settings.ts';
import { loadArchive, type Archive } from './src/site/archive.ts';
import { buildPages, type ArticlePage } from './src/site/pages.ts';
import { renderArticleBody } from './src/site/article-body.ts';
import { newsArticle, jsonLdScriptText } from './src/site/structured-data.ts';
import { researchExport } from './src/site/research-export.ts';
import { buildScriptMap } from './src/site/search-script-map.ts';
import { writeSearchIndex } from './src/site/search-index.ts';
import { interfaceText } from './src/site/interface-text.ts';

export default function (eleventyConfig: UserConfig) {
  const settings = readSiteSettings();
  const aboutMarkdown = readFileSync('templates/_includes/about.md', 'utf8');

  // --- Content: the archive is read and rendered once per build, in code. ---
  const initial = loadArchive({ contentDir: settings.contentDir });
  let preloaded: Archive | undefined = initial;
  const archiveData = () => {
    // The first build reuses the archive read for the passthrough copies below; rebuilds in
    // watch mode read the content again.
    const archive = preloaded ?? loadArchive({ contentDir: settings.contentDir });
    preloaded = undefined;
    return {
      articles: archive.articles,
      pages: buildPages(archive, { about: renderArticleBody(aboutMarkdown) }),
      model: archive,
    };
  };
  eleventyConfig.addGlobalData('archive', archiveData);
  eleventyConfig.addGlobalData('site', { origin: settings.origin, name: interfaceText('zh-Hans').siteName });
  eleventyConfig.addWatchTarget(settings.contentDir);
  eleventyConfig.addWatchTarget('src/site/');

  // --- URLs: root-relative in templates, prefixed for sub-path deploys by the HTML base plugin. ---
  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addPlugin(rssPlugin);
  // eleventyConfig.pathPrefix holds the prefix in force for the build (config, environment or
  // --pathprefix) once plugins run, so it is read on use.
  const absolute = (rootRelative: string): string => absoluteUrl(settings.origin, eleventyConfig.pathPrefix, rootRelative);
  // Not `absoluteUrl`: the RSS plugin registers a deprecated filter of that name.
  eleventyConfig.addFilter('siteUrl', (rootRelative: string) => absolute(rootRelative));

  // --- Filters that serialise prepared data. ---
  eleventyConfig.addFilter('newsArticleJsonLd', (page: ArticlePage) =>
    jsonLdScriptText(newsArticle(page, absolute, page.ui.siteName)),
  );
  eleventyConfig.addFilter('researchExport', (archive: Archive) => researchExport(archive, absolute));
  eleventyConfig.addFilter('scriptMapJson', (archive: Archive) =>
    JSON.stringify(buildScriptMap(archive.articles.flatMap((article) => [article.title, article.body.plainText, ...article.people, ...article.places, ...article.meetingType, article.province]))),
  );
  eleventyConfig.addFilter('thousands', (value: number) => value.toLocaleString('en-US'));
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });

  // --- Files copied verbatim: styles, the search script, and every raw capture an article cites. ---
  eleventyConfig.addPassthroughCopy({ 'templates/assets': 'assets' });
  for (const file of initial.rawFiles) {
    eleventyConfig.addPassthroughCopy({ [file.repoPath]: file.url.slice(1) });
  }

  // --- After the pages are written: the search index of both editions. ---
  eleventyConfig.on('eleventy.after', async ({ directories }) => {
    const { pageCount } = await writeSearchIndex(path.resolve(directories.output));
    console.log(`[archive] Pagefind indexed ${pageCount} article pages`);
  });

  return {
    dir: { input: 'templates', includes: '_includes', layouts: '_includes/layouts', data: '_data', output: '_site' },
    templateFormats: ['njk'],
    htmlTemplateEngine: 'njk',
    pathPrefix: settings.pathPrefix,
  };
}
