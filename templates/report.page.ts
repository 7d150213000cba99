/** The audit report page of each article (report.11ty.ts), in both editions: its captures, character tallies and every entry. */
import { EDITIONS, type Edition } from '../src/site/editions.ts';
import { entry, type PageEntry, type PageKind } from '../src/site/views.ts';
import type { InterfaceText } from '../src/site/interface-text.ts';
import { encodingLabel, utf8CopyUrl } from '../src/site/provenance.ts';

export interface ReportRow {
  step: string;
  rule?: string;
  label?: string;
  capture?: string;
  action: string;
  /** The article's fields an entry moved text into, in the reader's words (副题、电头). */
  field?: string;
  text?: string;
  before?: string;
  after?: string;
  count?: number;
}

export interface ReportPage extends PageEntry {
  articleTitle: string;
  articleUrl: string;
  captures: { raw: string; url: string; utf8CopyUrl?: string; sha256: string; encoding: string; shape?: string; bytes?: number }[];
  characters: { key: string; count: number }[];
  rows: ReportRow[];
}

export interface ReportSpec {
  edition: Edition;
  /** Position of the article in the archive's order. */
  article: number;
}

const STEP_LABELS: Record<string, string> = {
  furniture: '网页框架',
  metadata: '元数据',
  'front-matter': '文章属性',
  headline: '标题',
  markup: '网页代码',
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

/** Each capture shape (src/ingest/shapes/) in plain words. */
const SHAPE_LABELS: Record<string, keyof InterfaceText> = {
  html: 'shapeHtml',
  'hexo-html': 'shapeHexoHtml',
  markdown: 'shapeMarkdown',
  'hexo-text': 'shapeHexoText',
  text: 'shapeText',
};

/** The article's fields (src/contract.ts) by the labels the article page gives them. */
const FIELD_LABELS: Record<string, keyof InterfaceText> = {
  title: 'articleTitle',
  originalTitle: 'originalTitle',
  subtitle: 'subtitle',
  dateline: 'dateline',
  publisher: 'publisher',
  site: 'site',
  sourceUrl: 'sourceUrl',
  authors: 'authors',
  photographers: 'photographers',
  editors: 'editors',
  published: 'publishedDate',
  retrieved: 'retrievedDate',
  date: 'meetingDate',
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

export const reports: PageKind<ReportSpec, ReportPage> = {
  specs: (archive) => EDITIONS.flatMap((edition) => archive.articles.filter((article) => article.reportFile).map((article) => ({ edition, article: article.index }))),

  build({ edition, article: index }, { archive, sources, views: viewsOf }) {
    const views = viewsOf(edition);
    const { ui } = views;
    const article = archive.articles[index]!;
    const report = sources.report(article);
    const title = views.text(article.title);
    // Every capture's entries, each naming its capture when the article has several.
    const entries = report.captures.flatMap((capture) => capture.entries.map((item) => ({ ...item, capture: report.captures.length > 1 ? capture.raw : undefined })));
    const characters: Record<string, number> = {};
    for (const capture of report.captures) for (const [key, count] of Object.entries(capture.characters)) characters[key] = (characters[key] ?? 0) + count;
    return {
      ...entry(edition, article.reportUrl, { section: 'none', title: `${ui.reportFor}${title}`, description: ui.reportIntro }),
      articleTitle: title,
      articleUrl: views.url(article.url),
      captures: report.captures.map((capture) => {
        const published = article.rawFiles.find((file) => file.repoPath === capture.raw);
        const copy = published && utf8CopyUrl(published);
        return {
          raw: capture.raw,
          url: published?.url ?? '',
          ...(copy ? { utf8CopyUrl: copy } : {}),
          sha256: capture.rawSha256,
          encoding: encodingLabel(ui, capture.encoding),
          shape: capture.shape && (SHAPE_LABELS[capture.shape] ? ui[SHAPE_LABELS[capture.shape]!] : capture.shape),
          bytes: capture.bytes,
        };
      }),
      characters: Object.entries(characters).map(([key, count]) => ({ key: CHARACTER_LABELS[key] ? views.text(CHARACTER_LABELS[key]) : key, count })),
      rows: entries.map((item) => ({
        step: views.text(STEP_LABELS[item.step] ?? item.step),
        rule: item.rule,
        label: item.label && views.text(item.label),
        capture: item.capture,
        action: views.text(ACTION_LABELS[item.action] ?? item.action),
        field: item.field
          ?.split(/,\s*/u)
          .map((name) => (FIELD_LABELS[name] ? ui[FIELD_LABELS[name]!] : name))
          .join('、'),
        text: item.text,
        before: item.before,
        after: item.after,
        count: item.count,
      })),
    };
  },

  files: (page) => [page.url],
};
