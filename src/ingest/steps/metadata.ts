import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import type { ArchiveData } from '../data.ts';
import { blocks, isBody, textOf } from '../blocks.ts';
import { addUnique, isoDay, names } from '../fields.ts';
import { CaptureError } from '../types.ts';
import { plainText } from './headline.ts';

const RELATIVE_DAYS: Record<string, number> = { 今天: 0, 今日: 0, 昨天: -1, 昨日: -1, 前天: -2 };

/**
 * Completes the front matter from what the capture says:
 * - published: the Hexo date (an instant, read in Beijing time) or the page's own date line
 * - date: the day of the meeting, read from the lead: an explicit 12月11日, or 今天/昨天 counted
 *   from the dateline's day (or the publication day, when the dateline lost its digits)
 * - people, places, meeting types: the names in officials.yaml, places.yaml and
 *   meeting-types.yaml that the text uses, in order of first mention
 * - province: where most of those people and places belong, else the site's province
 * - site and publisher: from the site profile, where the text did not name them
 */
export const extractMetadata: Plugin<[ArchiveData], Root> = (data) => (tree, file) => {
  const state = file.data.ingest!;
  const meta = state.meta;
  const site = state.site;
  const list = blocks(tree);
  const front = state.frontMatter;

  // What the Hexo front matter says, where the page itself did not.
  const frontDate = front.date instanceof Date ? front.date.toISOString() : typeof front.date === 'string' ? front.date : undefined;
  const published = frontDate ? isoDay(frontDate) : undefined;
  if (published) meta.published = published;
  const author = plainText(front.author);
  if (author && site?.frontMatter.author !== 'site') addUnique(meta.authors, names(author));
  for (const key of ['link', 'source', 'url', 'permalink']) {
    const url = typeof front[key] === 'string' ? (front[key] as string).trim() : '';
    if (!meta.sourceUrl && /^https?:\/\/[^\s<>"']+$/i.test(url)) meta.sourceUrl = url;
  }
  recordFrontMatter(state);
  if (site) meta.site = site.name;
  if (!meta.publisher && site?.publisher) meta.publisher = site.publisher;

  const body = list.filter(isBody);
  if (!body.length) {
    throw new CaptureError(state.capture.path, 'no article text: everything in the capture is page furniture or headline');
  }
  // A readable article is never refused for want of a date: it is archived undated, and says so.
  if (meta.published) meta.date = meetingDay(body, meta.published, state);
  else state.fidelity.push('采集页面没有可读的发布日期，文章按日期不详收录。');

  const everything = [meta.title, meta.originalTitle, meta.subtitle, ...list.map(textOf)].filter(Boolean).join('\n');
  const named = namesOf(data);
  meta.people = mentioned(everything, named.people);
  meta.places = mentioned(everything, named.places);
  if (site?.locality && site.selfReferences.some((word) => everything.includes(word))) addUnique(meta.places, [site.locality]);

  const leads = [meta.title, meta.originalTitle, meta.subtitle, ...sectionLeads(list)].filter((text): text is string => Boolean(text));
  meta.meetingType = data.meetingTypes.filter((type) => leads.some((lead) => type.pattern.test(lead))).map((type) => type.name);

  meta.province = province(meta.people, meta.places, data) ?? site?.province ?? mostNamedProvince(everything);
  if (!meta.publisher) state.fidelity.push('页面没有注明原发媒体，publisher 留空。');
};

/** Every Hexo front-matter key goes in the ledger: what it said, and what became of it. */
function recordFrontMatter(state: import('../types.ts').IngestState): void {
  const used: Record<string, string> = { title: 'title', subtitle: 'subtitle', date: 'published', link: 'sourceUrl', source: 'sourceUrl', url: 'sourceUrl', permalink: 'sourceUrl' };
  used.author = state.site?.frontMatter.author === 'site' ? 'site' : 'authors';
  for (const [key, value] of Object.entries(state.frontMatter).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const text = `${key}: ${value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value)}`;
    state.ledger.push(
      used[key]
        ? { step: 'front-matter', action: 'moved', label: 'Hexo 头信息', field: used[key], text }
        : { step: 'front-matter', action: 'removed', label: 'Hexo 头信息（与文章无关）', text },
    );
  }
}

function meetingDay(body: Element[], published: string, state: import('../types.ts').IngestState): string {
  const year = Number(published.slice(0, 4));
  const dateline = state.hints.datelineMonthDay;
  const reference = dateline ? dayInYear(year, dateline.month, dateline.day, published) : published;
  for (const block of body.slice(0, 2)) {
    const text = textOf(block);
    const explicit = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/u.exec(text) ?? /^(?:今天|今日|昨天|昨日)[（(](\d{4}年)?(\d{1,2})月(\d{1,2})日[）)]/u.exec(text);
    if (explicit) {
      const [, y, m, d] = explicit;
      return y ? isoDay(`${y.replace('年', '')}-${m}-${d}`) ?? reference : dayInYear(year, Number(m), Number(d), published);
    }
    const relative = /(今天|今日|昨天|昨日|前天)(?:上午|下午|晚上|早上|中午|凌晨)?/u.exec(text.slice(0, 40));
    if (relative) {
      const day = addDays(reference, RELATIVE_DAYS[relative[1]!]!);
      if (!dateline) {
        state.fidelity.push(
          state.hints.datelineLostDigits
            ? `电头的日期数字在采集时丢失；会议日期按正文“${relative[1]}”从发布日期推定为 ${day}。`
            : `会议日期按正文“${relative[1]}”从发布日期推定为 ${day}。`,
        );
      }
      return day;
    }
  }
  return reference;
}

/** A month and day without a year belong to the year of publication, or the one before. */
function dayInYear(year: number, month: number, day: number, published: string): string {
  const candidate = isoDay(`${year}-${month}-${day}`);
  if (!candidate) return published;
  return candidate > published ? isoDay(`${year - 1}-${month}-${day}`) ?? published : candidate;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

interface Named {
  name: string;
  aliases: string[];
  boundary: boolean;
}

/** Names used in the text, longest match first so that 湘西土家族苗族自治州 counts once, as 湘西. */
export function mentioned(text: string, entries: readonly Named[]): string[] {
  const { byFirst, starts } = formsOf(entries);
  const first = new Map<string, number>();
  // One pass over the text; at each character only the names that start with it are tried,
  // longest first, and a match skips the characters it covers (湘西土家族苗族自治州 counts once).
  for (let at = 0; at < text.length; ) {
    const code = text.charCodeAt(at);
    // Most characters start no name: a table says so without a map lookup.
    const candidates = starts[code] ? byFirst.get(code) : undefined;
    let matched = 0;
    if (candidates) {
      for (const { form, entry } of candidates) {
        if (!text.startsWith(form, at)) continue;
        if (entry.boundary && !listed(text, at, form.length)) continue;
        if (!first.has(entry.name)) first.set(entry.name, at);
        matched = form.length;
        break;
      }
    }
    at += matched || 1;
  }
  return [...first].sort(([, a], [, b]) => a - b).map(([name]) => name);
}

interface Forms {
  /** By the UTF-16 code of the first character: a one-character string key would be allocated per lookup. */
  byFirst: Map<number, { form: string; entry: Named }[]>;
  /** 1 at the UTF-16 codes that start some form. */
  starts: Uint8Array;
  longest: number;
}

const sortedForms = new WeakMap<readonly Named[], Forms>();

/** Every name and alias by its first character, longest first; made once per list. */
function formsOf(entries: readonly Named[]): Forms {
  let forms = sortedForms.get(entries);
  if (!forms) {
    const all = entries
      .flatMap((entry) => [entry.name, ...entry.aliases].map((form) => ({ form, entry })))
      .sort((a, b) => b.form.length - a.form.length || (a.form < b.form ? -1 : 1));
    const byFirst = new Map<number, { form: string; entry: Named }[]>();
    const starts = new Uint8Array(0x10000);
    for (const item of all) {
      byFirst.set(item.form.charCodeAt(0), [...(byFirst.get(item.form.charCodeAt(0)) ?? []), item]);
      starts[item.form.charCodeAt(0)] = 1;
    }
    forms = { byFirst, starts, longest: all[0]?.form.length ?? 0 };
    sortedForms.set(entries, forms);
  }
  return forms;
}

const namedOfficials = new WeakMap<ArchiveData, { people: Named[]; places: Named[] }>();

/** The officials and places of the archive's data as name lists, made once per data. */
function namesOf(data: ArchiveData): { people: Named[]; places: Named[] } {
  let named = namedOfficials.get(data);
  if (!named) {
    named = {
      people: data.officials.map((official) => ({ name: official.name, aliases: official.aliases, boundary: official.boundary })),
      places: data.places.map((place) => ({ name: place.name, aliases: place.aliases, boundary: false })),
    };
    namedOfficials.set(data, named);
  }
  return named;
}

/** A name that is also a word (龙腾) counts only inside a list of names: after 、 or before 、/等. */
function listed(text: string, at: number, length: number): boolean {
  return text[at - 1] === '、' || text[at + length] === '、' || text[at + length] === '等';
}

/** The lead of each section: the first paragraph after the top and after every heading. */
function sectionLeads(list: Element[]): string[] {
  const leads: string[] = [];
  let waiting = true;
  for (const block of list) {
    if (block.tagName === 'h2' || block.tagName === 'h3') {
      leads.push(textOf(block));
      waiting = true;
    } else if (waiting && isBody(block)) {
      leads.push(textOf(block).split(/[。]/u)[0] ?? '');
      waiting = false;
    }
  }
  return leads;
}

function province(people: string[], places: string[], data: ArchiveData): string | undefined {
  const votes = new Map<string, number>();
  const vote = (name: string | undefined) => {
    if (name && name !== '国家') votes.set(name, (votes.get(name) ?? 0) + 1);
  };
  for (const person of people) vote(data.officials.find((official) => official.name === person)?.province);
  for (const place of places) vote(data.places.find((entry) => entry.name === place)?.province);
  const ranked = [...votes].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  if (!ranked.length || (ranked[1] && ranked[1][1] === ranked[0]![1])) return undefined;
  return ranked[0]![0];
}

function mostNamedProvince(text: string): string {
  const provinces = ['湖南', '河南', '湖北', '广东', '广西', '江西', '贵州', '重庆', '四川', '河北', '山东', '山西', '陕西', '安徽', '江苏', '浙江', '福建'];
  const counts = provinces.map((name) => [name, text.split(name).length - 1] as const).sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : '未知';
}
