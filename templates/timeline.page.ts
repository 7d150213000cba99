/**
 * The pages that list the archive in time: the home page (index.11ty.ts: the chart of meetings
 * per month, the timeline by year and month, the most used tags, downloads), each year month by
 * month (year.11ty.ts), each month (month.11ty.ts: /2020/02/, where the chart's bars lead, and
 * the folder of the month's article URLs) and the articles whose dates could not be read
 * (undated.11ty.ts), long lists split into pages.
 */
import { TAG_KINDS, UNDATED_URL, type Article, type TagKind } from '../src/site/archive.ts';
import { EDITIONS, type Edition } from '../src/site/editions.ts';
import { chartLabels, PROVINCE_COLOURS, timelineChart } from '../src/site/research/timeline-chart.ts';
import {
  chunk,
  entry,
  KIND_LABEL,
  PAGE_SIZE,
  pagedPath,
  pager,
  type ArticleSummary,
  type CountedLink,
  type MonthGroup,
  type PageEntry,
  type PageKind,
  type Pager,
} from '../src/site/views.ts';

/** Articles listed per month on the home page before pointing to the year page. */
export const HOME_MONTH_LIMIT = 10;
/** Tags per kind shown on the home page. */
export const HOME_TAG_LIMIT = 12;

export interface HomeYear {
  year: number;
  url: string;
  count: number;
  months: (MonthGroup & { url: string; more: number; moreUrl: string })[];
}

/** The chart of meetings per month and its table of the same numbers, markup made by timeline-chart.ts. */
export interface HomeChart {
  svg: string;
  table: string;
}

export interface HomePage extends PageEntry {
  articleCount: number;
  firstDateLabel?: string;
  lastDateLabel?: string;
  timeline: HomeYear[];
  /** Absent when no article is dated. */
  chart?: HomeChart;
  /** The list of undated articles, when the archive has any. */
  undated?: CountedLink;
  tagKinds: { kind: TagKind; label: string; tags: CountedLink[]; total: number }[];
}

export interface YearPage extends PageEntry {
  year: number;
  count: number;
  months: (MonthGroup & { url: string })[];
  years: (CountedLink & { current: boolean })[];
  /** The list of undated articles, when the archive has any. */
  undated?: CountedLink;
  pager: Pager;
}

/** One month's articles, in pages (/2020/02/, /2020/02/page/2/ …). */
export interface MonthPage extends PageEntry {
  heading: string;
  count: number;
  articles: ArticleSummary[];
  year: CountedLink;
  pager: Pager;
}

/** The URL of a month's page, /yyyy/mm/, under the URL of its year. */
export function monthUrl(yearUrl: string, month: number): string {
  return `${yearUrl}${String(month).padStart(2, '0')}/`;
}

/** The articles whose dates could not be read, in pages (/undated/, /undated/page/2/ …). */
export interface UndatedPage extends PageEntry {
  count: number;
  articles: ArticleSummary[];
  pager: Pager;
}

export const home: PageKind<{ edition: Edition }, HomePage> = {
  specs: () => EDITIONS.map((edition) => ({ edition })),

  build({ edition }, { archive, views: viewsOf }) {
    const views = viewsOf(edition);
    const { ui } = views;
    const dated = archive.articles.filter((article) => article.date);
    const first = dated[0];
    const last = dated.at(-1);
    // Provinces with a colour of their own; the chart stacks the rest as one band.
    const series = Object.entries(PROVINCE_COLOURS)
      .filter(([province]) => dated.some((article) => article.province === province))
      .map(([province, colour]) => ({ province, label: views.tagName('province', province), colour }));
    const chart = timelineChart({
      meetings: dated.map((article) => ({ date: article.date!, province: article.province })),
      series,
      monthUrl: (year, month) => views.url(monthUrl(`/${year}/`, month)),
      labels: chartLabels(ui),
    });
    return {
      ...entry(edition, '/', { section: 'home', title: ui.siteName, description: ui.homeIntro }),
      articleCount: archive.articles.length,
      firstDateLabel: first && views.day(first.date),
      lastDateLabel: last && views.day(last.date),
      timeline: archive.years.map((year) => ({
        year: year.year,
        url: views.url(year.url),
        count: year.count,
        months: year.months.map((month) => ({
          ...views.monthGroup(month.month, month.articles.slice(0, HOME_MONTH_LIMIT)),
          url: views.url(monthUrl(year.url, month.month)),
          count: month.articles.length,
          more: Math.max(0, month.articles.length - HOME_MONTH_LIMIT),
          moreUrl: views.url(year.url),
        })),
      })),
      ...(chart.months.length ? { chart: { svg: chart.svg.toString(), table: chart.table.toString() } } : {}),
      undated: views.undatedLink(),
      tagKinds: TAG_KINDS.map((kind) => ({
        kind,
        label: ui[KIND_LABEL[kind]],
        total: archive.tags[kind].length,
        tags: archive.tags[kind].slice(0, HOME_TAG_LIMIT).map((tag) => ({ text: views.tagName(kind, tag.name), url: views.url(tag.url), count: tag.listed.length })),
      })),
    };
  },

  files: (page) => [page.url],
};

export interface YearSpec {
  edition: Edition;
  /** Position of the year in the archive's years. */
  year: number;
  page: number;
}

export const years: PageKind<YearSpec, YearPage> = {
  specs: (archive) =>
    EDITIONS.flatMap((edition) =>
      archive.years.flatMap((year, index) => chunk(year.months.flatMap((month) => month.articles), PAGE_SIZE).map((_, page) => ({ edition, year: index, page: page + 1 }))),
    ),

  build({ edition, year: index, page: pageNumber }, { archive, views: viewsOf }) {
    const views = viewsOf(edition);
    const { ui } = views;
    const year = archive.years[index]!;
    const chunks = chunk(year.months.flatMap((month) => month.articles), PAGE_SIZE);
    const byMonth = new Map<number, Article[]>();
    for (const article of chunks[pageNumber - 1]!) {
      const month = Number(article.date!.slice(5, 7));
      const list = byMonth.get(month);
      if (list) list.push(article);
      else byMonth.set(month, [article]);
    }
    const title = ui.format.yearArchive(year.year);
    return {
      ...entry(edition, pagedPath(year.url, pageNumber), {
        section: 'home',
        title: pageNumber === 1 ? title : ui.format.numbered(title, pageNumber),
        description: ui.format.labelled(title, ui.format.articles(year.count)),
      }),
      year: year.year,
      count: year.count,
      months: [...byMonth].map(([month, list]) => ({ ...views.monthGroup(month, list), url: views.url(monthUrl(year.url, month)) })),
      years: archive.years.map((other) => ({ text: String(other.year), url: views.url(other.url), count: other.count, current: other.year === year.year })),
      undated: views.undatedLink(),
      pager: pager(edition, year.url, pageNumber, chunks.length),
    };
  },

  files: (page) => [page.url],
};

export interface MonthSpec {
  edition: Edition;
  /** Position of the year in the archive's years, and of the month in the year's months. */
  year: number;
  month: number;
  page: number;
}

export const months: PageKind<MonthSpec, MonthPage> = {
  specs: (archive) =>
    EDITIONS.flatMap((edition) =>
      archive.years.flatMap((year, yearIndex) =>
        year.months.flatMap((month, monthIndex) => chunk(month.articles, PAGE_SIZE).map((_, page) => ({ edition, year: yearIndex, month: monthIndex, page: page + 1 }))),
      ),
    ),

  build({ edition, year: yearIndex, month: monthIndex, page: pageNumber }, { archive, views: viewsOf }) {
    const views = viewsOf(edition);
    const { ui } = views;
    const year = archive.years[yearIndex]!;
    const month = year.months[monthIndex]!;
    const base = monthUrl(year.url, month.month);
    const chunks = chunk(month.articles, PAGE_SIZE);
    const heading = ui.monthArchive.replace('{year}', String(year.year)).replace('{monthName}', ui.format.month(month.month));
    return {
      ...entry(edition, pagedPath(base, pageNumber), {
        section: 'home',
        title: pageNumber === 1 ? heading : ui.format.numbered(heading, pageNumber),
        description: ui.format.labelled(heading, ui.format.articles(month.articles.length)),
      }),
      heading,
      count: month.articles.length,
      articles: chunks[pageNumber - 1]!.map((article) => views.summary(article)),
      year: { text: ui.wholeYear.replace('{year}', String(year.year)), url: views.url(year.url), count: year.count },
      pager: pager(edition, base, pageNumber, chunks.length),
    };
  },

  files: (page) => [page.url],
};

export const undated: PageKind<{ edition: Edition; page: number }, UndatedPage> = {
  specs: (archive) => (archive.undated.length ? EDITIONS.flatMap((edition) => chunk(archive.undated, PAGE_SIZE).map((_, page) => ({ edition, page: page + 1 }))) : []),

  build({ edition, page: pageNumber }, { archive, views: viewsOf }) {
    const views = viewsOf(edition);
    const { ui } = views;
    const chunks = chunk(archive.undated, PAGE_SIZE);
    return {
      ...entry(edition, pagedPath(UNDATED_URL, pageNumber), {
        section: 'home',
        title: pageNumber === 1 ? ui.undatedTitle : ui.format.numbered(ui.undatedTitle, pageNumber),
        description: ui.format.labelled(ui.undatedTitle, ui.format.articles(archive.undated.length)),
      }),
      count: archive.undated.length,
      articles: chunks[pageNumber - 1]!.map((article) => views.summary(article)),
      pager: pager(edition, UNDATED_URL, pageNumber, chunks.length),
    };
  },

  files: (page) => [page.url],
};
