/**
 * The feeds of each edition (feed-atom.11ty.ts, feed-json.11ty.ts): the latest articles by
 * publication day, with their full text.
 */
import type { Article } from '../src/site/archive.ts';
import { beijingDate } from '../src/site/dates.ts';
import { CHINESE_EDITIONS, type Script } from '../src/site/editions.ts';
import type { InterfaceText } from '../src/site/interface-text.ts';
import { excerpt, type PageKind } from '../src/site/views.ts';

/** Entries per feed. */
export const FEED_SIZE = 50;

export interface FeedEntry {
  title: string;
  url: string;
  published: Date;
  summary: string;
  contentHtml: string;
}

export interface FeedPage {
  edition: Script;
  ui: InterfaceText;
  title: string;
  homeUrl: string;
  atomUrl: string;
  jsonUrl: string;
  updated?: Date;
  entries: FeedEntry[];
}

export const feeds: PageKind<{ edition: Script }, FeedPage> = {
  // The feeds are made in the Chinese editions only; the English edition points to the Simplified ones.
  specs: () => CHINESE_EDITIONS.map((edition) => ({ edition })),

  build({ edition }, { archive, sources, views: viewsOf }) {
    const views = viewsOf(edition);
    const { ui } = views;
    // Feeds follow publication (or the meeting, for an article without a publication day), newest
    // first, and stop at FEED_SIZE entries; an article with neither day has no place in a feed.
    const day = (article: Article) => article.published ?? article.date;
    const latest = archive.articles
      .filter((article) => day(article))
      .sort((a, b) => (day(a)! < day(b)! ? 1 : day(a)! > day(b)! ? -1 : b.index - a.index))
      .slice(0, FEED_SIZE);
    return {
      edition,
      ui,
      title: ui.siteName,
      homeUrl: views.url('/'),
      atomUrl: views.url('/feed.xml'),
      jsonUrl: views.url('/feed.json'),
      updated: latest[0] && beijingDate(day(latest[0])!),
      entries: latest.map((article) => {
        const body = sources.body(article);
        return {
          title: views.text(article.title),
          url: views.url(article.url),
          published: beijingDate(day(article)!),
          summary: excerpt(body.leads[edition], 200),
          contentHtml: body.html[edition],
        };
      }),
    };
  },

  files: (feed) => [feed.atomUrl, feed.jsonUrl],
};
