import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ContractError, readOfficials, readPlaces, type Official, type Place } from '../contract.ts';
import { type DateVocabulary } from './dates.ts';
import { buildGazetteer, type Gazetteer, type GazetteerRules } from './gazetteer.ts';

/**
 * The archive's knowledge, kept in `content/data/*.yaml` so that an archivist can extend it
 * without touching code: which lines are furniture, which sites wrap articles how, who the
 * officials are, which places exist, what kinds of meeting there are.
 */
export interface ArchiveData {
  furniture: LineRule[];
  sites: SiteProfile[];
  officials: Official[];
  /** places.yaml: aliases of the gazetteer's places, and places it lacks. */
  places: Place[];
  /** Every province, prefecture and county of China (gazetteer.ts), with places.yaml's additions. */
  gazetteer: Gazetteer;
  /** How pages write dates (dates.yaml). */
  dates: DateVocabulary;
  /** Regions whose outlets write another script variant or keep another clock (regions.yaml). */
  regions: Regions;
  meetingTypes: MeetingType[];
  publishers: Publisher[];
  journalists: string[];
  /** Forms of short stand-alone photo captions (许达哲讲话。). */
  captionForms: RegExp[];
  /** What the blocks of a web page are, by their class and id (main-content.yaml). */
  mainContent: MainContentHints;
  /** Which images are decoration rather than photographs (main-content.yaml). */
  decorativeImages: DecorativeImageRules;
  /** How a page names its own site and where that site is (identity.yaml). */
  identity: IdentityRules;
  /** The labels of credit lines (credits.yaml): 记者, 编辑, 来源 … and the field each fills. */
  credits: CreditLabel[];
}

/** How a page names the site it belongs to, and the words by which its text refers to that place. */
export interface IdentityRules {
  /** <meta> names (lowercase) whose content is the site's name, most trusted first. */
  siteNameMeta: string[];
  /** JSON-LD properties whose object (or string) names the site or its publisher. */
  jsonLdNames: string[];
  /** Patterns of the page's own lines (its footer) with a named group `name`: 主办：…, … 版权所有. */
  footerPatterns: RegExp[];
  /** The one-character province abbreviations of ICP and 公网安备 registration numbers (豫ICP备 → 河南). */
  registrations: Map<string, string>;
  /** What follows the abbreviation in such a number (ICP备, 公网安备). */
  registrationMarkers: string[];
  /** Words by which a text means its own site's place (我市, 本县), with the suffix of that place's name. */
  selfReferences: { words: string[]; suffix: string }[];
  /** Words by which a page names its own outlet (本站, 本报): the publisher is then the site's own. */
  selfNames: string[];
}

/** A label of a credit line and what its value is. */
export interface CreditLabel {
  /** The ledger's rule id and label for a line that holds this credit alone. */
  id: string;
  label: string;
  /** The front-matter field its value fills; none for labels that only separate credits (阅读, 分类). */
  field?: 'authors' | 'photographers' | 'editors' | 'publisher';
  words: string[];
}

/** Class and id names that mark one kind of block of a web page. */
export interface StructureHint {
  label: string;
  /** Matched against the parts of a class or id (split at -, _, spaces and camelCase). */
  words: Set<string>;
  /** Headings that open such a block (相关新闻, 网友评论), white space and punctuation aside. */
  headings: Set<string>;
  /** Matched anywhere in a class or id. */
  fragments: string[];
}

/** How an image shows itself to be decoration (QR code, logo, banner, divider, pixel) by its address, alt text or declared size. */
export interface DecorativeImageRules {
  /** Lowercase parts of an address's path, or words of alt text. */
  words: string[];
  /** Height ÷ width below which an image is a strip. */
  stripRatio: number;
  /** A side of at most this many pixels makes a speck. */
  speckPixels: number;
  /** Attributes holding height ÷ width. */
  ratioAttributes: string[];
  /** Attributes holding the image's address, most telling first. */
  sourceAttributes: string[];
}

export interface MainContentHints {
  content: StructureHint;
  headline: StructureHint;
  furniture: StructureHint[];
  bylineWords: string[];
  closingWords: string[];
  archiveHosts: string[];
}

export interface LineRule {
  id: string;
  label: string;
  pattern: RegExp;
  /**
   * `block`: the rule must match a whole block; `head`: a whole block above the article's first
   * paragraph of prose (a byline); `foot`: a whole block below its last (a signature date);
   * `tail`: the end of the last body paragraph.
   */
  scope: 'block' | 'head' | 'foot' | 'tail';
}

export interface SelectorRule {
  selector: string;
  label: string;
}

export interface SiteProfile {
  id: string;
  name: string;
  publisher?: string;
  province?: string;
  /** The place the site belongs to (沈丘县): what its text's 我县 and 本县 mean (identity.yaml). */
  locality?: string;
  frontMatter: Record<string, string>;
  detect: RegExp[];
  remove: SelectorRule[];
  unwrap: SelectorRule[];
  lines: LineRule[];
}

export interface Region {
  name: string;
  timeZone: string;
  script: 'zh-Hant' | 'zh-Hant-HK' | 'zh-Hant-TW';
  opencc: 'hk' | 'tw';
  hosts: string[];
  languages: string[];
  provinces: string[];
}

export interface Regions {
  defaultTimeZone: string;
  hongKongForms: number;
  regions: Region[];
}

export interface MeetingType {
  name: string;
  pattern: RegExp;
}

export interface Publisher {
  name: string;
  aliases: string[];
}

/** A data file that cannot be used; the CLI reports it in one line. */
export class DataError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'DataError';
  }
}

type Raw = Record<string, unknown>;

export function loadArchiveData(dir: string): ArchiveData {
  const readYaml = (name: string): unknown => {
    const file = join(dir, name);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new DataError(file, 'cannot be read');
    }
    try {
      return parse(text) as unknown;
    } catch (error) {
      throw new DataError(file, `is not valid YAML: ${firstLine(error)}`);
    }
  };
  const read = (name: string): unknown[] => {
    const value = readYaml(name);
    if (!Array.isArray(value)) throw new DataError(join(dir, name), 'must be a YAML list');
    return value;
  };
  const mapping = (name: string): Raw => {
    const value = readYaml(name);
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new DataError(join(dir, name), 'must be a YAML mapping');
    return value as Raw;
  };
  const entries = (name: string) =>
    read(name).map((value, index) => {
      if (!value || typeof value !== 'object') throw new DataError(join(dir, name), `entry ${index + 1} is not a mapping`);
      return { value: value as Raw, where: `${join(dir, name)}: entry ${index + 1}` };
    });

  const furniture = entries('furniture.yaml').map(({ value, where }) => lineRule(value, where, 'common'));
  const sites = entries('sites.yaml').map(({ value, where }) => siteProfile(value, where));
  // Officials and places are the contract's (src/contract.ts): the site reads the same files.
  const contract = <T>(name: string, reader: (value: unknown, file: string) => T): T => {
    try {
      return reader(readYaml(name), join(dir, name));
    } catch (error) {
      if (error instanceof ContractError) throw new DataError(error.file, error.reason);
      throw error;
    }
  };
  const officials = contract('officials.yaml', readOfficials);
  const places = contract('places.yaml', readPlaces);
  const meetingTypes = entries('meeting-types.yaml').map(({ value, where }) => ({
    name: text(value, 'name', where),
    pattern: regex(text(value, 'pattern', where), where),
  }));
  const publishers = entries('publishers.yaml').map(({ value, where }) => ({
    name: text(value, 'name', where),
    aliases: strings(value, 'aliases', where),
  }));
  const journalists = read('journalists.yaml').map((name, index) => {
    if (typeof name !== 'string' || !name.trim()) {
      throw new DataError(join(dir, 'journalists.yaml'), `entry ${index + 1} is not a name`);
    }
    return name.trim();
  });
  const captionForms = read('captions.yaml').map((pattern, index) => {
    const where = `${join(dir, 'captions.yaml')}: entry ${index + 1}`;
    if (typeof pattern !== 'string') throw new DataError(where, 'must be a pattern string');
    return regex(pattern, where);
  });
  const dates = dateVocabulary(mapping('dates.yaml'), join(dir, 'dates.yaml'));
  const regions = regionList(mapping('regions.yaml'), join(dir, 'regions.yaml'));
  const rules = gazetteerRules(mapping('gazetteer.yaml'), join(dir, 'gazetteer.yaml'));
  let gazetteer: Gazetteer | undefined;
  return {
    furniture,
    sites,
    officials,
    places,
    // Built on first use: the main thread of a run on workers never needs it.
    get gazetteer() {
      gazetteer ??= buildGazetteer(rules, places);
      return gazetteer;
    },
    dates,
    regions,
    meetingTypes,
    publishers,
    journalists,
    captionForms,
    mainContent: mainContentHints(mapping('main-content.yaml'), join(dir, 'main-content.yaml')),
    decorativeImages: decorativeImageRules(mapping('main-content.yaml'), join(dir, 'main-content.yaml')),
    identity: identityRules(mapping('identity.yaml'), join(dir, 'identity.yaml')),
    credits: creditLabels(mapping('credits.yaml'), join(dir, 'credits.yaml')),
  };
}

function dateVocabulary(value: Raw, file: string): DateVocabulary {
  const years = value.years as Raw | undefined;
  if (!years || typeof years.earliest !== 'number' || typeof years.latest !== 'number' || years.earliest > years.latest || years.earliest < 1 || years.latest > 9999) {
    throw new DataError(file, 'years must give earliest and latest, four-digit years in order');
  }
  const markers = (value.bylineMarkers ?? {}) as Raw;
  const relativeDays: Record<string, number> = {};
  for (const [word, offset] of Object.entries((value.relativeDays ?? {}) as Raw)) {
    if (!Number.isInteger(offset)) throw new DataError(file, `relativeDays: ${word} must be a whole number of days`);
    relativeDays[word] = offset as number;
  }
  const weekdayNames = strings(value, 'weekdayNames', file);
  if (weekdayNames.length !== 7) throw new DataError(file, 'weekdayNames must name the seven days, Monday first');
  return {
    years: { earliest: years.earliest, latest: years.latest },
    bylineMarkers: { strong: strings(markers, 'strong', `${file}: bylineMarkers`), weak: strings(markers, 'weak', `${file}: bylineMarkers`) },
    chromeMarkers: strings(value, 'chromeMarkers', file),
    metaNames: strings(value, 'metaNames', file).map((name) => name.toLowerCase()),
    jsonLdKeys: strings(value, 'jsonLdKeys', file),
    scriptKeys: strings(value, 'scriptKeys', file),
    frontMatterKeys: strings(value, 'frontMatterKeys', file),
    retrievedKeys: strings(value, 'retrievedKeys', file),
    relativeDays,
    weekdayPrefixes: strings(value, 'weekdayPrefixes', file),
    weekdayNames,
    weekdaySunday: strings(value, 'weekdaySunday', file),
    lastWeek: strings(value, 'lastWeek', file),
    thisWeek: strings(value, 'thisWeek', file),
    dayParts: strings(value, 'dayParts', file),
    periodBefore: strings(value, 'periodBefore', file),
    periodAfter: strings(value, 'periodAfter', file),
    eventDateAfter: strings(value, 'eventDateAfter', file),
    dayOnlyBefore: strings(value, 'dayOnlyBefore', file),
  };
}

function regionList(value: Raw, file: string): Regions {
  const zone = (name: unknown, where: string): string => {
    if (typeof name !== 'string' || !validTimeZone(name)) throw new DataError(where, `${String(name)} is not a time zone name (Asia/Shanghai, Asia/Hong_Kong …)`);
    return name;
  };
  const forms = value.hongKongForms;
  if (!Number.isInteger(forms) || (forms as number) < 1) throw new DataError(file, 'hongKongForms must be a whole number of characters');
  return {
    defaultTimeZone: zone(value.defaultTimeZone, `${file}: defaultTimeZone`),
    hongKongForms: forms as number,
    regions: (Array.isArray(value.regions) ? (value.regions as Raw[]) : []).map((entry, index) => {
      const where = `${file}: region ${index + 1}`;
      if (!entry || typeof entry !== 'object') throw new DataError(where, 'is not a mapping');
      const script = text(entry, 'script', where);
      if (script !== 'zh-Hant' && script !== 'zh-Hant-HK' && script !== 'zh-Hant-TW') throw new DataError(where, 'script must be zh-Hant, zh-Hant-HK or zh-Hant-TW');
      const opencc = text(entry, 'opencc', where);
      if (opencc !== 'hk' && opencc !== 'tw') throw new DataError(where, 'opencc must be hk or tw');
      return {
        name: text(entry, 'name', where),
        timeZone: zone(entry.timeZone, where),
        script,
        opencc,
        hosts: strings(entry, 'hosts', where).map((host) => host.toLowerCase()),
        languages: strings(entry, 'languages', where).map((language) => language.toLowerCase()),
        provinces: strings(entry, 'provinces', where),
      };
    }),
  };
}

function validTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function gazetteerRules(value: Raw, file: string): GazetteerRules {
  const shorter = value.listedShorterThan;
  if (!Number.isInteger(shorter) || (shorter as number) < 1) throw new DataError(file, 'listedShorterThan must be a whole number of characters');
  return {
    prefectureSuffixes: strings(value, 'prefectureSuffixes', file),
    provinceSuffixes: strings(value, 'provinceSuffixes', file),
    ethnicGroups: strings(value, 'ethnicGroups', file),
    listedOnly: strings(value, 'listedOnly', file),
    prefixedOnly: strings(value, 'prefixedOnly', file),
    listedShorterThan: shorter as number,
    listedSuffixes: strings(value, 'listedSuffixes', file),
  };
}

function mainContentHints(raw: Raw, file: string): MainContentHints {
  const hint = (entry: unknown, where: string): StructureHint => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new DataError(file, `${where} must be a mapping with label, words and fragments`);
    const lower = (key: string) => strings(entry as Raw, key, `${file}: ${where}`).map((name) => name.toLowerCase());
    const headings = strings(entry as Raw, 'headings', `${file}: ${where}`).map((heading) => heading.replace(/[\s\p{P}\p{S}]/gu, ''));
    return { label: text(entry as Raw, 'label', `${file}: ${where}`), words: new Set(lower('words')), headings: new Set(headings), fragments: lower('fragments') };
  };
  if (!Array.isArray(raw.furniture)) throw new DataError(file, 'furniture must be a list of hint groups');
  return {
    content: hint(raw.content, 'content'),
    headline: hint(raw.headline, 'headline'),
    furniture: raw.furniture.map((entry, index) => hint(entry, `furniture entry ${index + 1}`)),
    bylineWords: strings(raw, 'bylineWords', file),
    closingWords: strings(raw, 'closingWords', file).map((word) => word.toLowerCase()),
    archiveHosts: strings(raw, 'archiveHosts', file).map((host) => host.toLowerCase()),
  };
}

function decorativeImageRules(raw: Raw, file: string): DecorativeImageRules {
  const section = raw.decorativeImages;
  if (!section || typeof section !== 'object' || Array.isArray(section)) throw new DataError(file, 'decorativeImages must be a mapping');
  const where = `${file}: decorativeImages`;
  const fields = section as Raw;
  const positive = (key: string): number => {
    const value = fields[key];
    if (typeof value !== 'number' || !(value > 0)) throw new DataError(where, `${key} must be a positive number`);
    return value;
  };
  return {
    words: strings(fields, 'words', where).map((word) => word.toLowerCase()),
    stripRatio: positive('stripRatio'),
    speckPixels: positive('speckPixels'),
    ratioAttributes: strings(fields, 'ratioAttributes', where).map((name) => name.toLowerCase()),
    sourceAttributes: strings(fields, 'sourceAttributes', where).map((name) => name.toLowerCase()),
  };
}

function identityRules(raw: Raw, file: string): IdentityRules {
  const registrations = new Map<string, string>();
  const provinces = raw.registrations;
  if (!provinces || typeof provinces !== 'object' || Array.isArray(provinces)) throw new DataError(file, 'registrations must map one-character abbreviations to provinces');
  for (const [abbreviation, province] of Object.entries(provinces as Raw)) {
    if ([...abbreviation].length !== 1 || typeof province !== 'string' || !province.trim()) {
      throw new DataError(file, `registrations: ${abbreviation} must be one character mapped to a province name`);
    }
    registrations.set(abbreviation, province.trim());
  }
  const selfReferences = (Array.isArray(raw.selfReferences) ? (raw.selfReferences as unknown[]) : []).map((entry, index) => {
    const where = `${file}: selfReferences entry ${index + 1}`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new DataError(where, 'must be a mapping with words and suffix');
    return { words: strings(entry as Raw, 'words', where), suffix: text(entry as Raw, 'suffix', where) };
  });
  return {
    siteNameMeta: strings(raw, 'siteNameMeta', file).map((name) => name.toLowerCase()),
    jsonLdNames: strings(raw, 'jsonLdNames', file),
    footerPatterns: strings(raw, 'footerPatterns', file).map((pattern, index) => {
      const compiled = regex(pattern, `${file}: footerPatterns entry ${index + 1}`);
      if (!/\(\?<name>/u.test(pattern)) throw new DataError(`${file}: footerPatterns entry ${index + 1}`, 'pattern must have a named group `name`');
      return compiled;
    }),
    registrations,
    registrationMarkers: strings(raw, 'registrationMarkers', file),
    selfReferences,
    selfNames: strings(raw, 'selfNames', file),
  };
}

const CREDIT_FIELDS = new Set(['authors', 'photographers', 'editors', 'publisher']);

function creditLabels(raw: Raw, file: string): CreditLabel[] {
  if (!Array.isArray(raw.labels)) throw new DataError(file, 'labels must be a list of label groups');
  return raw.labels.map((entry: unknown, index: number) => {
    const where = `${file}: labels entry ${index + 1}`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new DataError(where, 'must be a mapping with id, label and words');
    const value = entry as Raw;
    const field = optionalText(value, 'field', where);
    if (field !== undefined && !CREDIT_FIELDS.has(field)) throw new DataError(where, 'field must be authors, photographers, editors or publisher');
    const words = strings(value, 'words', where);
    if (!words.length) throw new DataError(where, 'words must list at least one label');
    return { id: text(value, 'id', where), label: text(value, 'label', where), ...(field ? { field: field as CreditLabel['field'] } : {}), words };
  });
}

function siteProfile(value: Raw, where: string): SiteProfile {
  const id = text(value, 'id', where);
  const selectorRules = (key: string): SelectorRule[] =>
    (Array.isArray(value[key]) ? (value[key] as Raw[]) : []).map((rule) => ({
      selector: text(rule, 'selector', where),
      label: text(rule, 'label', where),
    }));
  const frontMatter: Record<string, string> = {};
  if (value.frontMatter && typeof value.frontMatter === 'object') {
    for (const [key, meaning] of Object.entries(value.frontMatter as Raw)) frontMatter[key] = String(meaning);
  }
  const publisher = optionalText(value, 'publisher', where);
  const province = optionalText(value, 'province', where);
  const locality = optionalText(value, 'locality', where);
  return {
    id,
    name: text(value, 'name', where),
    ...(publisher ? { publisher } : {}),
    ...(province ? { province } : {}),
    ...(locality ? { locality } : {}),
    frontMatter,
    detect: strings(value, 'detect', where).map((pattern) => regex(pattern, where, 'mu')),
    remove: selectorRules('remove'),
    unwrap: selectorRules('unwrap'),
    lines: (Array.isArray(value.lines) ? (value.lines as Raw[]) : []).map((rule) => lineRule(rule, where, id)),
  };
}

function lineRule(value: Raw, where: string, namespace: string): LineRule {
  const id = text(value, 'id', where);
  const scope = value.scope === 'tail' || value.scope === 'head' || value.scope === 'foot' ? value.scope : 'block';
  return {
    id: namespace === 'common' ? id : `${namespace}/${id}`,
    label: text(value, 'label', where),
    pattern: regex(text(value, 'pattern', where), `${where} (${id})`),
    scope,
  };
}

function regex(source: string, where: string, flags = 'u'): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new DataError(where, `pattern is not a valid regular expression: ${firstLine(error)}`);
  }
}

function text(value: Raw, key: string, where: string): string {
  const found = value[key];
  if (typeof found !== 'string' || !found.trim()) throw new DataError(where, `${key} must be a non-empty string`);
  return found.trim();
}

function optionalText(value: Raw, key: string, where: string): string | undefined {
  return value[key] === undefined ? undefined : text(value, key, where);
}

function strings(value: Raw, key: string, where: string): string[] {
  const found = value[key];
  if (found === undefined) return [];
  if (!Array.isArray(found) || found.some((item) => typeof item !== 'string')) {
    throw new DataError(where, `${key} must be a list of strings`);
  }
  return found as string[];
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
}
