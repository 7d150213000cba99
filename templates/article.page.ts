/**
 * The article page (article.11ty.ts), one per article and edition: header, metadata, body,
 * provenance, previous/next.
 */
import { EDITIONS, scriptOf, type Edition } from '../src/site/editions.ts';
import { wantsTableOfContents } from '../src/site/article-body.ts';
import type { RawFile } from '../src/site/archive.ts';
import { roleOn } from '../src/site/research/official-roles.ts';
import { encodingLabel, utf8CopyUrl, waybackUrl } from '../src/site/provenance.ts';
import type { CitationData } from '../src/site/research/citations.ts';
import { entry, excerpt, type ArticleSummary, type EditionViews, type Link, type PageEntry, type PageKind } from '../src/site/views.ts';

export interface TocItem extends Link {
  children: Link[];
}

/** A person named in the article, with the post they held on the meeting day when the data is certain of it. */
export interface PersonLink extends Link {
  role?: string;
}

/** A raw capture as the provenance shows it: its encoding in plain words, and its UTF-8 copy if it is not UTF-8. */
export interface CaptureView extends RawFile {
  encodingLabel: string;
  utf8CopyUrl?: string;
}

export interface ArticleView {
  title: string;
  subtitle?: string;
  originalTitle?: string;
  date?: string;
  dateLabel: string;
  published?: string;
  publishedLabel: string;
  retrievedLabel?: string;
  province: Link;
  people: PersonLink[];
  places: Link[];
  meetingTypes: Link[];
  publisher?: string;
  /** The publisher's Chinese name, on the English edition's pages, beside its English one. */
  publisherChinese?: string;
  site?: string;
  sourceUrl?: string;
  /** The Wayback Machine's captures of the source URL, for an http(s) one. */
  waybackUrl?: string;
  dateline?: string;
  authors: string[];
  photographers: string[];
  editors: string[];
  bodyHtml: string;
  toc: TocItem[];
  missingPhotos: number;
  plainTextLength: number;
  rawFiles: CaptureView[];
  originalScriptLabel: string;
  fidelity: string[];
  reportUrl?: string;
  /**
   * What a citation of the article says, but for the archive's URL of it, which needs the site's
   * URL: the article of record, in Simplified, in both editions (the Traditional one shows it
   * converted, and names the same page).
   */
  citation: Omit<CitationData, 'archiveUrl'>;
}

export interface ArticlePage extends PageEntry {
  article: ArticleView;
  previous?: ArticleSummary;
  next?: ArticleSummary;
}

export interface ArticleSpec {
  edition: Edition;
  /** Position of the article in the archive's order. */
  article: number;
}

export const articles: PageKind<ArticleSpec, ArticlePage> = {
  specs: (archive) => EDITIONS.flatMap((edition) => archive.articles.map((article) => ({ edition, article: article.index }))),

  build({ edition, article: index }, { archive, sources, views: viewsOf }) {
    const views: EditionViews = viewsOf(edition);
    const { ui } = views;
    const article = archive.articles[index]!;
    const body = sources.body(article);
    const toc: TocItem[] = [];
    if (wantsTableOfContents(body.headings, body.plainTextLength)) {
      for (const heading of body.headings) {
        const link = { text: views.text(heading.text), url: `#${heading.id}` };
        const parent = toc.at(-1);
        if (heading.depth === 3 && parent) parent.children.push(link);
        else toc.push({ ...link, children: [] });
      }
    }
    const view: ArticleView = {
      title: views.text(article.title),
      subtitle: article.subtitle && views.text(article.subtitle),
      originalTitle: article.originalTitle && views.text(article.originalTitle),
      date: article.date,
      dateLabel: article.date ? ui.format.day(article.date) : ui.unknownDay,
      published: article.published,
      publishedLabel: article.published ? ui.format.day(article.published) : ui.unknownDay,
      retrievedLabel: article.retrieved && ui.format.day(article.retrieved),
      province: views.tagLink('province', article.province),
      people: article.people.map((name) => {
        const official = views.tag('person', name)?.official;
        // Only on the meeting day, and only a role the data is certain of that day (official-roles.ts).
        const role = official && article.date ? roleOn(official, article.date) : undefined;
        return { ...views.tagLink('person', name), ...(role ? { role: views.text(role.title) } : {}) };
      }),
      places: article.places.map((name) => views.tagLink('place', name)),
      meetingTypes: article.meetingType.map((name) => views.tagLink('meeting-type', name)),
      ...(article.publisher ? { publisher: views.publisher(article.publisher).text, publisherChinese: views.publisher(article.publisher).chinese } : {}),
      site: article.site && views.text(article.site),
      sourceUrl: article.sourceUrl,
      ...(article.sourceUrl && waybackUrl(article.sourceUrl) ? { waybackUrl: waybackUrl(article.sourceUrl) } : {}),
      dateline: article.dateline && views.text(article.dateline),
      authors: article.authors.map((name) => views.text(name)),
      photographers: (article.photographers ?? []).map((name) => views.text(name)),
      editors: article.editors.map((name) => views.text(name)),
      bodyHtml: body.html[edition],
      toc,
      missingPhotos: body.missingPhotos,
      plainTextLength: body.plainTextLength,
      rawFiles: article.rawFiles.map((file) => {
        const copy = utf8CopyUrl(file);
        return { ...file, site: file.site && views.text(file.site), encodingLabel: encodingLabel(ui, file.encoding), ...(copy ? { utf8CopyUrl: copy } : {}) };
      }),
      originalScriptLabel: { 'zh-Hans': ui.scriptHans, 'zh-Hant': ui.scriptHant, 'zh-Hant-HK': ui.scriptHantHK, 'zh-Hant-TW': ui.scriptHantTW }[article.originalScript],
      fidelity: article.fidelity.map((note) => views.text(note)),
      reportUrl: article.reportFile ? views.url(article.reportUrl) : undefined,
      citation: {
        id: article.slug,
        headline: article.title,
        ...(article.publisher ? { publisher: article.publisher } : {}),
        ...(article.site ? { site: article.site } : {}),
        authors: article.authors,
        ...(article.date ? { meetingDate: article.date } : {}),
        ...(article.published ? { published: article.published } : {}),
        ...(article.retrieved ? { retrieved: article.retrieved } : {}),
        ...(article.sourceUrl ? { originalUrl: article.sourceUrl } : {}),
        language: 'zh-Hans',
      },
    };
    const previous = archive.articles[index - 1];
    const next = archive.articles[index + 1];
    return {
      ...entry(edition, article.url, { section: 'none', title: view.title, description: excerpt(body.leads[scriptOf(edition)]), ogType: 'article', searchable: true }),
      article: view,
      previous: previous && views.summary(previous),
      next: next && views.summary(next),
    };
  },

  files: (page) => [page.url],
};
