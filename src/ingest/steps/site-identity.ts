import type { ElementContent, Root, RootContent } from 'hast';
import type { Plugin } from 'unified';
import type { ArchiveData, IdentityRules } from '../data.ts';
import { findPlaces, type Gazetteer, type GazetteerPlace } from '../gazetteer.ts';
import { mayHold, prefilterWords } from '../pattern-literals.ts';
import { simplified, simplifiedEach } from '../script-variants.ts';
import { declaredTitles } from '../titles.ts';
import type { IdentitySource, IngestState, SiteIdentity } from '../types.ts';

/**
 * Reads which site a capture belongs to and where that site is, from what the page says of
 * itself (content/data/identity.yaml): its site profile's `locality`, its site-name <meta> tags
 * (SiteName, og:site_name), the parts of its <title> after the headline (…_洛阳市人民政府), the
 * JSON-LD publisher, its footer's 主办 and copyright lines, its author <meta> (a WeChat account:
 * 西安发布). The first name that names a place of the gazetteer gives the site's place, with its
 * prefecture and province (张家界市永定区人民政府 → 湖南 › 张家界 › 永定区). The ICP or 公网安备
 * registration number in the footer (湘ICP备…) gives the province where the site is registered,
 * which decides between places that share a name.
 *
 * It runs on the whole page, before body extraction drops the header and footer where a site
 * names itself. The metadata step uses the place for the text's references to its own place
 * (我市, 本县) and as the province of an article whose text names none; nothing here reaches the
 * article's text.
 */
export const readSiteIdentity: Plugin<[ArchiveData], Root> = (data) => (tree, file) => {
  const state = file.data.ingest!;
  const identity = siteIdentity(state, pageLines(tree), data.identity, data.gazetteer);
  if (identity) state.identity = identity;
};

/** A line of a page that names its site is short. */
const LINE_MAX = 200;

export function siteIdentity(state: IngestState, lines: string[], rules: IdentityRules, gazetteer: Gazetteer): SiteIdentity | undefined {
  const short = simplifiedEach(lines.filter((line) => line.length <= LINE_MAX));
  const registration = registrationProvince(short, rules);
  const province = registration ?? state.site?.province;

  const profile = state.site?.locality;
  if (profile) {
    const place = gazetteer.places.find((candidate) => candidate.name === profile && (!state.site?.province || candidate.province === state.site.province));
    if (place) return { name: profile, source: 'profile', places: chainOf(place, gazetteer), ...(registration ? { registration } : {}) };
  }
  for (const { name, source } of candidateNames(state, short, rules)) {
    const places = placesNamed(simplified(name), gazetteer, province);
    if (places) return { name, source, places, ...(registration ? { registration } : {}) };
  }
  return registration ? { places: [], registration } : undefined;
}

/** The names a page gives its site, most trusted first. */
function candidateNames(state: IngestState, lines: string[], rules: IdentityRules): { name: string; source: IdentitySource }[] {
  const names: { name: string; source: IdentitySource }[] = [];
  const page = state.page;
  for (const key of rules.siteNameMeta) for (const entry of page.meta) if (entry.name === key && entry.content) names.push({ name: entry.content, source: 'meta' });
  for (const part of declaredTitles(page).titleTagSite) names.push({ name: part, source: 'title' });
  for (const key of rules.jsonLdNames) {
    for (const item of page.jsonLd) {
      const value = item[key];
      const name = typeof value === 'string' ? value : value && typeof value === 'object' ? (value as Record<string, unknown>).name : undefined;
      if (typeof name === 'string' && name.trim()) names.push({ name, source: 'json-ld' });
    }
  }
  for (const item of page.jsonLd) if (item['@type'] === 'WebSite' && typeof item.name === 'string') names.push({ name: item.name, source: 'json-ld' });
  // The footer is at the end of the page: its lines are read from the last.
  for (const pattern of rules.footerPatterns) {
    const words = prefilterWords(pattern);
    for (let index = lines.length - 1; index >= 0; index--) {
      if (!mayHold(lines[index]!, words)) continue;
      const name = pattern.exec(lines[index]!)?.groups?.name;
      if (name) names.push({ name, source: 'footer' });
    }
  }
  for (const entry of page.meta) if (entry.name === 'author' && entry.content) names.push({ name: entry.content, source: 'author' });
  return names;
}

/** The province of the first ICP or 公网安备 registration among the lines, read from the last. */
function registrationProvince(lines: string[], rules: IdentityRules): string | undefined {
  const pattern = registrationPattern(rules);
  for (let index = lines.length - 1; index >= 0; index--) {
    const found = pattern.exec(lines[index]!)?.groups?.abbreviation;
    if (found) return rules.registrations.get(found);
  }
  return undefined;
}

const registrationPatterns = new WeakMap<IdentityRules, RegExp>();

function registrationPattern(rules: IdentityRules): RegExp {
  let pattern = registrationPatterns.get(rules);
  if (!pattern) {
    const abbreviations = [...rules.registrations.keys()].join('');
    const markers = rules.registrationMarkers.map((marker) => marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    pattern = new RegExp(`(?<abbreviation>[${abbreviations}])\\s*(?:${markers})`, 'u');
    registrationPatterns.set(rules, pattern);
  }
  return pattern;
}

/**
 * The place a site's name names, with its ancestors from the province down: the deepest place
 * the name holds (张家界市永定区 → 永定区, in 张家界, in 湖南), or its province alone (河南省人民政府).
 */
function placesNamed(name: string, gazetteer: Gazetteer, province: string | undefined): GazetteerPlace[] | undefined {
  const found = findPlaces(name, gazetteer, province);
  const deepest = found.places.reduce<GazetteerPlace | undefined>((best, place) => (!best || place.path.length > best.path.length ? place : best), undefined);
  if (deepest) return chainOf(deepest, gazetteer);
  const provinces = [...found.provinces.keys()];
  if (provinces.length !== 1) return undefined;
  const only = gazetteer.provinces.find((candidate) => candidate.name === provinces[0]);
  return only ? [only] : undefined;
}

/** A place and its ancestors, from the province down: [湖南, 张家界, 永定区]. */
function chainOf(place: GazetteerPlace, gazetteer: Gazetteer): GazetteerPlace[] {
  const chain: GazetteerPlace[] = [];
  const province = gazetteer.provinces.find((candidate) => candidate.name === place.province);
  if (province) chain.push(province);
  if (place.parent) {
    const parent = gazetteer.places.find((candidate) => candidate.level === 'prefecture' && candidate.name === place.parent && candidate.province === place.province);
    if (parent) chain.push(parent);
  }
  if (place.level !== 'province') chain.push(place);
  return chain;
}

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'section', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
]);
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'iframe', 'object', 'svg', 'math', 'select', 'option', 'textarea']);

/** The visible lines of a page, in document order: the text between block boundaries. */
export function pageLines(tree: Root): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = current.replace(/\s+/gu, ' ').trim();
    if (line) lines.push(line);
    current = '';
  };
  // An explicit stack: a hostile page may nest deeper than the call stack. A marker closes each block.
  const stack: ({ node: RootContent | ElementContent } | { close: true })[] = [...tree.children].reverse().map((node) => ({ node }));
  while (stack.length) {
    const entry = stack.pop()!;
    if ('close' in entry) {
      flush();
      continue;
    }
    const { node } = entry;
    if (node.type === 'text') {
      current += node.value;
      continue;
    }
    if (node.type !== 'element' || HIDDEN.has(node.tagName)) continue;
    const block = BLOCK.has(node.tagName) || node.tagName === 'p';
    if (block) {
      flush();
      stack.push({ close: true });
    }
    for (let index = node.children.length - 1; index >= 0; index--) stack.push({ node: node.children[index]! });
  }
  flush();
  return lines;
}
