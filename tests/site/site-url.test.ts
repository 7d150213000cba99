/**
 * The site's URL comes from one setting, ARCHIVE_SITE_URL or `url:` in the content's
 * data/site.yaml. Without either, nothing the site writes carries a made-up origin such as
 * localhost: what needs an absolute URL (canonical and hreflang links, og:url, feeds, sitemap)
 * is left out, and archive.json gives the site's own root-relative URLs.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSiteSettings } from '../../src/site/settings.ts';
import { buildSite, REPO_ROOT, type BuiltSite } from '../support/build-site.ts';
import { attribute, elements, htmlPages, listFiles, readPage } from '../support/site-files.ts';

const CONTENT = 'tests/fixtures/undated-content';
const YAML_ORIGIN = 'https://archive.example.net';

/** A copy of the fixture content with data/site.yaml holding `text`. */
function contentWithSiteFile(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'archive-site-url-'));
  cpSync(path.join(REPO_ROOT, CONTENT), dir, { recursive: true });
  mkdirSync(path.join(dir, 'data'), { recursive: true });
  writeFileSync(path.join(dir, 'data', 'site.yaml'), text);
  return dir;
}

let unset: BuiltSite;
let fromFile: BuiltSite;

beforeAll(async () => {
  [unset, fromFile] = await Promise.all([
    buildSite({ contentDir: CONTENT, cacheDir: 'off', siteUrl: null }),
    buildSite({ contentDir: contentWithSiteFile(`url: ${YAML_ORIGIN}\n`), cacheDir: 'off', siteUrl: null }),
  ]);
}, 240_000);

describe('a site built without a site URL', () => {
  it('carries no localhost or other invented origin in any file', async () => {
    const files = await listFiles(unset.dir);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expect(await readFile(path.join(unset.dir, file), 'utf8'), file).not.toMatch(/localhost|127\.0\.0\.1/);
  });

  it('has no feeds and no sitemap, and links to none', async () => {
    for (const file of ['feed.xml', 'feed.json', 'zh-hant/feed.xml', 'zh-hant/feed.json', 'sitemap.xml']) expect(existsSync(path.join(unset.dir, file)), file).toBe(false);
    expect(await readFile(path.join(unset.dir, 'robots.txt'), 'utf8')).not.toContain('Sitemap');
    const pages = await htmlPages(unset.dir);
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const tree = await readPage(unset.dir, page);
      const hrefs = elements(tree, (element) => element.tagName === 'a' || element.tagName === 'link').map((element) => attribute(element, 'href') ?? '');
      expect(hrefs.filter((href) => /feed\.(xml|json)$/.test(href)), page).toEqual([]);
      const canonical = elements(tree, (element) => element.tagName === 'link' && /canonical|alternate/.test(String(attribute(element, 'rel'))));
      expect(canonical, page).toEqual([]);
    }
  });

  it('gives archive.json the site’s root-relative URLs', async () => {
    const download = JSON.parse(await readFile(path.join(unset.dir, 'archive.json'), 'utf8')) as { articles: { url: string }[] };
    expect(download.articles.length).toBeGreaterThan(0);
    for (const article of download.articles) expect(article.url).toMatch(/^\/[^/]/);
  });
});

describe('the site URL set once in data/site.yaml', () => {
  it('is the origin of canonical links, feeds and the sitemap', async () => {
    const home = await readPage(fromFile.dir, 'index.html');
    const canonical = elements(home, (element) => element.tagName === 'link' && attribute(element, 'rel') === 'canonical');
    expect(canonical.map((element) => attribute(element, 'href'))).toEqual([`${YAML_ORIGIN}/`]);
    expect(await readFile(path.join(fromFile.dir, 'feed.xml'), 'utf8')).toContain(`<id>${YAML_ORIGIN}/</id>`);
    expect(await readFile(path.join(fromFile.dir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${YAML_ORIGIN}/sitemap.xml`);
  });

  it('gives way to ARCHIVE_SITE_URL, and a URL that is not an origin is refused naming the file', () => {
    const dir = contentWithSiteFile(`url: ${YAML_ORIGIN}\n`);
    expect(readSiteSettings({ ARCHIVE_CONTENT_DIR: dir }).origin).toBe(YAML_ORIGIN);
    expect(readSiteSettings({ ARCHIVE_CONTENT_DIR: dir, ARCHIVE_SITE_URL: 'https://other.example.com/' }).origin).toBe('https://other.example.com');
    expect(readSiteSettings({ ARCHIVE_CONTENT_DIR: contentWithSiteFile('url:\n') }).origin).toBeUndefined();
    const withPath = contentWithSiteFile('url: https://example.org/archive/\n');
    expect(() => readSiteSettings({ ARCHIVE_CONTENT_DIR: withPath })).toThrow(path.join(withPath, 'data', 'site.yaml'));
    expect(() => readSiteSettings({ ARCHIVE_CONTENT_DIR: contentWithSiteFile('url: [1, 2]\n') })).toThrow(/site\.yaml: url must be/);
  });
});
