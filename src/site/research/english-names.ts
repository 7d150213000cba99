/**
 * English names for the /en/ edition: people and places in Hanyu Pinyin (许达哲 → Xu Dazhe,
 * 湘西 → Xiangxi, 沈丘县 → Shenqiu County), provinces, meeting types and publishers in English
 * from content/data/english.yaml.
 *
 * Pinyin follows the national romanisation of names (GB/T 28039): surname first, the given
 * name written as one word, each capitalised, tone marks left out, ü kept, and an apostrophe
 * before a syllable that begins with a, o or e inside a word (Xi'an). Surnames are read with
 * pinyin-pro's surname mode, so 单 is Shan and 曾 is Zeng.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pinyin } from 'pinyin-pro';
import { ResearchDataError, isFields, readYamlFile } from './data-file.ts';

export interface EnglishNames {
  provinces: ReadonlyMap<string, string>;
  meetingTypes: ReadonlyMap<string, string>;
  publishers: ReadonlyMap<string, string>;
  /** Longest first. */
  placeSuffixes: readonly { suffix: string; english: string }[];
  compoundSurnames: ReadonlySet<string>;
  readings: ReadonlyMap<string, string>;
}

export function loadEnglishNames(file: string): EnglishNames {
  return parseEnglishNames(readYamlFile(file), file);
}

/**
 * The English names of an archive's content folder (<contentDir>/data/english.yaml); without the
 * file every name is spelt in pinyin.
 */
export function englishNamesOf(contentDir: string): EnglishNames {
  const file = path.join(contentDir, 'data', 'english.yaml');
  return existsSync(file) ? loadEnglishNames(file) : parseEnglishNames({}, file);
}

export function parseEnglishNames(value: unknown, file: string): EnglishNames {
  if (!isFields(value)) throw new ResearchDataError(file, 'must be a YAML mapping of sections');
  const mapping = (key: string): Map<string, string> => {
    const section = value[key] ?? {};
    if (!isFields(section)) throw new ResearchDataError(file, `${key} must be a mapping of Chinese → English`);
    return new Map(Object.entries(section).map(([chinese, english]) => [chinese, englishText(english, file, `${key}: ${chinese}`)]));
  };
  const surnames = value.compoundSurnames ?? [];
  if (!Array.isArray(surnames) || surnames.some((surname) => typeof surname !== 'string' || [...surname].length !== 2)) {
    throw new ResearchDataError(file, 'compoundSurnames must be a list of two-character surnames');
  }
  const suffixes = [...mapping('placeSuffixes')].map(([suffix, english]) => ({ suffix, english }));
  return {
    provinces: mapping('provinces'),
    meetingTypes: mapping('meetingTypes'),
    publishers: mapping('publishers'),
    placeSuffixes: suffixes.sort((a, b) => b.suffix.length - a.suffix.length),
    compoundSurnames: new Set(surnames as string[]),
    readings: mapping('readings'),
  };
}

function englishText(value: unknown, file: string, where: string): string {
  if (typeof value !== 'string' || !value.trim()) throw new ResearchDataError(file, `${where} must be a non-empty English name`);
  return value.trim();
}

const HAN = /\p{Script=Han}/u;

function capitalise(word: string): string {
  return word ? word[0]!.toUpperCase() + word.slice(1) : word;
}

/** Syllables written as one word: an apostrophe before a, o or e that does not start the word. */
function joinSyllables(syllables: readonly string[]): string {
  return syllables.reduce((word, syllable) => (word && /^[aoe]/.test(syllable) ? `${word}'${syllable}` : word + syllable), '');
}

function syllablesOf(text: string, mode: 'normal' | 'surname'): string[] {
  return pinyin(text, { toneType: 'none', type: 'array', mode, nonZh: 'consecutive' }).map((syllable) => syllable.toLowerCase());
}

/** A word of Han characters in pinyin, capitalised (长沙 → Changsha); other text is kept as it is. */
export function pinyinWord(text: string): string {
  if (!HAN.test(text)) return text;
  return capitalise(joinSyllables(syllablesOf(text, 'normal')));
}

/** A person's name, surname first: 许达哲 → Xu Dazhe, 欧阳琼 → Ouyang Qiong, 单雄信 → Shan Xiongxin. */
export function personName(name: string, names: EnglishNames): string {
  const known = names.readings.get(name);
  if (known) return known;
  // Transliterated names of other languages are written with a middle dot between their parts.
  if (name.includes('·')) return name.split('·').map((part) => pinyinWord(part)).join(' ');
  const characters = [...name];
  if (characters.length < 2 || !characters.every((character) => HAN.test(character))) return pinyinWord(name);
  const surnameLength = characters.length > 2 && names.compoundSurnames.has(characters.slice(0, 2).join('')) ? 2 : 1;
  // Surname mode reads the whole name so that the surname gets its surname reading.
  const syllables = syllablesOf(name, 'surname');
  if (syllables.length !== characters.length) return pinyinWord(name);
  const surname = capitalise(joinSyllables(syllables.slice(0, surnameLength)));
  const given = capitalise(joinSyllables(syllables.slice(surnameLength)));
  return `${surname} ${given}`;
}

/**
 * A place: prefectures by their pinyin (湘西 → Xiangxi), counties and districts with the English
 * word for their suffix (沈丘县 → Shenqiu County, 岳麓区 → Yuelu District).
 */
export function placeName(name: string, names: EnglishNames, level?: 'prefecture' | 'county'): string {
  const known = names.readings.get(name);
  if (known) return known;
  if (level !== 'prefecture') {
    for (const { suffix, english } of names.placeSuffixes) {
      if (name.length > suffix.length && name.endsWith(suffix)) return `${pinyinWord(name.slice(0, -suffix.length))} ${english}`;
    }
  }
  return pinyinWord(name);
}

/** A province in English (湖南 → Hunan), else its pinyin. */
export function provinceName(name: string, names: EnglishNames): string {
  return names.provinces.get(name) ?? pinyinWord(name.replace(/省$/, ''));
}

/** A meeting type in English, or undefined when the data has none. */
export function meetingTypeName(name: string, names: EnglishNames): string | undefined {
  return names.meetingTypes.get(name);
}

/** A publisher's own English name (湖南日报 → Hunan Daily), or undefined when it has none. */
export function publisherName(name: string, names: EnglishNames): string | undefined {
  return names.publishers.get(name);
}

