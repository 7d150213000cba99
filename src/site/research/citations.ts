/**
 * "Cite this article": a short citation for readers (GB/T 7714 in Chinese, Chicago-style in
 * English) and the same as CSL-JSON, BibTeX and RIS downloads.
 *
 * The three file formats are written here rather than by citation-js, which the tests use as
 * the reference parser: its BibTeX writer either drops every Chinese character (the default
 * `asciiOnly`) or stops escaping `{ } % & \`, so a headline with a brace breaks the file; its
 * RIS writer leaves out the authors and the day of a newspaper article; and its formatted
 * citations need citeproc-js (CPAL/AGPL), which ships no GB/T 7714 style.
 *
 * Every value is text from a capture and therefore hostile: BibTeX values are escaped so that
 * no LaTeX command or unbalanced brace survives, RIS values are kept on one line, and URLs are
 * kept only when they parse as http(s).
 */

export interface CitationData {
  /** The article's slug: the BibTeX key, the RIS ID and the CSL id. */
  id: string;
  headline: string;
  /** The original publisher (湖南日报), when the capture names one. */
  publisher?: string;
  /** The site the capture came from (新浪财经). */
  site?: string;
  /** Reporters and writers, as printed. */
  authors: string[];
  /** Day of the meeting, YYYY-MM-DD. */
  meetingDate?: string;
  /** Day of publication, YYYY-MM-DD. */
  published?: string;
  /** Day the capture was made, when the page shows it: the original URL was read that day. */
  retrieved?: string;
  /** The captured page's URL, when the capture records it. */
  originalUrl?: string;
  /** This archive's page of the article, absolute. */
  archiveUrl: string;
  language: 'zh-Hans' | 'zh-Hant';
}

/** How the archive names itself in a citation (one place per edition supplies these). */
export interface ArchiveName {
  /** 湘豫防疫会议档案 */
  chinese: string;
  /** Hunan–Henan COVID-control meetings archive */
  english: string;
}

/** Romanised forms for the English citation, made by the caller (for example with english-names.ts). */
export interface EnglishForms {
  authors?: string[];
  /** The publisher (or, without one, the site) in pinyin: Hunan Ribao. */
  publisher?: string;
}

type DateParts = { 'date-parts': [[number, number, number]] };

export interface CslItem {
  id: string;
  type: 'article-newspaper' | 'webpage';
  title: string;
  'container-title'?: string;
  source?: string;
  author?: { literal: string }[];
  issued?: DateParts;
  'event-date'?: DateParts;
  accessed?: DateParts;
  URL: string;
  archive: string;
  archive_location: string;
  language: string;
  note?: string;
}

const GB_AUTHORS_SHOWN = 3;

function webUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** What every format needs, decided once: which URL is primary and what the note says. */
interface Resolved {
  data: CitationData;
  originalUrl?: string;
  archiveUrl: string;
  /** The URL a reader follows: the original when known (read on `retrieved`), else this archive's page. */
  url: string;
  /** The day `url` was read, when known. */
  accessed?: string;
  container?: string;
  newspaper: boolean;
  authors: string[];
  headline: string;
}

function resolve(data: CitationData): Resolved {
  const archiveUrl = webUrl(data.archiveUrl);
  if (!archiveUrl) throw new Error(`citation of ${data.id}: archiveUrl must be an absolute http(s) URL, got ${data.archiveUrl}`);
  const originalUrl = webUrl(data.originalUrl);
  const container = oneLine(data.publisher) || oneLine(data.site) || undefined;
  return {
    data,
    originalUrl,
    archiveUrl,
    url: originalUrl ?? archiveUrl,
    accessed: originalUrl ? data.retrieved : undefined,
    container,
    newspaper: Boolean(oneLine(data.publisher)),
    authors: data.authors.map(oneLine).filter(Boolean),
    headline: oneLine(data.headline),
  };
}

function oneLine(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function dateParts(day: string | undefined): DateParts | undefined {
  const match = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  return match ? { 'date-parts': [[Number(match[1]), Number(match[2]), Number(match[3])]] } : undefined;
}

function archiveNote(resolved: Resolved, archive: ArchiveName): string {
  const parts = [
    resolved.data.meetingDate ? `会议日期 ${resolved.data.meetingDate}` : '',
    resolved.data.site && resolved.data.site !== resolved.container ? `采自 ${oneLine(resolved.data.site)}` : '',
    `存档于${archive.chinese}：${resolved.archiveUrl}`,
  ];
  return parts.filter(Boolean).join('；');
}

/** The article as one CSL-JSON item (the format of Zotero, Pandoc and citeproc). */
export function cslItem(data: CitationData, archive: ArchiveName): CslItem {
  const resolved = resolve(data);
  const item: CslItem = {
    id: data.id,
    type: resolved.newspaper ? 'article-newspaper' : 'webpage',
    title: resolved.headline,
    URL: resolved.url,
    archive: archive.chinese,
    archive_location: resolved.archiveUrl,
    language: data.language,
    note: archiveNote(resolved, archive),
  };
  if (resolved.container) item['container-title'] = resolved.container;
  if (data.site && oneLine(data.site) !== resolved.container) item.source = oneLine(data.site);
  if (resolved.authors.length > 0) item.author = resolved.authors.map((literal) => ({ literal }));
  const issued = dateParts(data.published);
  if (issued) item.issued = issued;
  const event = dateParts(data.meetingDate);
  if (event) item['event-date'] = event;
  const accessed = dateParts(resolved.accessed);
  if (accessed) item.accessed = accessed;
  return item;
}

export function cslJson(data: CitationData, archive: ArchiveName): string {
  return `${JSON.stringify([cslItem(data, archive)], null, 2)}\n`;
}

const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/** Text as a BibTeX value: every LaTeX special escaped, so braces always balance and no command runs. */
function latexText(text: string): string {
  return text.replace(/[\\{}%&$#_^~]/g, (char) => LATEX_SPECIALS[char]!);
}

const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A BibTeX entry that BibTeX and biblatex both read: `year`/`month` for BibTeX styles, `date`,
 * `eventdate` and `urldate` for biblatex. Names are braced whole, the usual form for Chinese
 * names (no given-name initials), and the headline is braced so no style changes its case.
 */
export function bibtex(data: CitationData, archive: ArchiveName): string {
  const resolved = resolve(data);
  const fields: [string, string][] = [];
  if (resolved.authors.length > 0) fields.push(['author', `{${resolved.authors.map((name) => `{${latexText(name)}}`).join(' and ')}}`]);
  fields.push(['title', `{{${latexText(resolved.headline)}}}`]);
  if (resolved.container) {
    if (resolved.newspaper) fields.push(['journal', `{${latexText(resolved.container)}}`], ['entrysubtype', '{newspaper}']);
    else fields.push(['howpublished', `{${latexText(resolved.container)}}`]);
  }
  if (data.published && dateParts(data.published)) {
    const [year, month] = data.published.split('-');
    fields.push(['year', `{${year}}`], ['month', BIBTEX_MONTHS[Number(month) - 1]!], ['date', `{${data.published}}`]);
  }
  if (data.meetingDate && dateParts(data.meetingDate)) fields.push(['eventdate', `{${data.meetingDate}}`]);
  fields.push(['url', `{${resolved.url}}`]);
  if (resolved.accessed && dateParts(resolved.accessed)) fields.push(['urldate', `{${resolved.accessed}}`]);
  fields.push(['language', `{${data.language === 'zh-Hant' ? 'Chinese (Traditional)' : 'Chinese'}}`]);
  const note = archiveNote(resolved, archive).replace(resolved.archiveUrl, '\u0000');
  fields.push(['note', `{${latexText(note).replace('\u0000', `\\url{${resolved.archiveUrl}}`)}}`]);
  const width = Math.max(...fields.map(([name]) => name.length));
  const body = fields.map(([name, value]) => `  ${name.padEnd(width)} = ${value},`).join('\n');
  return `@${resolved.newspaper ? 'article' : 'misc'}{${data.id},\n${body}\n}\n`;
}

function risDate(day: string): string {
  return `${day.replaceAll('-', '/')}/`;
}

/** An RIS record (the 2011 tag set that Zotero, EndNote and Mendeley write), CRLF line ends as the format asks. */
export function ris(data: CitationData, archive: ArchiveName): string {
  const resolved = resolve(data);
  const lines: [string, string][] = [['TY', resolved.newspaper ? 'NEWS' : 'ELEC'], ['ID', data.id], ['TI', resolved.headline]];
  if (resolved.container) lines.push([resolved.newspaper ? 'T2' : 'PB', resolved.container]);
  for (const author of resolved.authors) lines.push(['AU', author]);
  if (data.published && dateParts(data.published)) lines.push(['PY', data.published.slice(0, 4)], ['DA', risDate(data.published)]);
  lines.push(['UR', resolved.url]);
  if (resolved.accessed && dateParts(resolved.accessed)) lines.push(['Y2', risDate(resolved.accessed)]);
  lines.push(['L2', resolved.archiveUrl], ['DB', archive.chinese], ['LA', data.language], ['N1', archiveNote(resolved, archive)]);
  return `${lines.map(([tag, value]) => `${tag}  - ${oneLine(value)}`).join('\r\n')}\r\nER  - \r\n`;
}

function gbAuthors(authors: string[]): string {
  if (authors.length === 0) return '';
  const shown = authors.slice(0, GB_AUTHORS_SHOWN).join(', ');
  return `${shown}${authors.length > GB_AUTHORS_SHOWN ? ', 等' : ''}. `;
}

/**
 * The citation in GB/T 7714-2015 form, as Chinese researchers cite newspapers online
 * ([N/OL]; [EB/OL] for a page without a publisher), followed by the meeting day and this
 * archive's copy.
 */
export function chineseCitation(data: CitationData, archive: ArchiveName): string {
  const resolved = resolve(data);
  const accessed = resolved.accessed ? `[${resolved.accessed}]` : '';
  let source: string;
  if (resolved.newspaper) source = `[N/OL]. ${resolved.container}${data.published ? `, ${data.published}` : ''}${accessed}`;
  else source = `[EB/OL]. ${resolved.container ? `${resolved.container}, ` : ''}${data.published ? `(${data.published})` : ''}${accessed}`;
  const tail = [
    resolved.originalUrl ? `${resolved.originalUrl}.` : '',
    data.meetingDate ? `会议日期: ${data.meetingDate}.` : '',
    `${archive.chinese}存档: ${resolved.archiveUrl}`,
  ];
  return `${gbAuthors(resolved.authors)}${resolved.headline}${source.replace(/[,. ]+$/, '')}. ${tail.filter(Boolean).join(' ')}`;
}

const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function englishDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${ENGLISH_MONTHS[month - 1]} ${date}, ${year}`;
}

function englishList(names: string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')}, and ${names.at(-1)}`;
}

/**
 * The citation for the English edition, in the Chicago manner for a newspaper article: names
 * in pinyin when the caller gives them, the headline in Chinese as published.
 */
export function englishCitation(data: CitationData, archive: ArchiveName, english: EnglishForms = {}): string {
  const resolved = resolve(data);
  const authors = english.authors && english.authors.length === resolved.authors.length ? english.authors.map(oneLine) : resolved.authors;
  const container = resolved.container ? [oneLine(english.publisher), resolved.container].filter(Boolean).join(' ') : '';
  const published = [container, data.published ? englishDay(data.published) : ''].filter(Boolean).join(', ');
  const parts = [
    authors.length > 0 ? `${englishList(authors)}.` : '',
    `“${resolved.headline}.”`,
    published ? `${published}.` : '',
    data.meetingDate ? `Meeting of ${englishDay(data.meetingDate)}.` : '',
    resolved.originalUrl ? `${resolved.originalUrl}${resolved.accessed ? ` (retrieved ${englishDay(resolved.accessed)})` : ''}.` : '',
    `Archived in ${archive.english} (${archive.chinese}), ${resolved.archiveUrl}.`,
  ];
  return parts.filter(Boolean).join(' ');
}
