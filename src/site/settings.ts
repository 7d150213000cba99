/**
 * Where the archive reads its content from and where it will be served.
 *
 * Everything here comes from the environment so that the same checkout can be built for
 * GitHub Pages, for another host under a sub-path, or against sample content in tests; the
 * site's URL may also be set once in the content's data folder (data/site.yaml, `url:`), which
 * the environment overrides.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { cacheRoot } from '../support/cache.ts';

export interface SiteSettings {
  /** Folder holding `articles/`, `reports/` and `data/` (the ingest output). */
  contentDir: string;
  /**
   * Origin the site is served from, without a trailing slash, for absolute URLs (canonical,
   * og:url, hreflang, JSON-LD, feeds, the sitemap, archive.json); undefined when none is set,
   * and then what needs one is left out (siteUrlNotice).
   */
  origin: string | undefined;
  /** Path prefix when not set on the Eleventy command line, always with leading and trailing slash. */
  pathPrefix: string;
  /** Folder where a build keeps rendered articles and search index shards for the next one; undefined: none. */
  cacheDir: string | undefined;
}

type Env = Record<string, string | undefined>;

/** The data file where an archivist sets the site's URL once, under the content folder. */
export const SITE_FILE = path.join('data', 'site.yaml');

export function readSiteSettings(env: Env = process.env): SiteSettings {
  const contentDir = env.ARCHIVE_CONTENT_DIR?.trim() || 'content';
  const fromEnvironment = env.ARCHIVE_SITE_URL?.trim();
  return {
    contentDir,
    origin: fromEnvironment ? normaliseOrigin(fromEnvironment, 'ARCHIVE_SITE_URL') : siteFileOrigin(path.join(contentDir, SITE_FILE)),
    // `npm run build -- --pathprefix=/archive/` reaches the nested `npm run site` as an npm
    // config value rather than an argument, so npm exports it as npm_config_pathprefix.
    pathPrefix: normalisePathPrefix(env.ARCHIVE_PATH_PREFIX ?? env.npm_config_pathprefix ?? '/'),
    cacheDir: cacheRoot(env),
  };
}

/** `url:` of the site file, if the file exists and sets it. */
function siteFileOrigin(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not readable YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
  if (data === null || data === undefined) return undefined;
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error(`${file}: must be a mapping with a url: key`);
  const url = (data as Record<string, unknown>).url;
  if (url === undefined || url === null || url === '') return undefined;
  if (typeof url !== 'string') throw new Error(`${file}: url must be a string such as https://example.org`);
  return normaliseOrigin(url.trim(), `${file}: url`);
}

/** The origin of `value` (`https://example.org`); `name` says where the value was set, for the error. */
export function normaliseOrigin(value: string, name = 'ARCHIVE_SITE_URL'): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an origin such as https://example.org, got ${value}`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.pathname !== '/' || url.search || url.hash) {
    throw new Error(`${name} must be an origin such as https://example.org (put sub-paths in the path prefix), got ${value}`);
  }
  return url.origin;
}

/** The one line a build without a site URL prints: what it leaves out, and where to set the URL. */
export function siteUrlNotice(contentDir: string): string {
  return `warning: no site URL set (ARCHIVE_SITE_URL, or url: in ${path.join(contentDir, SITE_FILE)}): the site is built without canonical and hreflang links, feeds or sitemap`;
}

/**
 * The prefix with a leading and trailing slash, each segment URL-encoded (`/a b/` → `/a%20b/`):
 * every URL the site writes starts with it, in pages, feeds, the sitemap and the download, and a
 * raw space or `#` there breaks them. A prefix given encoded stays as it is.
 */
export function normalisePathPrefix(value: string): string {
  const segments = value.trim().split('/').filter(Boolean).map(encodeSegment);
  return segments.length ? `/${segments.join('/')}/` : '/';
}

function encodeSegment(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // A lone % is a character of the name.
  }
  return encodeURIComponent(decoded);
}

/** `https://origin` + path prefix + root-relative path, for feeds, sitemaps and link metadata. */
export function absoluteUrl(origin: string | undefined, pathPrefix: string, rootRelative: string): string {
  if (!rootRelative.startsWith('/')) throw new Error(`expected a root-relative URL, got ${rootRelative}`);
  // Pages that need an origin are not planned without one (src/site/plan.ts), and the others ask first (hasSiteUrl).
  if (origin === undefined) throw new Error(`no site URL set, so no absolute URL for ${rootRelative}`);
  return `${origin}${normalisePathPrefix(pathPrefix).slice(0, -1)}${rootRelative}`;
}
