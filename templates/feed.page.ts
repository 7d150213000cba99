/**
 * The feeds of each edition (feed-atom.11ty.ts, feed-json.11ty.ts): what is new in the archive,
 * the articles by the day they joined it (`added`), newest first, with their full text; one feed
 * of the whole archive and one per province.
 */
import type { Archive, Article, Tag, TagKind } from '../src/site/archive.ts';
import { CHINESE_EDITIONS, type Script } from '../src/site/editions.ts';
import type { InterfaceText } from '../src/site/interface-text.ts';
import { excerpt, type EditionViews, type FeedLinks, type PageKind, type PageSources } from '../src/site/views.ts';

/** Entries per feed. */
export const FEED_SIZE = 50;

/** Where the browser-readable view of the Atom feeds comes from (templates/assets/feed.xsl). */
export const FEED_STYLESHEET_URL = '/assets/feed.xsl';

export interface FeedCategory {
  /** The tag's name, in the edition's script. */
  term: string;
  /** Root-relative URL of the list of tags of its kind (/tags/#kind-person): the scheme the term belongs to. */
  scheme: string;
}

export interface FeedEntry {
  title: string;
  url: string;
  /** The day (YYYY-MM-DD) the article joined the archive, else its publication or meeting day. */
  added: string;
  /** 会议日期：2021年7月28日 (or 日期不详): the first thing an entry says. */
  meetingLine: string;
  summary: string;
  contentHtml: string;
  authors: string[];
  categories: FeedCategory[];
}

export interface FeedPage extends FeedLinks {
  edition: Script;
  ui: InterfaceText;
  subtitle: string;
  /** The page of what the feed holds: the home page, or the province's tag page. */
  homeUrl: string;
  stylesheetUrl: string;
  /** The newest entry's day. */
  updated?: string;
  entries: FeedEntry[];
}

export interface FeedSpec {
  edition: Script;
  /** Position of the province among the archive's province tags; absent for the whole archive. */
  province?: number;
}

/** The day an article is new on: when it joined the archive, else (an article written before ingest recorded it) its publication or meeting day. */
function newOn(article: Article): string | undefined {
  return article.added ?? article.published ?? article.date;
}

/** Newest first by the day added, then by meeting day (the latest meeting first), then the later in the archive's order. */
export function newestFirst(articles: readonly Article[]): Article[] {
  const later = (a: string | undefined, b: string | undefined) => (a === b ? 0 : a === undefined ? 1 : b === undefined ? -1 : a < b ? 1 : -1);
  return articles.filter((article) => newOn(article)).sort((a, b) => later(newOn(a), newOn(b)) || later(a.date, b.date) || b.index - a.index);
}

function categories(article: Article, views: EditionViews): FeedCategory[] {
  const of = (kind: TagKind, names: readonly string[]) =>
    names.map((name) => ({ term: views.text(name), scheme: views.url(`/tags/#kind-${kind}`) }));
  return [...of('province', [article.province]), ...of('meeting-type', article.meetingType), ...of('person', article.people), ...of('place', article.places)];
}

function feedEntries(edition: Script, articles: readonly Article[], views: EditionViews, sources: PageSources): FeedEntry[] {
  const { ui } = views;
  return newestFirst(articles)
    .slice(0, FEED_SIZE)
    .map((article) => {
      const body = sources.body(article);
      const meetingLine = ui.format.labelled(ui.meetingDate, views.day(article.date));
      const authors = article.authors.length ? article.authors : article.publisher ? [article.publisher] : [];
      return {
        title: views.text(article.title),
        url: views.url(article.url),
        added: newOn(article)!,
        meetingLine,
        summary: excerpt(body.leads[edition], 200),
        contentHtml: body.html[edition],
        authors: authors.map((name) => views.text(name)),
        categories: categories(article, views),
      };
    });
}

function provinceTag(archive: Archive, position: number | undefined): Tag | undefined {
  return position === undefined ? undefined : archive.tags.province[position];
}

export const feeds: PageKind<FeedSpec, FeedPage> = {
  // The feeds are made in the Chinese editions only; the English edition links the Simplified ones.
  specs: (archive) => CHINESE_EDITIONS.flatMap((edition) => [{ edition }, ...archive.tags.province.map((_, province) => ({ edition, province }))]),

  build({ edition, province }, { archive, sources, views: viewsOf }) {
    const views = viewsOf(edition);
    const { ui } = views;
    const tag = provinceTag(archive, province);
    const entries = feedEntries(edition, tag ? tag.articles : archive.articles, views, sources);
    return {
      ...(tag ? views.provinceFeeds(tag) : views.archiveFeeds()),
      edition,
      ui,
      subtitle: tag ? views.text(`${ui.feedOfProvince}${tag.name}${ui.feedOfProvinceEnd}`) : ui.feedSubtitle,
      homeUrl: views.url(tag ? tag.url : '/'),
      stylesheetUrl: FEED_STYLESHEET_URL,
      // Entries come newest first: the feed last changed on the first one's day.
      updated: entries[0]?.added,
      entries,
    };
  },

  files: (feed) => [feed.atomUrl, feed.jsonUrl],
};
