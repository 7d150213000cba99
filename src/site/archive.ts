/**
 * The archive as data: every article of the index (archive-index.ts) checked once against the
 * others and the raw captures, sorted, and every tag and the timeline computed from them. Pages
 * are made from this (src/site/pages.ts); a build's parts (src/site/plan.ts) get the checked
 * articles in the plan and make the same archive from them without checking again.
 */
import { parseEnglishNames, type EnglishNames } from './research/english-names.ts';
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { ContractError, type ArticleFrontMatter, type Official, type Place } from '../contract.ts';
import type { ArchiveIndex } from './archive-index.ts';
import { assignSlugs } from './tag-slug.ts';
import { publishedRawNames, quoteName } from '../support/raw-names.ts';

export interface RawFile {
  /** Repository path as written in front matter. */
  repoPath: string;
  /** The file itself, resolved: inside a raw captures folder (see checkArticles). */
  absolute: string;
  /** File name of the copy under /raw/ (src/support/raw-names.ts). */
  name: string;
  /** Site path of the copy, URL-encoded: `/raw/<name>`. */
  url: string;
  sha256: string;
  encoding: string;
  site?: string;
  bytes: number;
}

/** An article file as a build knows it once checked: its front matter, URL, files and raw captures. */
export interface CheckedArticle extends ArticleFrontMatter {
  /** `/yyyy/mm/dd/slug/` */
  url: string;
  /** The article file (absolute), and the SHA-256 of its bytes, from which its body is rendered. */
  file: string;
  sha256: string;
  /** Its audit report (content/reports/<slug>.json) and the report's SHA-256, when it has a report page. */
  reportFile?: string;
  reportSha256?: string;
  rawFiles: RawFile[];
}

export interface Article extends CheckedArticle {
  reportUrl: string;
  /** Position in chronological order, for previous/next. */
  index: number;
}

export const TAG_KINDS = ['province', 'person', 'place', 'meeting-type'] as const;
export type TagKind = (typeof TAG_KINDS)[number];

export interface Tag {
  kind: TagKind;
  name: string;
  slug: string;
  url: string;
  /** The articles that carry the tag; chronological. */
  articles: Article[];
  /**
   * What the tag's page lists: its articles and, for a province or a prefecture, also those that
   * name a place within it, each once; chronological.
   */
  listed: ListedArticle[];
  official?: Official;
  place?: TagPlace;
}

/** An article as a province's or a prefecture's page lists it. */
export interface ListedArticle {
  article: Article;
  /** Whether the article carries the tag itself, rather than being listed for a place within. */
  tagged: boolean;
  /** The places within the tag's place that the article names (a prefecture's counties), in the article's order. */
  within: string[];
}

/** What a place tag page says of the place: from places.yaml, else from its articles' placePaths. */
export interface TagPlace {
  name: string;
  aliases: string[];
  province?: string;
  parent?: string;
  level?: Place['level'];
}

export interface MonthOfYear {
  month: number;
  /** Chronological. */
  articles: Article[];
}

export interface YearOfArchive {
  year: number;
  url: string;
  months: MonthOfYear[];
  count: number;
}

export interface Archive {
  /** Chronological: oldest meeting first, then the undated articles by slug. */
  articles: Article[];
  /** The articles whose dates could not be read (listed under 日期不详, /undated/), by slug. */
  undated: Article[];
  tags: Record<TagKind, Tag[]>;
  /** Lookup by kind then name. */
  tagByName: Record<TagKind, Map<string, Tag>>;
  years: YearOfArchive[];
  rawFiles: RawFile[];
  /** How the English edition names tags (content/data/english.yaml). */
  english: EnglishNames;
}

/** Where the undated articles are listed; an undated article's page is `/undated/<slug>/`. */
export const UNDATED_URL = '/undated/';

export function articleUrl(front: Pick<ArticleFrontMatter, 'date' | 'slug'>): string {
  if (!front.date) return `${UNDATED_URL}${front.slug}/`;
  const [year, month, day] = front.date.split('-');
  return `/${year}/${month}/${day}/${front.slug}/`;
}

/** Where a copy published under `name` is served (the name as publishedRawName made it). */
export function rawFileUrl(name: string): string {
  return `/raw/${encodeURIComponent(name)}`;
}

/** By meeting day, then publication day, then slug; what has no day comes after what has one. */
export function chronological(a: ArticleFrontMatter, b: ArticleFrontMatter): number {
  return compareDay(a.date, b.date) || compareDay(a.published, b.published) || compare(a.slug, b.slug);
}

function compareDay(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return compare(a, b);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The articles of the index that the site can publish, in chronological order, each with its
 * raw captures resolved and named as published; `problems` says in one line each what was left
 * out (an article whose URL another one has, whose raw capture is missing or not in a raw
 * captures folder). `rootDir` is the repository root, against which front matter's repo paths
 * (`raw`) are resolved: the site publishes only captures inside `<contentDir>/raw/` or
 * `<rootDir>/content/raw/`.
 */
export function checkArticles(index: ArchiveIndex, contentDir: string, rootDir = process.cwd()): { articles: CheckedArticle[]; problems: string[] } {
  const problems: string[] = [];
  const sorted = [...index.articles].sort((a, b) => chronological(a.front, b.front));
  const rawFolders = [...new Set([path.join(contentDir, 'raw'), path.join(rootDir, 'content', 'raw')].map(realFolder).filter((folder): folder is string => Boolean(folder)))];
  const seenUrls = new Map<string, string>();
  const rawByPath = new Map<string, Omit<RawFile, 'name' | 'url'>>();
  const accepted = sorted.flatMap((indexed) => {
    const { front, file: source } = indexed;
    try {
      const url = articleUrl(front);
      const clash = seenUrls.get(url);
      if (clash) throw new ContractError(source, `same URL ${url} as ${clash}`);
      const rawFiles = front.captures.map((capture) => {
        const known = rawByPath.get(capture.raw);
        if (known) return known;
        const absolute = rawCapture(capture.raw, rootDir, rawFolders, source);
        return { repoPath: capture.raw, absolute, sha256: capture.rawSha256, encoding: capture.encoding, ...(capture.site ? { site: capture.site } : {}), bytes: statSync(absolute).size };
      });
      seenUrls.set(url, source);
      for (const file of rawFiles) rawByPath.set(file.repoPath, file);
      return [{ indexed, url, rawFiles }];
    } catch (error) {
      if (!(error instanceof ContractError)) throw error;
      problems.push(`${quoteName(source)}: ${error.reason}`);
      return [];
    }
  });
  // Published names depend on the names alone (raw-names.ts), so a capture's copy never moves.
  const names = publishedRawNames([...rawByPath.values()].map((file) => ({ key: file.absolute, fileName: path.basename(file.repoPath) })));
  const published = new Map([...rawByPath].map(([repoPath, file]) => {
    const name = names.get(file.absolute)!;
    return [repoPath, { ...file, name, url: rawFileUrl(name) } satisfies RawFile];
  }));
  const articles = accepted.map(({ indexed, url, rawFiles }): CheckedArticle => ({
    ...indexed.front,
    url,
    file: indexed.file,
    sha256: indexed.sha256,
    ...(indexed.report ? { reportFile: indexed.report.file, reportSha256: indexed.report.sha256 } : {}),
    rawFiles: rawFiles.map((file) => published.get(file.repoPath)!),
  }));
  return { articles, problems };
}

/** The archive made of checked articles (in chronological order, as checkArticles gives them) and the data folder's officials and places. */
export function archiveOf(checked: readonly CheckedArticle[], officials: readonly Official[], places: readonly Place[], english: EnglishNames = parseEnglishNames({}, 'english.yaml')): Archive {
  const articles: Article[] = checked.map((article, index) => ({ ...article, reportUrl: `${article.url}report/`, index }));
  const rawFiles = new Map<string, RawFile>();
  for (const article of articles) for (const file of article.rawFiles) rawFiles.set(file.repoPath, file);
  const { tags, tagByName } = collectTags(articles, officials, places);
  return {
    articles,
    undated: articles.filter((article) => !article.date),
    tags,
    tagByName,
    years: collectYears(articles),
    rawFiles: [...rawFiles.values()],
    english,
  };
}

function realFolder(folder: string): string | undefined {
  try {
    return realpathSync(folder);
  } catch {
    return undefined;
  }
}

/**
 * The file a front matter's `raw` names, resolved through any symbolic link: only a regular file
 * inside a raw captures folder is a capture the site may publish (`raw: ../../etc/passwd` is not).
 */
function rawCapture(raw: string, rootDir: string, rawFolders: string[], source: string): string {
  let real: string;
  try {
    real = realpathSync(path.resolve(rootDir, raw));
  } catch {
    throw new ContractError(source, `raw capture ${quoteName(raw)} does not exist`);
  }
  const inside = rawFolders.some((folder) => {
    const rest = path.relative(folder, real);
    return rest !== '' && rest !== '..' && !rest.startsWith(`..${path.sep}`) && !path.isAbsolute(rest);
  });
  if (!inside) throw new ContractError(source, `raw capture ${quoteName(raw)} is not in the raw captures folder; not published`);
  if (!statSync(real).isFile()) throw new ContractError(source, `raw capture ${quoteName(raw)} is not a regular file; not published`);
  return real;
}

const TAG_NAMES: Record<TagKind, (article: Article) => string[]> = {
  province: (article) => [article.province],
  person: (article) => article.people,
  place: (article) => article.places,
  'meeting-type': (article) => article.meetingType,
};

export function collectTags(
  articles: readonly Article[],
  officials: readonly Official[],
  places: readonly Place[],
): Pick<Archive, 'tags' | 'tagByName'> {
  const officialByName = new Map(officials.map((official) => [official.name, official]));
  // Places of the national gazetteer are not in places.yaml: their articles give their path
  // (province/prefecture/county); places.yaml adds aliases and what the path does not say.
  const placeByName = new Map<string, TagPlace>();
  for (const article of articles) {
    article.placePaths?.forEach((path, index) => {
      const name = article.places[index];
      const parts = path.split('/');
      if (!name || placeByName.has(name) || parts.at(-1) !== name) return;
      placeByName.set(name, { name, aliases: [], province: parts[0], parent: parts.length > 2 ? parts.at(-2) : undefined, level: parts.length > 2 ? 'county' : undefined });
    });
  }
  for (const place of places) {
    const known = placeByName.get(place.name);
    placeByName.set(place.name, known ? { ...known, ...Object.fromEntries(Object.entries(place).filter(([, value]) => value !== undefined)), aliases: place.aliases } : place);
  }
  const within = placesWithin(articles);
  const tags = {} as Record<TagKind, Tag[]>;
  const tagByName = {} as Record<TagKind, Map<string, Tag>>;

  for (const kind of TAG_KINDS) {
    const members = new Map<string, Article[]>();
    for (const article of articles) {
      for (const name of new Set(TAG_NAMES[kind](article))) {
        const list = members.get(name);
        if (list) list.push(article);
        else members.set(name, [article]);
      }
    }
    const slugs = assignSlugs(members.keys());
    const list: Tag[] = [...members].map(([name, tagged]) => {
      const slug = slugs.get(name) ?? name;
      const place = kind === 'place' ? placeByName.get(name) : undefined;
      return {
        kind,
        name,
        slug,
        url: `/tags/${kind}/${slug}/`,
        articles: tagged,
        listed: listedArticles(tagged, kind === 'province' || (kind === 'place' && place?.level !== 'county') ? (within.get(`${kind === 'province' ? '' : `${place?.province}/`}${name}`) ?? new Map()) : new Map()),
        official: kind === 'person' ? officialByName.get(name) : undefined,
        place,
      };
    });
    // Most-listed first, then by pinyin so the order reads naturally and is stable.
    list.sort((a, b) => b.listed.length - a.listed.length || compare(a.slug, b.slug));
    tags[kind] = list;
    tagByName[kind] = new Map(list.map((tag) => [tag.name, tag]));
  }
  return { tags, tagByName };
}

/**
 * For each province (`湖南`) and prefecture (`湖南/株洲`), the articles that name a place within
 * it, with those places: read from each article's placePaths, so that a prefecture's name shared
 * with another province's place is never confused with it.
 */
function placesWithin(articles: readonly Article[]): Map<string, Map<Article, string[]>> {
  const within = new Map<string, Map<Article, string[]>>();
  for (const article of articles) {
    for (const placePath of article.placePaths ?? []) {
      const parts = placePath.split('/');
      const place = parts.at(-1)!;
      for (let depth = 1; depth < parts.length; depth++) {
        const ancestor = parts.slice(0, depth).join('/');
        const byArticle = within.get(ancestor) ?? new Map<Article, string[]>();
        within.set(ancestor, byArticle);
        const names = byArticle.get(article) ?? [];
        if (!names.includes(place)) names.push(place);
        byArticle.set(article, names);
      }
    }
  }
  return within;
}

/** A tag's articles and those listed for a place within it, each once, in the archive's order. */
function listedArticles(tagged: readonly Article[], within: ReadonlyMap<Article, string[]>): ListedArticle[] {
  const own = new Set(tagged);
  return [...new Set([...tagged, ...within.keys()])]
    .sort((a, b) => a.index - b.index)
    .map((article) => ({ article, tagged: own.has(article), within: within.get(article) ?? [] }));
}

export function collectYears(articles: readonly Article[]): YearOfArchive[] {
  const years = new Map<number, Map<number, Article[]>>();
  for (const article of articles) {
    if (!article.date) continue;
    const year = Number(article.date.slice(0, 4));
    const month = Number(article.date.slice(5, 7));
    const months = years.get(year) ?? new Map<number, Article[]>();
    years.set(year, months);
    const list = months.get(month);
    if (list) list.push(article);
    else months.set(month, [article]);
  }
  return [...years]
    .sort(([a], [b]) => a - b)
    .map(([year, months]) => ({
      year,
      url: `/${year}/`,
      months: [...months].sort(([a], [b]) => a - b).map(([month, list]) => ({ month, articles: list })),
      count: [...months.values()].reduce((sum, list) => sum + list.length, 0),
    }));
}
