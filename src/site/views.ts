/**
 * What every page kind shares: the fields of a page entry, links and article summaries in an
 * edition's script, the pager of long lists, and the interface a page kind implements. The page
 * kinds themselves live beside their templates (templates/<kind>.page.ts); src/site/pages.ts
 * lists them.
 *
 * A page is made in two steps that anyone can follow: a kind lists the pages the archive has as
 * small specs (`specs`: which article, tag, year page…), and `build` makes the entry its template
 * prints from a spec. Builds run in parts (src/site/plan.ts), and a part builds only its specs.
 */
import type { AuditReport } from '../contract.ts';
import type { PageBody, ArticleTexts } from './article-render.ts';
import type { Archive, Article, Tag, TagKind } from './archive.ts';
import { editionRoot, editionUrl, editionUrls, inEdition, scriptOf, type Edition } from './editions.ts';
import { interfaceText, type InterfaceText, type LabelKey } from './interface-text.ts';
import { UNDATED_URL } from './archive.ts';
import { html, type Interpolation, type Markup } from './html.ts';
import { meetingTypeName, personName, pinyinWord, placeName, provinceName, publisherName } from './research/english-names.ts';

/** Articles per page of a long list (a tag, a year, the undated articles). */
export const PAGE_SIZE = 50;

export type Section = 'home' | 'tags' | 'search' | 'about' | 'none';

export interface PageEntry {
  edition: Edition;
  ui: InterfaceText;
  /** Root-relative URL without the deploy path prefix. */
  url: string;
  /** Home of the page's edition. */
  root: string;
  /** The same page in every edition. */
  alternates: Record<Edition, string>;
  section: Section;
  title: string;
  description: string;
  ogType: 'website' | 'article';
  /** An article page: what the search index makes results of. */
  searchable: boolean;
  /** Feeds of this page's own articles, linked besides the archive's (a province: its feeds). */
  feeds?: FeedLinks[];
}

/** A feed as pages link it: its title and its Atom and JSON Feed URLs (root-relative). */
export interface FeedLinks {
  title: string;
  atomUrl: string;
  jsonUrl: string;
}

/** A file that is not a page of an edition (robots.txt, _headers, a sitemap): its URL is all it needs. */
export interface FileEntry {
  url: string;
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
  /** The title's language where it is not the page's (the English edition quotes Chinese titles). */
  titleLang?: 'zh-Hans';
  /** Absent for an undated article; dateLabel then says 日期不详. */
  date?: string;
  dateLabel: string;
  province: string;
  meetingTypes: string[];
}

export interface MonthGroup {
  label: string;
  anchor: string;
  count: number;
  articles: ArticleSummary[];
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

/**
 * What pages are made of besides the archive's front matter: bodies, their texts and the audit
 * reports, read through these so that a build can tell which files each page depends on
 * (src/site/plan.ts).
 */
export interface PageSources {
  body(article: Article): PageBody;
  texts(article: Article): ArticleTexts;
  report(article: Article): AuditReport;
  /** The about page's text (templates/_includes/about.md), HTML of each edition. */
  about(): Record<Edition, string>;
}

export interface PageContext {
  archive: Archive;
  sources: PageSources;
  /** The views of an edition (made once per build and edition). */
  views(edition: Edition): EditionViews;
}

/**
 * One kind of page (article, tag, year…). Specs are plain JSON, so that a plan can hand them to
 * the part of the build that renders them.
 */
export interface PageKind<Spec, Entry> {
  /** Every page of this kind the archive has, in order. */
  specs(archive: Archive): Spec[];
  /** The entry of one page: everything its template prints. */
  build(spec: Spec, context: PageContext): Entry;
  /** The files an entry is written to, root-relative (the feed's entry makes an Atom and a JSON feed). */
  files(entry: Entry): string[];
}

export const KIND_LABEL: Record<TagKind, LabelKey> = {
  province: 'tagKindProvince',
  person: 'tagKindPerson',
  place: 'tagKindPlace',
  'meeting-type': 'tagKindMeetingType',
};

/** The fields every page of an edition has, for the page at `path` (a Simplified root-relative path). */
export function entry(
  edition: Edition,
  path: string,
  fields: { section: Section; title: string; description: string; ogType?: 'website' | 'article'; searchable?: boolean },
): PageEntry {
  return {
    edition,
    ui: interfaceText(edition),
    url: editionUrl(edition, path),
    root: editionRoot(edition),
    alternates: editionUrls(path),
    ogType: 'website',
    searchable: false,
    ...fields,
  };
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** How many pages of PAGE_SIZE a list of `count` takes (one, even when empty). */
export function pageCount(count: number): number {
  return Math.max(1, Math.ceil(count / PAGE_SIZE));
}

export function pagedPath(base: string, pageNumber: number): string {
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

/** The first `length` characters of a lead (article-render.ts), marked when the text goes on. */
export function excerpt(lead: string, length = 120): string {
  return lead.length > length ? `${lead.slice(0, length)}……` : lead;
}

/** The language of the archive's Chinese text on the English edition's pages, where it differs from the page's. */
export const QUOTED_CHINESE = 'zh-Hans';

/** Chinese text of the archive as a page prints it: marked as Simplified Chinese on the English edition's pages. */
export function chinese(edition: Edition, text: Interpolation): Markup {
  return edition === 'en' ? html`<span lang="${QUOTED_CHINESE}">${text}</span>` : html`${text}`;
}

/** ` lang="zh-Hans"` for an element that holds the archive's Chinese text on an English page, else nothing. */
export function chineseLang(edition: Edition): Markup | '' {
  return edition === 'en' ? html` lang="${QUOTED_CHINESE}"` : '';
}

/** Per-edition views of articles and tags, computed once per edition and shared by every page. */
export class EditionViews {
  readonly ui: InterfaceText;
  private readonly summaries = new Map<Article, ArticleSummary>();

  constructor(
    readonly edition: Edition,
    readonly archive: Archive,
  ) {
    this.ui = interfaceText(edition);
  }

  text(value: string): string {
    return inEdition(this.edition, value);
  }

  /** 2021年8月9日 (9 August 2021), or 日期不详 for a day the capture did not give. */
  day(day: string | undefined): string {
    return day ? this.ui.format.day(day) : this.ui.undated;
  }

  /**
   * A tag's name as the edition shows it: the Chinese in the Chinese editions' script; in the
   * English edition, people and places in pinyin, provinces and meeting types in English
   * (content/data/english.yaml; pinyin where it has none).
   */
  tagName(kind: TagKind, name: string): string {
    if (this.edition !== 'en') return this.text(name);
    const names = this.archive.english;
    if (kind === 'person') return personName(name, names);
    if (kind === 'place') return placeName(name, names, this.archive.tagByName.place.get(name)?.place?.level);
    if (kind === 'province') return provinceName(name, names);
    return meetingTypeName(name, names) ?? pinyinWord(name);
  }

  /** A publisher as the edition names it: in the English edition its own English name, when it has one. */
  publisher(name: string): { text: string; chinese?: string } {
    if (this.edition !== 'en') return { text: this.text(name) };
    const english = publisherName(name, this.archive.english);
    return english ? { text: english, chinese: name } : { text: name, chinese: name };
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

  /** The URL of a feed: the English edition has none of its own and links the Simplified ones. */
  private feedUrl(path: string): string {
    return editionUrl(scriptOf(this.edition), path);
  }

  /** The whole archive's feeds. */
  archiveFeeds(): FeedLinks {
    return { title: this.ui.siteName, atomUrl: this.feedUrl('/feed.xml'), jsonUrl: this.feedUrl('/feed.json') };
  }

  /** A province's feeds: /feeds/<the province tag's slug>.xml and .json. */
  provinceFeeds(tag: Tag): FeedLinks {
    return { title: `${this.ui.siteName} · ${this.tagName('province', tag.name)}`, atomUrl: this.feedUrl(`/feeds/${tag.slug}.xml`), jsonUrl: this.feedUrl(`/feeds/${tag.slug}.json`) };
  }

  tagLink(kind: TagKind, name: string): Link {
    const tag = this.archive.tagByName[kind].get(name);
    return { text: this.tagName(kind, name), url: this.url(tag ? tag.url : '/tags/') };
  }

  summary(article: Article): ArticleSummary {
    let summary = this.summaries.get(article);
    if (!summary) {
      summary = {
        url: this.url(article.url),
        title: this.text(article.title),
        ...(this.edition === 'en' ? { titleLang: QUOTED_CHINESE } : {}),
        ...(article.date ? { date: article.date } : {}),
        dateLabel: this.day(article.date),
        province: this.tagName('province', article.province),
        meetingTypes: article.meetingType.map((type) => this.tagName('meeting-type', type)),
      };
      this.summaries.set(article, summary);
    }
    return summary;
  }

  monthGroup(month: number, articles: readonly Article[]): MonthGroup {
    return {
      label: this.ui.format.month(month),
      anchor: `m${String(month).padStart(2, '0')}`,
      count: articles.length,
      articles: articles.map((article) => this.summary(article)),
    };
  }
}
