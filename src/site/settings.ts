/**
 * Where the archive reads its content from and where it will be served.
 *
 * Everything here comes from the environment so that the same checkout can be built for
 * GitHub Pages, for another host under a sub-path, or against sample content in tests.
 */
import { cacheRoot } from '../support/cache.ts';

export interface SiteSettings {
  /** Folder holding `articles/`, `reports/` and `data/` (the ingest output). */
  contentDir: string;
  /** Origin the site is served from, without a trailing slash; used only for absolute URLs (feeds, canonical, sitemap). */
  origin: string;
  /** Path prefix when not set on the Eleventy command line, always with leading and trailing slash. */
  pathPrefix: string;
  /** Folder where a build keeps rendered articles and search index shards for the next one; undefined: none. */
  cacheDir: string | undefined;
}

export const DEFAULT_ORIGIN = 'http://localhost:8080';

type Env = Record<string, string | undefined>;

export function readSiteSettings(env: Env = process.env): SiteSettings {
  return {
    contentDir: env.ARCHIVE_CONTENT_DIR?.trim() || 'content',
    origin: normaliseOrigin(env.ARCHIVE_SITE_URL?.trim() || DEFAULT_ORIGIN),
    // `npm run build -- --pathprefix=/archive/` reaches the nested `npm run site` as an npm
    // config value rather than an argument, so npm exports it as npm_config_pathprefix.
    pathPrefix: normalisePathPrefix(env.ARCHIVE_PATH_PREFIX ?? env.npm_config_pathprefix ?? '/'),
    cacheDir: cacheRoot(env),
  };
}

export function normaliseOrigin(value: string): string {
  const url = new URL(value);
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(
      `ARCHIVE_SITE_URL must be an origin such as https://example.org (put sub-paths in the path prefix), got ${value}`,
    );
  }
  return url.origin;
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
export function absoluteUrl(origin: string, pathPrefix: string, rootRelative: string): string {
  if (!rootRelative.startsWith('/')) throw new Error(`expected a root-relative URL, got ${rootRelative}`);
  return `${origin}${normalisePathPrefix(pathPrefix).slice(0, -1)}${rootRelative}`;
}
