/**
 * The archive as data: every article read, rendered and sorted once, every tag and the
 * timeline computed from that single pass. Templates only ever walk what is prepared here.
 */
import { readFileSync, readdirSync, existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { ContractError, loadOfficials, loadPlaces, readAuditReport as readReport, type ArticleFrontMatter, type AuditReport, type Official, type Place } from '../contract.ts';
import type { ArticleBody } from './article-body.ts';
import type { Edition } from './editions.ts';
import { assignSlugs } from './tag-slug.ts';
import { loadRenderedArticle } from './rendered-article.ts';
import { BuildCache } from '../support/cache.ts';
import { ScriptTallySum, type ScriptMap } from './search-script-map.ts';
import { publishedRawNames, quoteName } from '../support/raw-names.ts';

export interface RawFile {
  /** Repository path as written in front matter. */
  repoPath: string;
  /** The file itself, resolved: inside a raw captures folder (see loadArchive). */
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

export interface Article extends ArticleFrontMatter {
  /** `/yyyy/mm/dd/slug/` */
  url: string;
  reportUrl: string;
  body: ArchivedBody;
  /**
   * The article's audit report (content/reports/<slug>.json), when it has one: read when its
   * page is made (readAuditReport), since only that page shows it.
   */
  reportFile?: string;
  rawFiles: RawFile[];
  /** Position in chronological order, for previous/next. */
  index: number;
}

/**
 * What the site keeps of a rendered body (article-body.ts) while it builds: the HTML of both
 * editions, and the plain text of both: the Simplified one for downloads and search, the
 * Traditional one for the search index's excerpts, which must be the build's own conversion
 * (src/site/search/), and the leads of both, all that descriptions and feed summaries quote.
 */
export interface ArchivedBody {
  /** SHA-256 of the article file: with the site's code, it decides everything here. */
  sourceSha256: string;
  html: Record<Edition, string>;
  headings: ArticleBody['headings'];
  missingPhotos: number;
  /** Simplified plain text, paragraphs separated by blank lines. */
  plainText: string;
  /** The same in the Traditional edition's script, as the build converted it. */
  traditionalText: string;
  /** The start of the plain text of each edition, whitespace runs made one space: LEAD_LENGTH characters or fewer. */
  leads: Record<Edition, string>;
}

/** One more than the longest excerpt the site quotes (pages.ts), so that an excerpt can tell the text went on. */
export const LEAD_LENGTH = 201;

export function leadOf(text: string): string {
  const lead = text.replace(/\s+/g, ' ').trim().slice(0, LEAD_LENGTH);
  // A slice shares its memory with the whole string, which would keep the whole text alive.
  return Buffer.from(lead, 'utf8').toString('utf8');
}

function archivedBody(body: ArticleBody, sourceSha256: string): ArchivedBody {
  return {
    sourceSha256,
    html: body.html,
    headings: body.headings,
    missingPhotos: body.missingPhotos,
    plainText: body.plainText['zh-Hans'],
    traditionalText: body.plainText['zh-Hant'],
    leads: { 'zh-Hans': leadOf(body.plainText['zh-Hans']), 'zh-Hant': leadOf(body.plainText['zh-Hant']) },
  };
}

/** An article's audit report, from its `reportFile`. */
export function readAuditReport(reportFile: string): AuditReport {
  return readReport(JSON.parse(readFileSync(reportFile, 'utf8')), reportFile);
}

export const TAG_KINDS = ['province', 'person', 'place', 'meeting-type'] as const;
export type TagKind = (typeof TAG_KINDS)[number];

export interface Tag {
  kind: TagKind;
  name: string;
  slug: string;
  url: string;
  /** Chronological. */
  articles: Article[];
  official?: Official;
  place?: TagPlace;
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
  /** The characters that differ between the editions, for converting search queries (search-script-map.ts). */
  scriptMap: ScriptMap;
  /**
   * `<file>: <reason>` for each article file left out of the site (a front matter the site cannot
   * use, a raw capture that is missing or not in a raw captures folder): the build goes on with the
   * others, prints these and fails at the end.
   */
  problems: string[];
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

export interface LoadOptions {
  contentDir: string;
  /**
   * Repository root, against which front matter's repo paths (`raw`) are resolved. The site
   * publishes only captures inside `<contentDir>/raw/` or `<rootDir>/content/raw/`.
   */
  rootDir?: string;
  /** Where rendered articles are kept between builds; none by default. */
  cache?: BuildCache;
}

export function loadArchive({ contentDir, rootDir = process.cwd(), cache = new BuildCache(undefined) }: LoadOptions): Archive {
  const articlesDir = path.join(contentDir, 'articles');
  if (!existsSync(articlesDir)) throw new Error(`No articles folder at ${articlesDir} (set ARCHIVE_CONTENT_DIR?)`);
  const files = readdirSync(articlesDir)
    .filter((name) => name.endsWith('.md'))
    .sort();

  const problems: string[] = [];
  const reject = (error: unknown, source: string) => {
    if (!(error instanceof ContractError)) throw error;
    problems.push(error.message.startsWith(source) ? `${quoteName(source)}${error.message.slice(source.length)}` : error.message);
  };

  // The script map is summed as the articles are read, so that no article keeps its tally.
  const tallies = new ScriptTallySum();
  const fronts = files.flatMap((name) => {
    const source = path.join(articlesDir, name);
    try {
      const { front, body, scriptTally, sourceSha256 } = loadRenderedArticle(readFileSync(source), source, cache);
      tallies.add(scriptTally);
      return [{ front, body: archivedBody(body, sourceSha256), source }];
    } catch (error) {
      reject(error, source);
      return [];
    }
  });
  fronts.sort((a, b) => chronological(a.front, b.front));

  const rawFolders = [...new Set([path.join(contentDir, 'raw'), path.join(rootDir, 'content', 'raw')].map(realFolder).filter((folder): folder is string => Boolean(folder)))];
  const seenUrls = new Map<string, string>();
  const rawByPath = new Map<string, Omit<RawFile, 'name' | 'url'>>();
  const accepted = fronts.flatMap(({ front, body, source }) => {
    try {
      const url = articleUrl(front);
      const clash = seenUrls.get(url);
      if (clash) throw new ContractError(source, `same URL ${url} as ${clash}`);
      const rawFiles = front.captures.map((capture) => {
        const known = rawByPath.get(capture.raw);
        if (known) return known;
        const file = { repoPath: capture.raw, absolute: rawCapture(capture.raw, rootDir, rawFolders, source), sha256: capture.rawSha256, encoding: capture.encoding, site: capture.site, bytes: 0 };
        file.bytes = statSync(file.absolute).size;
        return file;
      });
      seenUrls.set(url, source);
      for (const file of rawFiles) rawByPath.set(file.repoPath, file);
      return [{ front, body, source, url, rawFiles }];
    } catch (error) {
      reject(error, source);
      return [];
    }
  });
  const scriptMap = tallies.map();

  // Published names depend on the names alone (raw-names.ts), so a capture's copy never moves.
  const names = publishedRawNames([...rawByPath.values()].map((file) => ({ key: file.absolute, fileName: path.basename(file.repoPath) })));
  const published = new Map([...rawByPath].map(([repoPath, file]) => {
    const name = names.get(file.absolute)!;
    return [repoPath, { ...file, name, url: rawFileUrl(name) } satisfies RawFile];
  }));
  const articles: Article[] = accepted.map(({ front, body, url, rawFiles }, index) => {
    // Reports live beside the articles by contract; the front matter path is the repo path.
    const reportFile = path.join(contentDir, 'reports', `${front.slug}.json`);
    return {
      ...front,
      url,
      reportUrl: `${url}report/`,
      body,
      ...(existsSync(reportFile) ? { reportFile } : {}),
      rawFiles: rawFiles.map((file) => published.get(file.repoPath)!),
      index,
    };
  });

  const officialsFile = path.join(contentDir, 'data', 'officials.yaml');
  const placesFile = path.join(contentDir, 'data', 'places.yaml');
  const officials = existsSync(officialsFile) ? loadOfficials(officialsFile) : [];
  const places = existsSync(placesFile) ? loadPlaces(placesFile) : [];

  const { tags, tagByName } = collectTags(articles, officials, places);
  return {
    articles,
    undated: articles.filter((article) => !article.date),
    tags,
    tagByName,
    years: collectYears(articles),
    rawFiles: [...published.values()],
    scriptMap,
    problems,
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
  articles: Article[],
  officials: Official[],
  places: Place[],
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
      return {
        kind,
        name,
        slug,
        url: `/tags/${kind}/${slug}/`,
        articles: tagged,
        official: kind === 'person' ? officialByName.get(name) : undefined,
        place: kind === 'place' ? placeByName.get(name) : undefined,
      };
    });
    // Most-used first, then by pinyin so the order reads naturally and is stable.
    list.sort((a, b) => b.articles.length - a.articles.length || compare(a.slug, b.slug));
    tags[kind] = list;
    tagByName[kind] = new Map(list.map((tag) => [tag.name, tag]));
  }
  return { tags, tagByName };
}

export function collectYears(articles: Article[]): YearOfArchive[] {
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
