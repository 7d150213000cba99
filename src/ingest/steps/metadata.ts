import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import type { ArchiveData } from '../data.ts';
import { blocks, isBody, textOf } from '../blocks.ts';
import { type DateVocabulary, isDay, readDateValue } from '../dates.ts';
import { eventDay } from '../event-date.ts';
import { addUnique, names } from '../fields.ts';
import { frontMatterText } from '../front-matter-text.ts';
import { findPlaces, type GazetteerPlace } from '../gazetteer.ts';
import { outletRegion, outletTimeZone } from '../outlet.ts';
import { CaptureError, type IngestState, type SiteIdentity } from '../types.ts';
import { plainText } from './headline.ts';

/**
 * Completes the front matter from what the capture says:
 * - published: the day the page gives, from the most trusted of its sources
 *   (steps/publication-date.ts), else the one its credit lines gave
 * - date: the day of the event (event-date.ts): the day the headline or the lead names, or a
 *   relative day of the lead (今天, 昨天, 周一) counted from the dateline's day or the
 *   publication day; an article whose dates cannot be read is archived undated, and says so
 * - people, places, meeting types: the officials of officials.yaml, the places of the national
 *   gazetteer (gazetteer.ts, with places.yaml) and the meeting types of meeting-types.yaml that
 *   the text names, in order of first mention; placePaths gives each place's province ›
 *   prefecture › county
 * - province: the one the text names most, by itself, through its places and through its
 *   officials, else the site's province
 * - site and publisher: from the site profile, where the text did not name them
 */
export const extractMetadata: Plugin<[ArchiveData], Root> = (data) => (tree, file) => {
  const state = file.data.ingest!;
  const meta = state.meta;
  const site = state.site;
  const list = blocks(tree);
  const front = state.frontMatter;

  // What the Hexo front matter says, where the page itself did not.
  if (state.hints.publication) meta.published = state.hints.publication.day;
  const author = plainText(front.author);
  if (author && site?.frontMatter.author !== 'site') addUnique(meta.authors, names(author));
  for (const key of ['link', 'source', 'url', 'permalink']) {
    const url = typeof front[key] === 'string' ? (front[key] as string).trim() : '';
    if (!meta.sourceUrl && /^https?:\/\/[^\s<>"']+$/i.test(url)) meta.sourceUrl = url;
  }
  // A clipped page's front matter says when it was saved (created:), which is not publication.
  for (const key of data.dates.retrievedKeys) {
    if (meta.retrieved || front[key] === undefined) continue;
    const day = readDateValue(frontMatterText(state, key) ?? front[key], outletTimeZone(state, data.regions), data.dates.years);
    if (isDay(day)) meta.retrieved = day.day;
  }
  recordFrontMatter(state, data.dates);
  if (site) meta.site = site.name;
  if (!meta.publisher && site?.publisher) meta.publisher = site.publisher;

  const body = list.filter(isBody);
  if (!body.length) {
    throw new CaptureError(state.capture.path, 'no article text: everything in the capture is page furniture or headline');
  }
  // A readable article is never refused for want of a date: it is archived undated, and says so.
  const event = eventDay(
    {
      ...(meta.title ? { title: meta.title } : {}),
      leads: leadParagraphs(body),
      ...(meta.published ? { published: meta.published } : {}),
      ...(state.hints.datelineMonthDay ? { dateline: state.hints.datelineMonthDay } : {}),
      ...(state.hints.datelineLostDigits ? { datelineLostDigits: true } : {}),
    },
    data.dates,
  );
  if (event.day) meta.date = event.day;
  if (event.note) state.fidelity.push(event.note);
  if (!meta.published) state.fidelity.push(meta.date ? '采集页面没有可读的发布日期，published 留空；会议日期取自正文。' : '采集页面没有可读的发布日期，文章按日期不详收录。');

  const everything = [meta.title, meta.originalTitle, meta.subtitle, ...list.map(textOf)].filter(Boolean).join('\n');
  const named = namesOf(data);
  meta.people = mentioned(everything, named.people);
  const identity = state.identity;
  const siteProvince = site?.province ?? identity?.places[0]?.name;
  const found = findPlaces(everything, data.gazetteer, siteProvince ?? identity?.registration);
  const places = found.places;
  // The text's words for its own place (我市, 本县) mean the site's place (identity.yaml).
  const own = ownPlaces(everything, identity, data);
  for (const place of own.places) {
    if (place.level !== 'province' && !places.some((other) => other.path.join('/') === place.path.join('/'))) places.push(place);
    found.provinces.set(place.province, (found.provinces.get(place.province) ?? 0) + 1);
  }
  meta.places = places.map((place) => place.name);
  meta.placePaths = places.map((place) => place.path.join('/'));

  const leads = [meta.title, meta.originalTitle, meta.subtitle, ...sectionLeads(list)].filter((text): text is string => Boolean(text));
  meta.meetingType = data.meetingTypes.filter((type) => leads.some((lead) => type.pattern.test(lead))).map((type) => type.name);

  // Else the province of the site, of its region (a Hong Kong outlet), or, for a text that speaks
  // of its own place, of the site's registration.
  meta.province =
    province(meta.people, found.provinces, data) ??
    siteProvince ??
    outletRegion(state, data.regions)?.name ??
    (own.referred ? identity?.registration : undefined) ??
    '未知';
  if (!meta.publisher) state.fidelity.push('页面没有注明原发媒体，publisher 留空。');
};

/**
 * The places a text means by its words for its own place (我市, 本县: identity.yaml): of the
 * site's place and its ancestors, the deepest whose full name ends as the word does (on the site of
 * 张家界市永定区, 我区 is 永定区 and 我市 张家界). `referred` says whether the text uses such words.
 */
function ownPlaces(text: string, identity: SiteIdentity | undefined, data: ArchiveData): { places: GazetteerPlace[]; referred: boolean } {
  const places: GazetteerPlace[] = [];
  let referred = false;
  for (const reference of data.identity.selfReferences) {
    if (!reference.words.some((word) => text.includes(word))) continue;
    referred = true;
    const place = [...(identity?.places ?? [])].reverse().find((candidate) => candidate.fullName.endsWith(reference.suffix));
    if (place && !places.includes(place)) places.push(place);
  }
  return { places, referred };
}

/**
 * The lead and the paragraph after it: the first body paragraphs written as prose (a page's
 * leftover navigation and labels, which an unknown site's extraction may keep, are not).
 */
function leadParagraphs(body: Element[]): string[] {
  const texts = body.map(textOf);
  const prose = texts.filter((text) => [...text].length >= 20 && /[，。；！？]/u.test(text));
  return (prose.length ? prose : texts).slice(0, 2);
}

/** Every Hexo front-matter key goes in the ledger: what it said, and what became of it. */
function recordFrontMatter(state: IngestState, vocabulary: DateVocabulary): void {
  const used: Record<string, string> = { title: 'title', subtitle: 'subtitle', link: 'sourceUrl', source: 'sourceUrl', url: 'sourceUrl', permalink: 'sourceUrl' };
  for (const key of vocabulary.frontMatterKeys) used[key] = 'published';
  for (const key of vocabulary.retrievedKeys) used[key] = 'retrieved';
  used.author = state.site?.frontMatter.author === 'site' ? 'site' : 'authors';
  for (const [key, value] of Object.entries(state.frontMatter).sort(([a], [b]) => (a < b ? -1 : 1))) {
    // A Date is quoted as the post wrote it: its ISO form may name another day (2021-02-30).
    const written = value instanceof Date ? (frontMatterText(state, key) ?? value.toISOString()) : typeof value === 'object' ? JSON.stringify(value) : String(value);
    const text = `${key}: ${written}`;
    state.ledger.push(
      used[key]
        ? { step: 'front-matter', action: 'moved', label: '文件开头的文章属性', field: used[key], text }
        : { step: 'front-matter', action: 'removed', label: '文件开头的文章属性（与文章无关）', text },
    );
  }
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

const namedOfficials = new WeakMap<ArchiveData, { people: Named[] }>();

/** The officials of the archive's data as a name list, made once per data. */
function namesOf(data: ArchiveData): { people: Named[] } {
  let named = namedOfficials.get(data);
  if (!named) {
    named = { people: data.officials.map((official) => ({ name: official.name, aliases: official.aliases, boundary: official.boundary })) };
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

/**
 * The province the article is about: the one its officials and the places and provinces it
 * names (each mention counts) point to most; none when two come equal.
 */
function province(people: string[], mentions: Map<string, number>, data: ArchiveData): string | undefined {
  const votes = new Map<string, number>();
  const vote = (name: string | undefined, count = 1) => {
    if (name && name !== '国家') votes.set(name, (votes.get(name) ?? 0) + count);
  };
  for (const person of people) vote(data.officials.find((official) => official.name === person)?.province);
  for (const [name, count] of mentions) vote(name, count);
  const ranked = [...votes].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  if (!ranked.length || (ranked[1] && ranked[1][1] === ranked[0]![1])) return undefined;
  return ranked[0]![0];
}

