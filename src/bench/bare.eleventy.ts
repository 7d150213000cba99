/**
 * Bare Eleventy: the yardstick the full build is compared with. It renders the same Markdown
 * articles (`--input=<work>/content/articles`) through one minimal Nunjucks layout (title and
 * content), with nothing else: no archive model, no editions, tags, feeds or search index.
 *
 * The layout is a virtual template (Eleventy 3's addTemplate), so nothing is written beside the
 * articles. Markdown is not pre-processed by a template language: article text is data, and a
 * `{{` in it must print as written (the full build renders Markdown in code, never as a template).
 */

/** The two calls this config makes; the site's declarations of Eleventy (src/site/types) lack addTemplate. */
interface BareConfig {
  addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
  addGlobalData(name: string, value: unknown): void;
}

const LAYOUT = `<!doctype html>
<html lang="zh-Hans">
<head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main><h1>{{ title }}</h1>
{{ content | safe }}
</main></body>
</html>
`;

export default function (eleventyConfig: BareConfig) {
  eleventyConfig.addTemplate('_includes/bare.njk', LAYOUT);
  eleventyConfig.addGlobalData('layout', 'bare.njk');
  return {
    dir: { includes: '_includes' },
    templateFormats: ['md'],
    markdownTemplateEngine: false,
    htmlTemplateEngine: 'njk',
  };
}
