import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeSanitize from 'rehype-sanitize';
import { toText } from 'hast-util-to-text';
import { unified } from 'unified';
import type { Plugin } from 'unified';
import type { ArchiveData } from '../data.ts';
import { blocks, isBody, isMenuLine, SENTENCE_END, textOf, setText } from '../blocks.ts';
import { addUnique, names, publisherName } from '../fields.ts';
import { removeSpelledMarkup, spelledLabel } from '../spelled-markup.ts';
import { declaredTitles } from '../titles.ts';
import { simplified } from './script.ts';

const HEADLINE_MAX = 80;
const DECK_MAX = 60;

/**
 * Finds the headline and the deck, and takes them out of the body:
 * - title: the front matter's title; else the page's <h1> (the main-content step puts the
 *   headline it found there); else the title the page declares in its head (ArticleTitle,
 *   og:title, JSON-LD headline, the <title> without the site's name: 标题_网易新闻 → 标题); else
 *   the first block left after the furniture that is not a line of links (a page's headline sits
 *   right under its breadcrumb)
 * - a block at the top that repeats the title (a Markdown post's `# 标题`) goes with it
 * - subtitle: a short unpunctuated block of spaced phrases before the first paragraph (the deck)
 * The dateline is read later (see extractDateline), once captions are told from body text.
 */
export const extractHeadline: Plugin<[ArchiveData], Root> = (data) => (tree, file) => {
  const state = file.data.ingest!;
  const meta = state.meta;
  let list = blocks(tree);

  const take = (block: Element | undefined, label: string, action: 'moved' | 'removed') => {
    if (!block) return;
    state.ledger.push({ step: 'headline', action, ...(action === 'moved' ? { field: 'title' } : {}), label, text: textOf(block).trim() });
    list = list.filter((other) => other !== block);
  };
  const spelled: string[] = [];
  const frontTitle = plainText(state.frontMatter.title, spelled);
  const h1 = list.find((block) => block.tagName === 'h1');
  if (frontTitle) {
    meta.title = frontTitle;
    take(repeated(list, frontTitle), '正文开头重复的标题', 'removed');
  } else if (h1) {
    meta.title = textOf(h1).trim();
    take(h1, '标题', 'moved');
  } else {
    const titles = declaredTitles(state.page);
    const declared = plainText(titles.own[0] ?? titles.titleTagHeadline, spelled);
    // A line of links or tools the furniture rules did not know (字号：大 中 小 | 打印本页 | 关闭窗口)
    // is never the headline.
    const first = list.find((block) => (block.tagName === 'p' || block.tagName === 'h2' || block.tagName === 'h3') && !isMenuLine(textOf(block)));
    if (declared) {
      meta.title = declared;
      state.ledger.push({ step: 'headline', action: 'inferred', field: 'title', label: '网页头部声明的标题', text: declared });
      take(repeated(list, declared), '正文开头重复的标题', 'removed');
    } else if (first && isHeadlineLike(textOf(first))) {
      meta.title = textOf(first).trim();
      take(first, '标题', 'moved');
    }
  }
  const frontSubtitle = plainText(state.frontMatter.subtitle, spelled);
  if (frontSubtitle) meta.subtitle = frontSubtitle;
  for (const piece of spelled) state.ledger.push({ step: 'remnants', action: 'removed', rule: 'remnants/front-matter-tag', label: spelledLabel(piece), text: piece });
  list = list.map((block) => (block.tagName === 'h1' ? { ...block, tagName: 'h2' } : block));

  // The deck: spaced phrases before the first paragraph (抓早抓小 防患未然 迅速反应 …).
  const firstBody = list.findIndex((block) => isBody(block) && !isDeck(textOf(block)));
  const deck = list.slice(0, Math.max(firstBody, 0)).find((block) => block.tagName === 'p' && isDeck(textOf(block)));
  if (deck && !meta.subtitle) {
    meta.subtitle = textOf(deck).trim();
    state.ledger.push({ step: 'headline', action: 'moved', field: 'subtitle', label: '副题', text: meta.subtitle });
    list = list.filter((block) => block !== deck);
  }

  tree.children = list.filter((block) => block.tagName === 'figure' || textOf(block).trim() !== '');

  if (!meta.title) {
    const opening = list.find(isBody);
    if (opening) {
      const words = [...textOf(opening)].slice(0, 24).join('');
      meta.title = `${words}…`;
      state.fidelity.push('采集页面没有显示标题；此处标题取自正文开头的文字。');
    }
  }
};

/** A heading or line among the first blocks that says the title again. */
function repeated(list: Element[], title: string): Element | undefined {
  const wanted = title.replace(/\s+/gu, '');
  return list.slice(0, 3).find((block) => block.tagName !== 'figure' && simplified(textOf(block)).replace(/\s+/gu, '') === wanted);
}

/**
 * Reads the dateline at the head of the first body paragraph and takes it out of the text:
 * 湖南日报·新湖南客户端7月28日讯（记者 冒蕞 刘笑雪）names the publisher, the reporters and the day
 * that 今天 in the lead refers to; it is kept whole in the front matter (`dateline`). A capture
 * that lost its line breaks repeats the headline and the deck in front of the dateline; they are
 * recognised there and taken out too.
 */
export const extractDateline: Plugin<[ArchiveData], Root> = (data) => (tree, file) => {
  const state = file.data.ingest!;
  const meta = state.meta;
  const list = blocks(tree);
  // The dateline opens one of the first paragraphs of the body.
  for (const block of list.filter(isBody).slice(0, 3)) {
    const found = findDateline(textOf(block), data);
    if (!found) continue;
    const before = found.before.trim();
    if (before) {
      let rest = before;
      if (meta.title && rest.startsWith(meta.title)) {
        state.ledger.push({ step: 'headline', action: 'removed', label: '段首重复的标题', text: meta.title });
        rest = rest.slice(meta.title.length).trim();
      }
      if (rest && [...rest].length <= DECK_MAX && !meta.subtitle) {
        meta.subtitle = rest;
        state.ledger.push({ step: 'headline', action: 'moved', field: 'subtitle', label: '段首的副题', text: rest });
        rest = '';
      }
      if (rest) break; // Text before the dateline that is neither headline nor deck: not a dateline.
    }
    meta.dateline = found.dateline;
    const publisher = publisherName(found.source, data, state.site);
    if (publisher && !meta.publisher) meta.publisher = publisher;
    addUnique(meta.authors, found.reporters);
    if (found.month && found.day) state.hints.datelineMonthDay = { month: found.month, day: found.day };
    else if (found.dated) state.hints.datelineLostDigits = true;
    state.ledger.push({ step: 'headline', action: 'moved', field: 'dateline, publisher, authors', label: '电头', text: found.dateline });
    if (found.unsegmented) {
      state.fidelity.push(`电头中的记者署名缺少分隔（“${found.unsegmented}”），按已知记者名拆分为：${found.reporters.join('、')}。`);
    }
    setText(block, found.after);
    break;
  }
  tree.children = list.filter((block) => block.tagName === 'figure' || textOf(block).trim() !== '');
};

function isHeadlineLike(text: string): boolean {
  const trimmed = text.trim();
  return [...trimmed].length <= HEADLINE_MAX && !/[。！？]$/u.test(trimmed) && /\p{Script=Han}/u.test(trimmed);
}

/** A deck: a short line of spaced phrases, or one led by a dash, without a sentence's punctuation. */
function isDeck(text: string): boolean {
  const trimmed = text.trim();
  if ([...trimmed].length > DECK_MAX || SENTENCE_END.test(trimmed) || /[，。；]/u.test(trimmed)) return false;
  return /^——/u.test(trimmed) || /\p{Script=Han}{2,}(\s+\p{Script=Han}{2,}){2,}/u.test(trimmed);
}

interface Dateline {
  before: string;
  dateline: string;
  /** The outlet the dateline names, without its place (新华社北京 → 新华社). */
  source: string;
  /** Whether the dateline has a day (4月10日电), or the marks of one whose digits were lost (月日讯). */
  dated: boolean;
  month?: number;
  day?: number;
  reporters: string[];
  /** The run of reporters' names when the capture lost the spaces between them. */
  unsegmented?: string;
  after: string;
}

/**
 * A dateline is a news source, a day and 讯 or 电, then the reporters in brackets:
 * 湖南日报·新湖南客户端7月28日讯（记者 冒蕞 刘笑雪）. A capture that lost its digits and brackets
 * still shows 湖南日报新湖南客户端月日讯记者冒蕞孙敏坚刘笑雪; the names are then split at known
 * reporters (journalists.yaml).
 */
export function findDateline(text: string, data: ArchiveData): Dateline | undefined {
  const aliases = data.publishers.flatMap((publisher) => [publisher.name, ...publisher.aliases]).sort((a, b) => b.length - a.length);
  const known = aliases.map(escape).join('|');
  const pattern = new RegExp(
    `(?<source>(?:${known})[\\p{Script=Han}·]{0,8}?|^[\\p{Script=Han}·]{2,14}?)(?<month>\\d{1,2})?月(?<day>\\d{1,2})?日(?:讯|电)`,
    'u',
  );
  // Without a day (本报南昌讯, 本报讯), a line is a dateline only when the reporters' bracket follows.
  const match = pattern.exec(text) ?? DATELESS.exec(text);
  if (!match?.groups) return undefined;
  const source = outletOf(match.groups.source!, aliases, data);
  let rest = text.slice(match.index + match[0].length);
  let credits = '';
  let reporters: string[] = [];
  let unsegmented: string | undefined;
  const bracketed = /^\s*[（(]([^（）()]{0,80})[）)]/u.exec(rest);
  if (bracketed) {
    credits = bracketed[0];
    reporters = names(bracketed[1]!.replace(/\p{Script=Han}{0,8}(记者|通讯员)/gu, ' '));
    rest = rest.slice(bracketed[0].length);
  } else {
    const bare = /^\s*(?:记者|通讯员)\s*/u.exec(rest);
    if (bare) {
      const run = rest.slice(bare[0].length);
      const split = splitKnownNames(run, data.journalists);
      if (split.names.length) {
        reporters = split.names;
        credits = bare[0] + run.slice(0, split.length);
        unsegmented = run.slice(0, split.length);
        rest = run.slice(split.length);
      }
    }
  }
  const month = match.groups.month ? Number(match.groups.month) : undefined;
  const day = match.groups.day ? Number(match.groups.day) : undefined;
  return {
    before: text.slice(0, match.index),
    dateline: (match[0] + credits).trim(),
    source,
    dated: /[月日]/u.test(match[0]),
    ...(month ? { month } : {}),
    ...(day ? { day } : {}),
    reporters,
    ...(unsegmented && reporters.length > 1 ? { unsegmented } : {}),
    after: rest.replace(/^[\s，,：:]+/u, ''),
  };
}

const DATELESS = /^(?<source>[\p{Script=Han}·]{2,14}?)(?:讯|电)(?=\s*[（(][^（）()]{0,80}?(?:记者|通讯员))/u;

/**
 * The outlet of a dateline's source, without the place it reports from: 新华社北京 → 新华社,
 * 本报长沙 → 本报, 某某日报南昌 → 某某日报. A known publisher or a page's name for itself
 * (identity.yaml, selfNames) is the outlet wherever the source starts with it; else a place of
 * the gazetteer at the end of the source is the dateline's place.
 */
function outletOf(source: string, aliases: readonly string[], data: ArchiveData): string {
  const known = aliases.find((alias) => source.startsWith(alias));
  if (known) return known;
  const self = data.identity.selfNames.find((name) => source.startsWith(name));
  if (self) return self;
  let outlet = source;
  for (const place of [...data.gazetteer.provinces, ...data.gazetteer.places]) {
    for (const form of [place.fullName, place.name]) {
      // A place alone (南昌讯) names no outlet.
      if (form === source) return '';
      if (form.length >= 2 && source.length - form.length >= 2 && source.endsWith(form) && source.length - form.length < outlet.length) outlet = source.slice(0, -form.length);
    }
  }
  return outlet;
}

function splitKnownNames(run: string, known: string[]): { names: string[]; length: number } {
  const sorted = [...known].sort((a, b) => b.length - a.length);
  const found: string[] = [];
  let at = 0;
  for (;;) {
    const name = sorted.find((candidate) => run.startsWith(candidate, at));
    if (!name) break;
    found.push(name);
    at += name.length;
    while (run[at] === ' ' || run[at] === '、') at++;
  }
  return { names: found, length: at };
}

const fragment = unified().use(rehypeParse, { fragment: true }).use(rehypeSanitize, { tagNames: [], strip: ['script', 'style', 'iframe', 'noscript', 'template', 'object', 'embed', 'svg', 'math'] });

/**
 * A front-matter string is hostile like the rest of the capture: only its text is kept. The text
 * may itself spell markup (&lt;script&gt;); that is no headline either, and goes into `spelled`.
 */
export function plainText(value: unknown, spelled?: string[]): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const tree = fragment.runSync(fragment.parse(String(value))) as Root;
  const cleaned = removeSpelledMarkup(toText(tree));
  if (spelled) for (const piece of cleaned.removed) spelled.push(piece);
  const text = simplified(cleaned.text.replace(/\s+/g, ' ').trim());
  return text || undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

