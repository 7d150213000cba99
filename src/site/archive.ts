/**
 * The archive as data: every article read, rendered and sorted once, every tag and the
 * timeline computed from that single pass. Templates only ever walk what is prepared here.
 */
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import {
  parseReport,
  parseOfficials,
  parsePlaces,
  ContractError,
  type ArticleFrontMatter,
  type AuditReport,
  type Official,
  type Place,
} from './contract.ts';
import type { ArticleBody } from './article-body.ts';
import { assignSlugs } from './tag-slug.ts';
import { loadRenderedArticle } from './rendered-article.ts';
import { BuildCache } from './build-cache.ts';
import type { ScriptTally } from './search-script-map.ts';

export interface RawFile {
  /** Repository path as written in front matter. */
  repoPath: string;
  /** Site path of the copy. */
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
  body: ArticleBody;
  /** This article's share of the search script map (search-script-map.ts). */
  scriptTally: ScriptTally;
  auditReport?: AuditReport;
  rawFiles: RawFile[];
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
  /** Chronological. */
  articles: Article[];
  official?: Official;
  place?: Place;
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
  /** Chronological: oldest meeting first. */
  articles: Article[];
  tags: Record<TagKind, Tag[]>;
  /** Lookup by kind then name. */
  tagByName: Record<TagKind, Map<string, Tag>>;
  years: YearOfArchive[];
  rawFiles: RawFile[];
}

export function articleUrl(front: Pick<ArticleFrontMatter, 'date' | 'slug'>): string {
  const [year, month, day] = front.date.split('-');
  return `/${year}/${month}/${day}/${front.slug}/`;
}

/**
 * Where a raw capture is published. A capture saved as .html (or anything but .txt) gets .txt
 * appended: served under its own name it would be a page, and its scripts would run.
 */
export function rawFileUrl(repoPath: string): string {
  const name = path.basename(repoPath);
  return `/raw/${name.toLowerCase().endsWith('.txt') ? name : `${name}.txt`}`;
}

export function chronological(a: ArticleFrontMatter, b: ArticleFrontMatter): number {
  return compare(a.date, b.date) || compare(a.published, b.published) || compare(a.slug, b.slug);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function readYamlList(file: string): unknown {
  return existsSync(file) ? YAML.parse(readFileSync(file, 'utf8')) : [];
}

export interface LoadOptions {
  contentDir: string;
  /** Repository root, against which front matter's repo paths (`raw`) are resolved. */
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

  const fronts = files.map((name) => {
    const source = path.join(articlesDir, name);
    return { ...loadRenderedArticle(readFileSync(source), source, cache), source };
  });
  fronts.sort((a, b) => chronological(a.front, b.front));

  const seenUrls = new Map<string, string>();
  const rawByPath = new Map<string, RawFile>();
  const articles: Article[] = fronts.map(({ front, body, scriptTally, source }, index) => {
    const url = articleUrl(front);
    const clash = seenUrls.get(url);
    if (clash) throw new ContractError(source, `same URL ${url} as ${clash}`);
    seenUrls.set(url, source);

    const rawFiles = front.captures.map((capture) => {
      const known = rawByPath.get(capture.raw);
      if (known) return known;
      const onDisk = path.resolve(rootDir, capture.raw);
      if (!existsSync(onDisk)) throw new ContractError(source, `raw capture ${capture.raw} does not exist`);
      const file: RawFile = {
        repoPath: capture.raw,
        url: rawFileUrl(capture.raw),
        sha256: capture.rawSha256,
        encoding: capture.encoding,
        site: capture.site,
        bytes: statSync(onDisk).size,
      };
      rawByPath.set(capture.raw, file);
      return file;
    });

    // Reports live beside the articles by contract; the front matter path is the repo path.
    const reportFile = path.join(contentDir, 'reports', `${front.slug}.json`);
    const auditReport = existsSync(reportFile)
      ? parseReport(JSON.parse(readFileSync(reportFile, 'utf8')), reportFile)
      : undefined;

    return { ...front, url, reportUrl: `${url}report/`, body, scriptTally, auditReport, rawFiles, index };
  });

  const officials = parseOfficials(readYamlList(path.join(contentDir, 'data', 'officials.yaml')));
  const places = parsePlaces(readYamlList(path.join(contentDir, 'data', 'places.yaml')));

  const { tags, tagByName } = collectTags(articles, officials, places);
  return { articles, tags, tagByName, years: collectYears(articles), rawFiles: [...rawByPath.values()] };
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
  const placeByName = new Map(places.map((place) => [place.name, place]));
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
