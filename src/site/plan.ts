/**
 * The plan of a site build: which pages the archive has, which of them this build must write,
 * and how they are split into parts, each rendered by one Eleventy run (.eleventy.ts).
 *
 * Planning needs no article body. Every page kind (src/site/pages.ts) builds each of its pages'
 * entries once with stand-ins for what it would read beyond the archive index (bodies, their
 * texts, audit reports: PageSources), and the page's key is a hash of that entry and of the files
 * it read through the stand-ins. A page whose key and file are those of the last build is left
 * as it is (written-files.ts); the others are split into parts:
 *
 * - parts of a few thousand pages each, so that no Eleventy run holds more than that in memory:
 *   first the article and audit-report pages, grouped by article, whose parts render the bodies
 *   of their articles (into the build cache, src/site/article-render.ts), then the pages that need
 *   no body (tags, years, the home page…);
 * - the final part: the files made from the whole archive (archive.json, feeds, the sitemap,
 *   robots.txt, _headers), the raw captures and the search index. It needs every article's text,
 *   so it starts once every part that renders bodies has ended.
 *
 * Every part gets the checked articles of the plan (not the article files) and makes the same
 * archive from them (archive.ts), then builds the entries of its own pages only.
 */
import { englishNamesOf } from './research/english-names.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditReport, Official, Place } from '../contract.ts';
import { readAuditReport } from '../contract.ts';
import type { BuildCache } from '../support/cache.ts';
import { sha256OfParts } from '../support/hash.ts';
import { indexArchive } from './archive-index.ts';
import { archiveOf, checkArticles, type Archive, type Article, type CheckedArticle } from './archive.ts';
import { renderArticleBody } from './article-body.ts';
import { ArticleRenderer, type ArticleTexts, type PageBody } from './article-render.ts';
import type { Edition } from './editions.ts';
import { BODY_KINDS, noPages, PAGE_KINDS, SITE_URL_KINDS, SITEMAP_KINDS, type KindName, type SitePages } from './pages.ts';
import { EditionViews, type PageContext, type PageEntry, type PageSources } from './views.ts';
import { WrittenFiles } from './written-files.ts';
import { DEFAULT_PAGES_PER_PART, PARTS_AT_ONCE, RENDERING_CODE } from './parts.ts';
import { sitemapSpecs } from '../../templates/sitemap.page.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The kinds made from the whole archive, written by the final part. */
const WHOLE_ARCHIVE_KINDS: readonly KindName[] = ['archiveJson', 'archiveCsv', 'feeds', 'sitemaps', 'sitemapIndex', 'robots', 'headers'];

/** Up to this many pages to write, one part does it all (starting a process costs more than it saves). */
const ONE_PART_UP_TO = 600;

export interface PlannedPage {
  kind: KindName;
  spec: unknown;
}

export interface PlannedPart {
  pages: PlannedPage[];
  /** It renders article bodies (the final part waits for every such part). */
  rendersBodies: boolean;
  /** The final part: whole-archive files, raw captures, search index. */
  final: boolean;
}

/** What a part is given (written to a file for the parts run as processes of their own). */
export interface SitePlan {
  contentDir: string;
  /** The articles checked, in the archive's order; officials and places: every part makes the same archive from them. */
  articles: CheckedArticle[];
  officials: Official[];
  places: Place[];
  parts: PlannedPart[];
}

export interface PlanOptions {
  contentDir: string;
  outputDir: string;
  cache: BuildCache;
  /** The site's URL; without one, the kinds made of absolute URLs are left out. */
  origin: string | undefined;
  pathPrefix: string;
  /** The repository root, against which front matter's repo paths are resolved. */
  rootDir?: string;
  pagesPerPart?: number;
}

export interface PlannedBuild {
  plan: SitePlan;
  archive: Archive;
  /** `<file>: <reason>` for each article file, report or capture left out. */
  problems: string[];
  written: WrittenFiles;
  /** Pages and files of the site in all, and of them to write now. */
  pages: number;
  toWrite: number;
}

/**
 * The about page's text, rendered like an article body: templates/_includes/about.md for the
 * Chinese editions, about.en.md (written for a researcher who reads no Chinese) for the English one.
 */
function aboutHtml(): Record<Edition, string> {
  const render = (file: string) => renderArticleBody(readFileSync(path.join(REPO_ROOT, 'templates', '_includes', file), 'utf8')).html;
  const chinese = render('about.md');
  return { 'zh-Hans': chinese['zh-Hans'], 'zh-Hant': chinese['zh-Hant'], en: render('about.en.md').en };
}

/** Stand-ins for bodies and reports that note which files a page was made from. */
class Dependencies implements PageSources {
  used: string[] = [];
  private aboutText: Record<Edition, string> | undefined;

  body(article: Article): PageBody {
    this.used.push(`body ${article.sha256}`);
    return { sourceSha256: article.sha256, html: { 'zh-Hans': '', 'zh-Hant': '', en: '' }, headings: [], missingPhotos: 0, plainTextLength: 0, leads: { 'zh-Hans': '', 'zh-Hant': '' } };
  }

  texts(article: Article): ArticleTexts {
    this.used.push(`texts ${article.sha256}`);
    return { sourceSha256: article.sha256, plainText: '', traditionalText: '', missingPhotos: 0, scriptTally: {} };
  }

  report(article: Article): AuditReport {
    this.used.push(`report ${article.reportSha256}`);
    return { slug: article.slug, article: '', captures: [] };
  }

  about(): Record<Edition, string> {
    // Part of the templates, whose code every key depends on already.
    this.aboutText ??= aboutHtml();
    return this.aboutText;
  }
}

/** The real bodies and reports, for the entries a part renders. */
export class ArchiveSources implements PageSources {
  private readonly renderer: ArticleRenderer;
  private aboutText: Record<Edition, string> | undefined;

  constructor(cache: BuildCache) {
    this.renderer = new ArticleRenderer(cache);
  }

  body(article: Article): PageBody {
    return this.renderer.body(article);
  }

  texts(article: Article): ArticleTexts {
    return this.renderer.textsOf(article);
  }

  report(article: Article): AuditReport {
    return readAuditReport(JSON.parse(readFileSync(article.reportFile!, 'utf8')), article.reportFile!);
  }

  about(): Record<Edition, string> {
    this.aboutText ??= aboutHtml();
    return this.aboutText;
  }
}

export function pageContext(archive: Archive, sources: PageSources): PageContext {
  const views = new Map<Edition, EditionViews>();
  return {
    archive,
    sources,
    views: (edition) => {
      let found = views.get(edition);
      if (!found) views.set(edition, (found = new EditionViews(edition, archive)));
      return found;
    },
  };
}

/** The interface text is the same object on every page of an edition and follows from the code: it is not hashed. */
const withoutInterfaceText = (key: string, value: unknown) => (key === 'ui' ? undefined : value);

/** Plans a build of `contentDir` into `outputDir`: reads the archive index, checks it, and splits the pages to write into parts. */
export function planSite(options: PlanOptions): PlannedBuild {
  const index = indexArchive(options.contentDir, options.cache);
  const checked = checkArticles(index, options.contentDir, options.rootDir);
  const archive = archiveOf(checked.articles, index.officials, index.places, englishNamesOf(options.contentDir));
  const written = WrittenFiles.open(options.cache, { outputDir: options.outputDir, code: RENDERING_CODE, origin: options.origin, pathPrefix: options.pathPrefix });

  const dependencies = new Dependencies();
  const context = pageContext(archive, dependencies);
  const all: (PlannedPage & { files: string[]; key: string })[] = [];
  // What the sitemap needs of the pages it lists, kind by kind.
  const listed = new Map<KindName, Pick<PageEntry, 'edition' | 'url' | 'alternates'>[]>(SITEMAP_KINDS.map((kind) => [kind, []]));
  const plan = (kind: KindName, spec: unknown) => {
    dependencies.used = [];
    const entry = (PAGE_KINDS[kind].build as (spec: unknown, context: PageContext) => unknown)(spec, context);
    const key = sha256OfParts(kind, JSON.stringify(entry, withoutInterfaceText), ...dependencies.used);
    all.push({ kind, spec, key, files: (PAGE_KINDS[kind].files as (entry: unknown) => string[])(entry) });
    const { edition, url, alternates } = entry as PageEntry;
    listed.get(kind)?.push({ edition, url, alternates });
  };
  const kinds = (Object.keys(PAGE_KINDS) as KindName[]).filter((kind) => options.origin !== undefined || !SITE_URL_KINDS.includes(kind));
  for (const kind of kinds) {
    for (const spec of (PAGE_KINDS[kind].specs as (archive: Archive) => unknown[])(archive)) plan(kind, spec);
  }
  // The sitemap lists the pages of the other kinds; its index lists its files.
  if (kinds.includes('sitemaps')) {
    const files = sitemapSpecs([...listed.values()].flat());
    for (const file of files) plan('sitemaps', file);
    plan('sitemapIndex', { url: '/sitemap.xml', files: files.map((file) => file.url) });
  }

  const toWrite = all.filter((page) => !written.isCurrent(page.files, page.key)).map(({ kind, spec }) => ({ kind, spec }));
  return {
    plan: {
      contentDir: path.resolve(options.contentDir),
      articles: checked.articles,
      officials: index.officials,
      places: index.places,
      parts: splitIntoParts(toWrite, options.pagesPerPart ?? DEFAULT_PAGES_PER_PART),
    },
    archive,
    problems: [...index.problems, ...checked.problems],
    written,
    pages: all.length,
    toWrite: toWrite.length,
  };
}

/** The article a page of a body kind is about. */
const articleOf = (page: PlannedPage) => (page.spec as { article: number }).article;

function splitIntoParts(pages: readonly PlannedPage[], perPart: number): PlannedPart[] {
  if (pages.length <= Math.min(ONE_PART_UP_TO, perPart)) return [{ pages: [...pages], rendersBodies: true, final: true }];
  const body: PlannedPage[] = [];
  const other: PlannedPage[] = [];
  const whole: PlannedPage[] = [];
  for (const page of pages) (BODY_KINDS.includes(page.kind) ? body : WHOLE_ARCHIVE_KINDS.includes(page.kind) ? whole : other).push(page);
  // An article's pages in one part, so that its body is rendered once.
  body.sort((a, b) => articleOf(a) - articleOf(b));
  // The parts that render bodies come first, as many as keep both cores busy (a multiple of
  // PARTS_AT_ONCE); the pages without bodies then run beside the final part, which waits for the bodies.
  const bodyParts = body.length ? Math.ceil(Math.ceil(body.length / perPart) / PARTS_AT_ONCE) * PARTS_AT_ONCE : 0;
  const parts: PlannedPart[] = [];
  for (let part = 0, at = 0; part < bodyParts && at < body.length; part++) {
    let end = Math.round(((part + 1) * body.length) / bodyParts);
    while (end < body.length && articleOf(body[end]!) === articleOf(body[end - 1]!)) end++;
    parts.push({ pages: body.slice(at, end), rendersBodies: true, final: false });
    at = end;
  }
  const otherParts = Math.ceil(other.length / perPart);
  for (let part = 0; part < otherParts; part++) {
    parts.push({ pages: other.slice(Math.round((part * other.length) / otherParts), Math.round(((part + 1) * other.length) / otherParts)), rendersBodies: false, final: false });
  }
  parts.push({ pages: whole, rendersBodies: false, final: true });
  return parts;
}

/** The archive a part makes from the plan: the same as the planner's, without reading or checking the article files again. */
export function archiveOfPlan(plan: SitePlan): Archive {
  return archiveOf(plan.articles, plan.officials, plan.places, englishNamesOf(plan.contentDir));
}

/** The entries of a part's pages, built with `sources`. */
export function pagesOfPart(archive: Archive, part: PlannedPart, sources: PageSources): SitePages {
  const pages = noPages();
  const context = pageContext(archive, sources);
  for (const { kind, spec } of part.pages) {
    (pages[kind] as unknown[]).push((PAGE_KINDS[kind].build as (spec: unknown, context: PageContext) => unknown)(spec, context));
  }
  return pages;
}
