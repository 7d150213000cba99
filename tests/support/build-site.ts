/**
 * Builds the site the way `npm run site` does, into a fresh temporary folder, so tests look at
 * real output. The content folder is the one the site ships (ARCHIVE_CONTENT_DIR, default
 * `content`) unless a test asks for another.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
/** The site URL (ARCHIVE_SITE_URL) of the sites tests build, unless a test asks for none. */
export const TEST_ORIGIN = 'https://archive.example.org';

export interface BuildOptions {
  pathPrefix?: string;
  contentDir?: string;
  outputDir?: string;
  /** Pass the prefix through the environment instead of --pathprefix. */
  prefixViaEnv?: boolean;
  /** The build cache folder (ARCHIVE_CACHE), or 'off'; default: the checkout's .cache. */
  cacheDir?: string;
  /** The most pages per part of the build (ARCHIVE_PART_PAGES); default: the site's own. */
  partPages?: number;
  /** ARCHIVE_SITE_URL; default TEST_ORIGIN; null: none set (and the content's data/site.yaml read, if any). */
  siteUrl?: string | null;
  /** Resolve with the exit status instead of rejecting when the build exits non-zero. */
  allowFailure?: boolean;
}

export interface BuiltSite {
  dir: string;
  contentDir: string;
  pathPrefix: string;
  log: string;
  /** The build's exit status. */
  status: number;
  stderr: string;
}

export function contentDirUnderTest(): string {
  return process.env.ARCHIVE_CONTENT_DIR ?? 'content';
}

export async function articleSourceCount(contentDir: string): Promise<number> {
  const folder = path.resolve(REPO_ROOT, contentDir, 'articles');
  if (!existsSync(folder)) return 0;
  return (await readdir(folder)).filter((name) => name.endsWith('.md')).length;
}

export async function buildSite(options: BuildOptions = {}): Promise<BuiltSite> {
  const contentDir = options.contentDir ?? contentDirUnderTest();
  if ((await articleSourceCount(contentDir)) === 0) {
    throw new Error(
      `No articles in ${contentDir}/articles: run \`npm run ingest\` first, or set ARCHIVE_CONTENT_DIR to a content folder with articles`,
    );
  }
  const dir = options.outputDir ?? (await mkdtemp(path.join(tmpdir(), 'archive-site-')));
  const pathPrefix = options.pathPrefix ?? '/';
  const args = ['--import', 'tsx', 'src/site/build.ts', `--output=${dir}`, '--quiet'];
  const env: NodeJS.ProcessEnv = { ...process.env, ARCHIVE_CONTENT_DIR: contentDir };
  delete env.ARCHIVE_PATH_PREFIX;
  delete env.npm_config_pathprefix;
  delete env.ARCHIVE_CACHE;
  delete env.ARCHIVE_PART_PAGES;
  delete env.ARCHIVE_SITE_URL;
  if (options.siteUrl !== null) env.ARCHIVE_SITE_URL = options.siteUrl ?? TEST_ORIGIN;
  if (options.partPages !== undefined) env.ARCHIVE_PART_PAGES = String(options.partPages);
  if (options.cacheDir) env.ARCHIVE_CACHE = options.cacheDir;
  if (options.pathPrefix && options.prefixViaEnv) env.ARCHIVE_PATH_PREFIX = options.pathPrefix;
  else if (options.pathPrefix) args.push(`--pathprefix=${options.pathPrefix}`);
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd: REPO_ROOT, env, maxBuffer: 64 * 1024 * 1024 });
    return { dir, contentDir, pathPrefix, log: stdout + stderr, status: 0, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (!options.allowFailure || typeof failed.code !== 'number') throw error;
    return { dir, contentDir, pathPrefix, log: `${failed.stdout ?? ''}${failed.stderr ?? ''}`, status: failed.code, stderr: failed.stderr ?? '' };
  }
}
