/** The audit report page of each article (report.11ty.ts), in every edition: its captures, character tallies and every entry. */
import { EDITIONS, type Edition } from '../src/site/editions.ts';
import { entry, type PageEntry, type PageKind } from '../src/site/views.ts';
import type { LabelKey } from '../src/site/interface-text.ts';
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
const SHAPE_LABELS: Record<string, LabelKey> = {
  html: 'shapeHtml',
  'hexo-html': 'shapeHexoHtml',
  markdown: 'shapeMarkdown',
  'hexo-text': 'shapeHexoText',
  text: 'shapeText',
};

/** The article's fields (src/contract.ts) by the labels the article page gives them. */
const FIELD_LABELS: Record<string, LabelKey> = {
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

/** The same labels in the English edition (a step without one is shown by its key, which is English). */
const ENGLISH_STEP_LABELS: Record<keyof typeof STEP_LABELS, string> = {
  furniture: 'Page furniture',
  metadata: 'Metadata',
  'front-matter': 'Article properties',
  headline: 'Headline',
  markup: 'Page code',
  mojibake: 'Mojibake',
  pinyin: 'Pinyin annotations',
  script: 'Script conversion',
  encoding: 'Decoding',
  sections: 'Sections',
  typography: 'Punctuation',
  images: 'Photos',
  captions: 'Photo captions',
  caption: 'Photo caption',
  remnants: 'Remnants',
  duplicate: 'Duplicate capture',
};

const ENGLISH_ACTION_LABELS: Record<keyof typeof ACTION_LABELS, string> = {
  removed: 'removed',
  moved: 'moved',
  'moved to front matter': 'moved to the metadata',
  repaired: 'repaired',
  normalized: 'normalised',
  converted: 'converted',
  unwrapped: 'link removed',
};

const ENGLISH_CHARACTER_LABELS: Record<keyof typeof CHARACTER_LABELS, string> = {
  capture: 'Capture',
  article: 'Article text',
  furniture: 'Page furniture',
  metadata: 'Moved to the metadata',
  removed: 'Removed',
  moved: 'Moved',
};

export const reports: PageKind<ReportSpec, ReportPage> = {
  specs: (archive) => EDITIONS.flatMap((edition) => archive.articles.filter((article) => article.reportFile).map((article) => ({ edition, article: article.index }))),

  build({ edition, article: index }, { archive, sources, views: viewsOf }) {
    const views = viewsOf(edition);
    const { ui } = views;
    const article = archive.articles[index]!;
    const report = sources.report(article);
    const title = views.text(article.title);
    const english = edition === 'en';
    const label = (chinese: Record<string, string>, englishLabels: Record<string, string>, key: string) =>
      english ? (englishLabels[key] ?? key) : chinese[key] ? views.text(chinese[key]) : key;
    // Every capture's entries, each naming its capture when the article has several.
    const entries = report.captures.flatMap((capture) => capture.entries.map((item) => ({ ...item, capture: report.captures.length > 1 ? capture.raw : undefined })));
    const characters: Record<string, number> = {};
    for (const capture of report.captures) for (const [key, count] of Object.entries(capture.characters)) characters[key] = (characters[key] ?? 0) + count;
    return {
      ...entry(edition, article.reportUrl, { section: 'none', title: ui.format.labelled(ui.reportTitle, title), description: ui.reportIntro }),
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
      characters: Object.entries(characters).map(([key, count]) => ({ key: label(CHARACTER_LABELS, ENGLISH_CHARACTER_LABELS, key), count })),
      rows: entries.map((item) => ({
        step: label(STEP_LABELS, ENGLISH_STEP_LABELS, item.step),
        rule: item.rule,
        label: item.label && views.text(item.label),
        capture: item.capture,
        action: label(ACTION_LABELS, ENGLISH_ACTION_LABELS, item.action),
        field: item.field
          ?.split(/,\s*/u)
          .map((name) => (FIELD_LABELS[name] ? ui[FIELD_LABELS[name]!] : name))
          .join(ui.format.listSeparator),
        text: item.text,
        before: item.before,
        after: item.after,
        count: item.count,
      })),
    };
  },

  files: (page) => [page.url],
};
