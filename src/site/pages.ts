/**
 * Every page of both editions, as plain data for thin templates.
 *
 * Each template paginates (size 1) over one of these lists; an entry carries its edition, its
 * URL, the URL of the same page in the other edition and everything the template prints,
 * already converted to the edition's script. Long lists (tags, years) are split into pages of
 * PAGE_SIZE so that no page grows with the archive.
 */
import { EDITIONS, editionRoot, editionUrl, inEdition, otherEdition, type Edition } from './editions.ts';
import { interfaceText, type InterfaceText } from './interface-text.ts';
import { bodyHtml, wantsTableOfContents, type ArticleBody } from './article-body.ts';
import { dayLabel, monthLabel, beijingDate } from './dates.ts';
import { readAuditReport, TAG_KINDS, UNDATED_URL, type Archive, type Article, type Tag, type TagKind, type RawFile } from './archive.ts';
import type { AuditReport, OfficialRole } from '../contract.ts';
import { SEARCH_INDEX_URL } from './search/write-index.ts';

export const PAGE_SIZE = 50;
export const FEED_SIZE = 50;
/** Articles listed per month on the home page before pointing to the year page. */
export const HOME_MONTH_LIMIT = 10;
/** Tags per kind shown on the home page. */
export const HOME_TAG_LIMIT = 12;

export type Section = 'home' | 'tags' | 'search' | 'about' | 'none';

export interface PageEntry {
  edition: Edition;
  ui: InterfaceText;
  /** Root-relative URL without the deploy path prefix. */
  url: string;
  /** Home of the page's edition. */
  root: string;
  alternates: Record<Edition, string>;
  switchUrl: string;
  section: Section;
  title: string;
  description: string;
  ogType: 'website' | 'article';
  /** An article page: what the search index makes results of. */
  searchable: boolean;
}

export interface Link {
  text: string;
  url: string;
}

export interface CountedLink extends Link {
  count: number;
}

export interface ArticleSummary {
  url: string;
  title: string;
  /** Absent for an undated article; dateLabel then says 日期不详. */
  date?: string;
  dateLabel: string;
  province: string;
  meetingTypes: string[];
}

export interface TocItem extends Link {
  children: Link[];
}

export interface ArticleView {
  /** SHA-256 of the article file the body was rendered from (written-pages.ts hashes it instead of the body). */
  bodySource: string;
  title: string;
  subtitle?: string;
  originalTitle?: string;
  date?: string;
  dateLabel: string;
  published?: string;
  publishedLabel: string;
  retrievedLabel?: string;
  province: Link;
  people: Link[];
  places: Link[];
  meetingTypes: Link[];
  publisher?: string;
  site?: string;
  sourceUrl?: string;
  dateline?: string;
  authors: string[];
  photographers: string[];
  editors: string[];
  bodyHtml: string;
  toc: TocItem[];
  missingPhotos: number;
  plainTextLength: number;
  rawFiles: RawFile[];
  originalScriptLabel: string;
  fidelity: string[];
  reportUrl?: string;
}

export interface ArticlePage extends PageEntry {
  article: ArticleView;
  previous?: ArticleSummary;
  next?: ArticleSummary;
}

export interface ReportRow {
  step: string;
  rule?: string;
  label?: string;
  capture?: string;
  action: string;
  field?: string;
  text?: string;
  before?: string;
  after?: string;
  count?: number;
}

export interface ReportPage extends PageEntry {
  articleTitle: string;
  articleUrl: string;
  captures: { raw: string; url: string; sha256: string; encoding: string; shape?: string; bytes?: number }[];
  characters: { key: string; count: number }[];
  rows: ReportRow[];
}

export type PagerItem = { number: number; url: string; current: boolean } | { gap: true };

export interface Pager {
  pageNumber: number;
  pageCount: number;
  previousUrl?: string;
  nextUrl?: string;
  /** The first and last pages, and those near this one; `gap` where pages are left out. */
  pages: PagerItem[];
}

/** Pages linked on either side of the current one (besides the first and the last). */
const PAGER_REACH = 2;

export interface TagPage extends PageEntry {
  kindLabel: string;
  name: string;
  count: number;
  roles: string[];
  aliases: string[];
  province?: Link;
  parent?: Link | { text: string };
  articles: ArticleSummary[];
  pager: Pager;
}

export interface TagIndexPage extends PageEntry {
  kinds: { kind: TagKind; label: string; tags: CountedLink[] }[];
}

export interface MonthGroup {
  label: string;
  anchor: string;
  count: number;
  articles: ArticleSummary[];
}

export interface YearPage extends PageEntry {
  year: number;
  count: number;
  months: MonthGroup[];
  years: (CountedLink & { current: boolean })[];
  /** The list of undated articles, when the archive has any. */
  undated?: CountedLink;
  pager: Pager;
}

/** The articles whose dates could not be read, in pages (/undated/, /undated/page/2/ …). */
export interface UndatedPage extends PageEntry {
  count: number;
  articles: ArticleSummary[];
  pager: Pager;
}

export interface HomeYear {
  year: number;
  url: string;
  count: number;
  months: (MonthGroup & { more: number; moreUrl: string })[];
}

export interface HomePage extends PageEntry {
  articleCount: number;
  firstDateLabel?: string;
  lastDateLabel?: string;
  timeline: HomeYear[];
  /** The list of undated articles, when the archive has any. */
  undated?: CountedLink;
  tagKinds: { kind: TagKind; label: string; tags: CountedLink[]; total: number }[];
}

/** One filter of the search page: a facet and every value the archive has for it. */
export interface SearchFacet {
  /** The URL parameter: province, person, place, meeting-type, year. */
  name: 'province' | 'person' | 'place' | 'meeting-type' | 'year';
  label: string;
  /** `value` is the Simplified name (the URL's), `text` the edition's. */
  options: { value: string; text: string }[];
}

export interface SearchPage extends PageEntry {
  /** Root-relative URL of the search index's folder (src/site/search/write-index.ts). */
  index: string;
  facets: SearchFacet[];
}

export interface FeedEntry {
  title: string;
  url: string;
  published: Date;
  summary: string;
  contentHtml: string;
}

export interface FeedPage {
  edition: Edition;
  ui: InterfaceText;
  title: string;
  homeUrl: string;
  atomUrl: string;
  jsonUrl: string;
  updated?: Date;
  entries: FeedEntry[];
}

export interface SitemapUrl {
  url: string;
  alternates: Record<Edition, string>;
}

/** One file of the sitemap: up to SITEMAP_SIZE pages, each listed in both editions. */
export interface SitemapFile {
  url: string;
  entries: SitemapUrl[];
}

/**
 * Pages per sitemap file: 20,000 URLs with both editions, well within the protocol's 50,000
 * URLs and 50 MB a file. /sitemap.xml is the index of the files.
 */
export const SITEMAP_SIZE = 10_000;

export interface SitePages {
  home: HomePage[];
  articles: ArticlePage[];
  reports: ReportPage[];
  tags: TagPage[];
  tagIndex: TagIndexPage[];
  years: YearPage[];
  undated: UndatedPage[];
  about: AboutPage[];
  search: SearchPage[];
  notFound: PageEntry[];
  feeds: FeedPage[];
  sitemaps: SitemapFile[];
}

const KIND_LABEL: Record<TagKind, keyof InterfaceText> = {
  province: 'tagKindProvince',
  person: 'tagKindPerson',
  place: 'tagKindPlace',
  'meeting-type': 'tagKindMeetingType',
};

function entry(
  edition: Edition,
  path: string,
  fields: { section: Section; title: string; description: string; ogType?: 'website' | 'article'; searchable?: boolean },
): PageEntry {
  return {
    edition,
    ui: interfaceText(edition),
    url: editionUrl(edition, path),
    root: editionRoot(edition),
    alternates: { 'zh-Hans': editionUrl('zh-Hans', path), 'zh-Hant': editionUrl('zh-Hant', path) },
    switchUrl: editionUrl(otherEdition(edition), path),
    ogType: 'website',
    searchable: false,
    ...fields,
  };
}

function chunk<T>(items: T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

function pagedPath(base: string, pageNumber: number): string {
  return pageNumber === 1 ? base : `${base}page/${pageNumber}/`;
}

/**
 * Links between the pages of a list. Only the first, the last and the pages near this one are
 * linked, so that a page of a list that keeps growing (湖南省 has hundreds of pages at 10,000
 * captures) stays the same size; every page is still reached through its neighbours.
 */
export function pager(edition: Edition, base: string, pageNumber: number, pageCount: number): Pager {
  const url = (number: number) => editionUrl(edition, pagedPath(base, number));
  const shown = new Set([1, pageCount]);
  for (let number = pageNumber - PAGER_REACH; number <= pageNumber + PAGER_REACH; number++) if (number >= 1 && number <= pageCount) shown.add(number);
  const numbers = [...shown].sort((a, b) => a - b);
  const pages: PagerItem[] = [];
  numbers.forEach((number, index) => {
    const before = numbers[index - 1];
    // A gap of one page shows that page rather than an ellipsis standing for it.
    if (before !== undefined && number - before === 2) pages.push({ number: before + 1, url: url(before + 1), current: false });
    else if (before !== undefined && number - before > 2) pages.push({ gap: true });
    pages.push({ number, url: url(number), current: number === pageNumber });
  });
  return {
    pageNumber,
    pageCount,
    previousUrl: pageNumber > 1 ? url(pageNumber - 1) : undefined,
    nextUrl: pageNumber < pageCount ? url(pageNumber + 1) : undefined,
    pages,
  };
}

/** The first `length` characters of a lead (archive.ts), marked when the text goes on. */
function excerpt(lead: string, length = 120): string {
  return lead.length > length ? `${lead.slice(0, length)}……` : lead;
}

/** Per-edition views of articles and tags, computed once per edition and shared by every page. */
class EditionViews {
  readonly ui: InterfaceText;
  private readonly summaries = new Map<Article, ArticleSummary>();

  constructor(
    readonly edition: Edition,
    private readonly archive: Archive,
  ) {
    this.ui = interfaceText(edition);
  }

  text(value: string): string {
    return inEdition(this.edition, value);
  }

  /** 2021年8月9日, or 日期不详 for a day the capture did not give. */
  day(day: string | undefined): string {
    return day ? dayLabel(day) : this.ui.undated;
  }

  /** The link to the list of undated articles, when the archive has any. */
  undatedLink(): CountedLink | undefined {
    const count = this.archive.undated.length;
    return count ? { text: this.ui.undatedLink, url: this.url(UNDATED_URL), count } : undefined;
  }

  url(path: string): string {
    return editionUrl(this.edition, path);
  }

  tag(kind: TagKind, name: string): Tag | undefined {
    return this.archive.tagByName[kind].get(name);
  }

  /** Body HTML in this edition's script, converted once when the article was rendered. */
  body(article: Article): string {
    return bodyHtml(article.body, this.edition);
  }

  /** The start of the article's plain text in this edition's script (converted with the body). */
  lead(article: Article): string {
    return article.body.leads[this.edition];
  }

  tagLink(kind: TagKind, name: string): Link {
    const tag = this.archive.tagByName[kind].get(name);
    return { text: this.text(name), url: this.url(tag ? tag.url : '/tags/') };
  }

  summary(article: Article): ArticleSummary {
    let summary = this.summaries.get(article);
    if (!summary) {
      summary = {
        url: this.url(article.url),
        title: this.text(article.title),
        ...(article.date ? { date: article.date } : {}),
        dateLabel: this.day(article.date),
        province: this.text(article.province),
        meetingTypes: article.meetingType.map((type) => this.text(type)),
      };
      this.summaries.set(article, summary);
    }
    return summary;
  }

  article(article: Article): ArticleView {
    const { body } = article;
    const toc: TocItem[] = [];
    if (wantsTableOfContents(body.headings, body.plainText.length)) {
      for (const heading of body.headings) {
        const link = { text: this.text(heading.text), url: `#${heading.id}` };
        const parent = toc.at(-1);
        if (heading.depth === 3 && parent) parent.children.push(link);
        else toc.push({ ...link, children: [] });
      }
    }
    return {
      title: this.text(article.title),
      subtitle: article.subtitle && this.text(article.subtitle),
      originalTitle: article.originalTitle && this.text(article.originalTitle),
      date: article.date,
      dateLabel: article.date ? dayLabel(article.date) : this.ui.unknownDay,
      published: article.published,
      publishedLabel: article.published ? dayLabel(article.published) : this.ui.unknownDay,
      retrievedLabel: article.retrieved && dayLabel(article.retrieved),
      province: this.tagLink('province', article.province),
      people: article.people.map((name) => this.tagLink('person', name)),
      places: article.places.map((name) => this.tagLink('place', name)),
      meetingTypes: article.meetingType.map((name) => this.tagLink('meeting-type', name)),
      publisher: article.publisher && this.text(article.publisher),
      site: article.site && this.text(article.site),
      sourceUrl: article.sourceUrl,
      dateline: article.dateline && this.text(article.dateline),
      authors: article.authors.map((name) => this.text(name)),
      photographers: (article.photographers ?? []).map((name) => this.text(name)),
      editors: article.editors.map((name) => this.text(name)),
      bodyHtml: this.body(article),
      bodySource: body.sourceSha256,
      toc,
      missingPhotos: body.missingPhotos,
      plainTextLength: body.plainText.length,
      rawFiles: article.rawFiles.map((file) => ({ ...file, site: file.site && this.text(file.site) })),
      originalScriptLabel: { 'zh-Hans': this.ui.scriptHans, 'zh-Hant': this.ui.scriptHant, 'zh-Hant-HK': this.ui.scriptHantHK, 'zh-Hant-TW': this.ui.scriptHantTW }[article.originalScript],
      fidelity: article.fidelity.map((note) => this.text(note)),
      reportUrl: article.reportFile ? this.url(article.reportUrl) : undefined,
    };
  }

  monthGroup(year: number, month: number, articles: Article[]): MonthGroup {
    return {
      label: monthLabel(month),
      anchor: `m${String(month).padStart(2, '0')}`,
      count: articles.length,
      articles: articles.map((article) => this.summary(article)),
    };
  }
}

export interface StaticTexts {
  /** The about page's text, Simplified, rendered like an article body. */
  about: ArticleBody;
}

export interface AboutPage extends PageEntry {
  bodyHtml: string;
}

/** A site without pages: every list empty. */
export function noPages(): SitePages {
  return { home: [], articles: [], reports: [], tags: [], tagIndex: [], years: [], undated: [], about: [], search: [], notFound: [], feeds: [], sitemaps: [] };
}

/** The pages with one page per article and edition: the article and its audit report. */
export type ArticlePages = Pick<SitePages, 'articles' | 'reports'>;

/** Every page of the site. */
export function buildPages(archive: Archive, texts: StaticTexts): SitePages {
  return { ...buildListingPages(archive, texts), ...buildArticlePages(archive, archive.articles) };
}

/** The article and audit-report pages of `articles` (of `archive`), in both editions. */
export function buildArticlePages(archive: Archive, articles: readonly Article[]): ArticlePages {
  const pages: ArticlePages = { articles: [], reports: [] };
  // Read once for both editions, and only for these articles (the archive does not hold them).
  const reports = new Map(articles.flatMap((article) => (article.reportFile ? [[article, readAuditReport(article.reportFile)] as const] : [])));
  for (const edition of EDITIONS) {
    const views = new EditionViews(edition, archive);
    for (const article of articles) {
      const view = views.article(article);
      const previous = archive.articles[article.index - 1];
      const next = archive.articles[article.index + 1];
      pages.articles.push({
        ...entry(edition, article.url, {
          section: 'none',
          title: view.title,
          description: excerpt(views.lead(article)),
          ogType: 'article',
          searchable: true,
        }),
        article: view,
        previous: previous && views.summary(previous),
        next: next && views.summary(next),
      });
      const report = reports.get(article);
      if (report) pages.reports.push(reportPage(views, article, report));
    }
  }
  return pages;
}

/**
 * Every page but the per-article ones (their lists are empty): the pages that list the archive,
 * the static pages, feeds, and the sitemap, which lists the per-article pages too.
 */
export function buildListingPages(archive: Archive, texts: StaticTexts): SitePages {
  const pages = noPages();

  for (const edition of EDITIONS) {
    const views = new EditionViews(edition, archive);
    const { ui } = views;

    pages.home.push(homePage(views, archive));

    pages.tagIndex.push({
      ...entry(edition, '/tags/', { section: 'tags', title: ui.allTags, description: ui.allTags }),
      kinds: TAG_KINDS.map((kind) => ({
        kind,
        label: ui[KIND_LABEL[kind]],
        tags: archive.tags[kind].map((tag) => ({ text: views.text(tag.name), url: views.url(tag.url), count: tag.articles.length })),
      })),
    });

    for (const kind of TAG_KINDS) {
      for (const tag of archive.tags[kind]) pages.tags.push(...tagPages(views, tag));
    }

    for (const year of archive.years) {
      const chunks = chunk(year.months.flatMap((month) => month.articles), PAGE_SIZE);
      chunks.forEach((articles, index) => {
        const pageNumber = index + 1;
        const byMonth = new Map<number, Article[]>();
        for (const article of articles) {
          const month = Number(article.date!.slice(5, 7));
          const list = byMonth.get(month);
          if (list) list.push(article);
          else byMonth.set(month, [article]);
        }
        const title = `${year.year}${ui.yearArchive}`;
        pages.years.push({
          ...entry(edition, pagedPath(year.url, pageNumber), {
            section: 'home',
            title: pageNumber === 1 ? title : `${title}（${pageNumber}）`,
            description: `${title}：${year.count} ${ui.articlesUnit}`,
          }),
          year: year.year,
          count: year.count,
          months: [...byMonth].map(([month, list]) => views.monthGroup(year.year, month, list)),
          years: archive.years.map((other) => ({
            text: String(other.year),
            url: views.url(other.url),
            count: other.count,
            current: other.year === year.year,
          })),
          undated: views.undatedLink(),
          pager: pager(edition, year.url, pageNumber, chunks.length),
        });
      });
    }

    const undatedChunks = archive.undated.length ? chunk(archive.undated, PAGE_SIZE) : [];
    undatedChunks.forEach((articles, index) => {
      const pageNumber = index + 1;
      pages.undated.push({
        ...entry(edition, pagedPath(UNDATED_URL, pageNumber), {
          section: 'home',
          title: pageNumber === 1 ? ui.undatedTitle : `${ui.undatedTitle}（${pageNumber}）`,
          description: `${ui.undatedTitle}：${archive.undated.length} ${ui.articlesUnit}`,
        }),
        count: archive.undated.length,
        articles: articles.map((article) => views.summary(article)),
        pager: pager(edition, UNDATED_URL, pageNumber, undatedChunks.length),
      });
    });

    pages.about.push({
      ...entry(edition, '/about/', { section: 'about', title: ui.aboutTitle, description: ui.homeIntro }),
      bodyHtml: bodyHtml(texts.about, edition),
    });
    pages.search.push({
      ...entry(edition, '/search/', { section: 'search', title: ui.searchTitle, description: ui.searchHint }),
      index: SEARCH_INDEX_URL,
      facets: [
        ...TAG_KINDS.map((kind) => ({
          name: kind,
          label: ui[KIND_LABEL[kind]],
          options: archive.tags[kind].map((tag) => ({ value: tag.name, text: views.text(tag.name) })),
        })),
        { name: 'year' as const, label: ui.years, options: archive.years.map((year) => ({ value: String(year.year), text: String(year.year) })) },
      ],
    });
    pages.notFound.push({
      ...entry(edition, '/404.html', { section: 'none', title: ui.notFoundTitle, description: ui.notFoundText }),
      url: edition === 'zh-Hans' ? '/404.html' : '/zh-hant/404.html',
    });

    pages.feeds.push(feedPage(views, archive));
  }

  // One sitemap entry per page of the Simplified edition; each lists both editions. The
  // per-article pages are listed in the order buildArticlePages makes them.
  const sitemapEntry = (path: string): SitemapUrl => ({ url: editionUrl('zh-Hans', path), alternates: { 'zh-Hans': editionUrl('zh-Hans', path), 'zh-Hant': editionUrl('zh-Hant', path) } });
  const entries: SitemapUrl[] = [];
  const listed = [pages.home, pages.articles, pages.reports, pages.tagIndex, pages.tags, pages.years, pages.undated, pages.about, pages.search];
  for (const list of listed) {
    if (list === pages.articles) for (const article of archive.articles) entries.push(sitemapEntry(article.url));
    else if (list === pages.reports) for (const article of archive.articles) article.reportFile && entries.push(sitemapEntry(article.reportUrl));
    else for (const page of list) if (page.edition === 'zh-Hans') entries.push({ url: page.url, alternates: page.alternates });
  }
  pages.sitemaps = chunk(entries, SITEMAP_SIZE).map((part, index) => ({ url: `/sitemaps/${index + 1}.xml`, entries: part }));
  return pages;
}

function homePage(views: EditionViews, archive: Archive): HomePage {
  const { ui, edition } = views;
  const dated = archive.articles.filter((article) => article.date);
  const first = dated[0];
  const last = dated.at(-1);
  return {
    ...entry(edition, '/', { section: 'home', title: ui.siteName, description: ui.homeIntro }),
    articleCount: archive.articles.length,
    firstDateLabel: first && views.day(first.date),
    lastDateLabel: last && views.day(last.date),
    timeline: archive.years.map((year) => ({
      year: year.year,
      url: views.url(year.url),
      count: year.count,
      months: year.months.map((month) => {
        const group = views.monthGroup(year.year, month.month, month.articles.slice(0, HOME_MONTH_LIMIT));
        return {
          ...group,
          count: month.articles.length,
          more: Math.max(0, month.articles.length - HOME_MONTH_LIMIT),
          moreUrl: views.url(year.url),
        };
      }),
    })),
    undated: views.undatedLink(),
    tagKinds: TAG_KINDS.map((kind) => ({
      kind,
      label: ui[KIND_LABEL[kind]],
      total: archive.tags[kind].length,
      tags: archive.tags[kind]
        .slice(0, HOME_TAG_LIMIT)
        .map((tag) => ({ text: views.text(tag.name), url: views.url(tag.url), count: tag.articles.length })),
    })),
  };
}

function tagPages(views: EditionViews, tag: Tag): TagPage[] {
  const { ui, edition } = views;
  const kindLabel = ui[KIND_LABEL[tag.kind]];
  const name = views.text(tag.name);
  const chunks = chunk(tag.articles, PAGE_SIZE);
  const province = tag.official?.province ?? tag.place?.province;
  const parentName = tag.place?.parent;
  const parentTag = parentName ? (views.tag('place', parentName) ?? views.tag('province', parentName)) : undefined;

  return chunks.map((articles, index) => {
    const pageNumber = index + 1;
    return {
      ...entry(edition, pagedPath(tag.url, pageNumber), {
        section: 'tags',
        title: pageNumber === 1 ? `${kindLabel}：${name}` : `${kindLabel}：${name}（${pageNumber}）`,
        description: `${kindLabel}“${name}”的相关报道，共 ${tag.articles.length} ${ui.articlesUnit}。`,
      }),
      kindLabel,
      name,
      count: tag.articles.length,
      roles: (tag.official?.roles ?? []).map((role) => views.text(roleText(role))),
      aliases: [...(tag.official?.aliases ?? []), ...(tag.place?.aliases ?? [])].map((alias) => views.text(alias)),
      province: province && province !== tag.name ? views.tagLink('province', province) : undefined,
      parent: parentName
        ? parentTag
          ? { text: views.text(parentName), url: views.url(parentTag.url) }
          : { text: views.text(parentName) }
        : undefined,
      articles: articles.map((article) => views.summary(article)),
      pager: pager(edition, tag.url, pageNumber, chunks.length),
    };
  });
}

const STEP_LABELS: Record<string, string> = {
  furniture: '网页框架',
  metadata: '元数据',
  'front-matter': '页面元数据',
  headline: '标题',
  markup: '网页标记',
  mojibake: '乱码',
  pinyin: '拼音注音',
  script: '繁简转换',
  encoding: '解码',
  sections: '分节',
  typography: '标点排版',
  images: '图片',
  captions: '图片说明',
  caption: '图片说明',
  remnants: '残留文字',
  duplicate: '重复抓取',
};

const ACTION_LABELS: Record<string, string> = {
  removed: '删除',
  moved: '移动',
  'moved to front matter': '移入元数据',
  repaired: '修复',
  normalized: '规范',
  converted: '转换',
  unwrapped: '去除链接',
};

const CHARACTER_LABELS: Record<string, string> = {
  capture: '抓取文件',
  article: '报道正文',
  furniture: '网页框架',
  metadata: '移入元数据',
  removed: '删除',
  moved: '移动',
};

/** A role as a person page lists it: its title, with the years it was held when known (湖南省省长（–2020）). */
function roleText(role: OfficialRole): string {
  const years = role.from !== undefined || role.to !== undefined ? `（${role.from ?? ''}–${role.to ?? ''}）` : '';
  return `${role.title}${years}`;
}

function reportPage(views: EditionViews, article: Article, report: AuditReport): ReportPage {
  const { ui, edition } = views;
  const title = views.text(article.title);
  // Every capture's entries, each naming its capture when the article has several.
  const entries = report.captures.flatMap((capture) => capture.entries.map((entry) => ({ ...entry, capture: report.captures.length > 1 ? capture.raw : undefined })));
  const characters: Record<string, number> = {};
  for (const capture of report.captures) for (const [key, count] of Object.entries(capture.characters)) characters[key] = (characters[key] ?? 0) + count;
  const rows: ReportRow[] = entries.map((item) => ({
    step: views.text(STEP_LABELS[item.step] ?? item.step),
    rule: item.rule,
    label: item.label && views.text(item.label),
    capture: item.capture,
    action: views.text(ACTION_LABELS[item.action] ?? item.action),
    field: item.field,
    text: item.text,
    before: item.before,
    after: item.after,
    count: item.count,
  }));
  return {
    ...entry(edition, article.reportUrl, {
      section: 'none',
      title: `${ui.reportFor}${title}`,
      description: ui.reportIntro,
    }),
    articleTitle: title,
    articleUrl: views.url(article.url),
    captures: report.captures.map((capture) => ({
      raw: capture.raw,
      url: article.rawFiles.find((file) => file.repoPath === capture.raw)?.url ?? '',
      sha256: capture.rawSha256,
      encoding: capture.encoding,
      shape: capture.shape,
      bytes: capture.bytes,
    })),
    characters: Object.entries(characters).map(([key, count]) => ({
      key: CHARACTER_LABELS[key] ? views.text(CHARACTER_LABELS[key]) : key,
      count,
    })),
    rows,
  };
}

function feedPage(views: EditionViews, archive: Archive): FeedPage {
  const { ui, edition } = views;
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
    entries: latest.map((article) => ({
      title: views.text(article.title),
      url: views.url(article.url),
      published: beijingDate(day(article)!),
      summary: excerpt(views.lead(article), 200),
      contentHtml: views.body(article),
    })),
  };
}
