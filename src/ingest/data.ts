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
}

export interface LineRule {
  id: string;
  label: string;
  pattern: RegExp;
  /** `block`: the rule must match a whole block; `tail`: the end of the last body paragraph. */
  scope: 'block' | 'tail';
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
  locality?: string;
  selfReferences: string[];
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
    selfReferences: strings(value, 'selfReferences', where),
    frontMatter,
    detect: strings(value, 'detect', where).map((pattern) => regex(pattern, where, 'mu')),
    remove: selectorRules('remove'),
    unwrap: selectorRules('unwrap'),
    lines: (Array.isArray(value.lines) ? (value.lines as Raw[]) : []).map((rule) => lineRule(rule, where, id)),
  };
}

function lineRule(value: Raw, where: string, namespace: string): LineRule {
  const id = text(value, 'id', where);
  const scope = value.scope === 'tail' ? 'tail' : 'block';
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
