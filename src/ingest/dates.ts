/**
 * Reading dates as captures write them, and the calendar arithmetic the date rules need. Shared
 * by the steps that read dates (publication-date, metadata, the credit lines of furniture): a
 * date is only ever written to an article as a real calendar day inside the archive's years.
 */

export interface YearRange {
  earliest: number;
  latest: number;
}

export interface DateVocabulary {
  years: YearRange;
  bylineMarkers: { strong: string[]; weak: string[] };
  chromeMarkers: string[];
  metaNames: string[];
  jsonLdKeys: string[];
  scriptKeys: string[];
  frontMatterKeys: string[];
  /** Front-matter keys that give the day a page was saved. */
  retrievedKeys: string[];
  relativeDays: Record<string, number>;
  weekdayPrefixes: string[];
  weekdayNames: string[];
  weekdaySunday: string[];
  lastWeek: string[];
  thisWeek: string[];
  dayParts: string[];
  periodBefore: string[];
  periodAfter: string[];
  eventDateAfter: string[];
  dayOnlyBefore: string[];
}

/** The years of the web era that an archive of news pages can hold; data files may narrow them. */
export const DEFAULT_YEARS: YearRange = { earliest: 1990, latest: 2099 };

/** A date found in a text: the day it names, or why it names none. */
export type DateReading =
  | { day: string; text: string; index: number; hasTime: boolean }
  | { problem: string; text: string; index: number };

export function isDay(reading: DateReading | undefined): reading is Extract<DateReading, { day: string }> {
  return Boolean(reading && 'day' in reading);
}

/** YYYY-MM-DD for a day that exists in the calendar and in the archive's years, else why not. */
export function calendarDay(year: number, month: number, day: number, years: YearRange): { day: string } | { problem: string } {
  const written = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!Number.isInteger(year) || year < years.earliest || year > years.latest) {
    return { problem: `${written}: the year is outside ${years.earliest}–${years.latest}` };
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { problem: `${written} is not a day of the calendar` };
  return { day: written };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day an instant falls on in a time zone (Asia/Shanghai, Asia/Hong_Kong…). */
export function localDay(instant: number, zone: string, years: YearRange): { day: string } | { problem: string } {
  if (!Number.isFinite(instant) || Math.abs(instant) > 8.64e15) return { problem: 'the instant is outside the calendar' };
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return calendarDay(Number(parts.year), Number(parts.month), Number(parts.day), years);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** 0 for Monday … 6 for Sunday, as Chinese weeks count. */
export function weekdayOf(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

const HAN_DIGITS: Record<string, number> = { '〇': 0, '零': 0, '○': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9 };

/** 12, 十二, 二十三, 三十一 → number; 二〇二一 (a year, digit by digit) → 2021. */
export function hanNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (!text.includes('十')) return Number([...text].map((char) => HAN_DIGITS[char] ?? NaN).join(''));
  const [tens, units] = text.split('十');
  return (tens ? (HAN_DIGITS[tens] ?? NaN) : 1) * 10 + (units ? (HAN_DIGITS[units] ?? NaN) : 0);
}

/** Full-width digits and punctuation of dates (２０２１／８／９, １０：３０) as ASCII. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９／－：．]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

const HAN_NUM = '[〇零○一二两三四五六七八九十]';
const TIME = String.raw`(?:\s*(?:[Tt]|\s)\s*(?<hour>\d{1,2})[:：](?<minute>\d{2})(?:[:：](?<second>\d{2})(?:\.\d+)?)?(?<zone>\s*(?:Z|[+-]\d{2}:?\d{2}|GMT|UTC)(?:[+-]\d{1,2}(?::?\d{2})?)?)?)?`;
const ISO = String.raw`(?<!\d)(?<year>\d{4,})(?<sep>[-/.])(?<month>\d{1,2})\k<sep>(?<day>\d{1,2})(?!\d)` + TIME;
const HAN = String.raw`(?<hyear>\d{4,}|${HAN_NUM}{4})\s*年\s*(?<hmonth>\d{1,2}|${HAN_NUM}{1,2})\s*月\s*(?<hday>\d{1,2}|${HAN_NUM}{1,3})\s*[日号]` +
  String.raw`(?:\s*(?:上午|下午|晚上|早上|中午)?\s*(?<hhour>\d{1,2})\s*[:：时](?<hminute>\d{2})?)?`;
const RFC = String.raw`(?<rfc>(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:GMT|UTC|[+-]\d{4})?)`;
const MAYBE_DATE = /[0-9０-９]|[〇零○一二三四五六七八九]{4}\s*年/u;
const ANY_DATE = new RegExp(`${ISO}|${HAN}|${RFC}`, 'gu');

/**
 * Every date written in a text, in order: 2021-12-13 09:41, 2021/8/9, 2020年03月09日 10:30,
 * 二〇二一年十二月十三日, 2021-12-13T01:41:00Z, Thu, 29 Jul 2021 08:06:09 GMT. A time with a zone
 * is an instant, and gives the day it falls on in `zone`; a time without one is already the
 * outlet's local time. A date that names no real day inside the archive's years is returned
 * with the problem, so that a caller can say why it was not taken.
 */
export function findDates(text: string, zone: string, years: YearRange): DateReading[] {
  // Most lines hold no date at all: a digit (or a year in Han numerals) is needed for one.
  if (!MAYBE_DATE.test(text)) return [];
  const source = asciiDigits(text);
  const found: DateReading[] = [];
  for (const match of source.matchAll(ANY_DATE)) {
    const groups = match.groups!;
    const where = { text: match[0].trim(), index: match.index };
    if (groups.year) {
      const result = instantOrDay(Number(groups.year), Number(groups.month), Number(groups.day), groups, zone, years);
      found.push({ ...where, ...result, ...('day' in result ? { hasTime: groups.hour !== undefined } : {}) } as DateReading);
    } else if (groups.hyear) {
      const result = calendarDay(hanNumber(groups.hyear), hanNumber(groups.hmonth!), hanNumber(groups.hday!), years);
      found.push({ ...where, ...result, ...('day' in result ? { hasTime: groups.hhour !== undefined } : {}) } as DateReading);
    } else if (groups.rfc) {
      // Without a zone the time is the outlet's own: read it as written (as if in UTC).
      const hasZone = /(GMT|UTC|[+-]\d{4})$/.test(groups.rfc.trim());
      const instant = Date.parse(hasZone ? groups.rfc : `${groups.rfc} GMT`);
      const result = Number.isNaN(instant) ? { problem: `${where.text} is not a day of the calendar` } : localDay(instant, hasZone ? zone : 'UTC', years);
      found.push({ ...where, ...result, ...('day' in result ? { hasTime: /\d:\d/.test(groups.rfc) } : {}) } as DateReading);
    }
  }
  return found;
}

function instantOrDay(
  year: number,
  month: number,
  day: number,
  groups: Record<string, string | undefined>,
  zone: string,
  years: YearRange,
): { day: string } | { problem: string } {
  const written = calendarDay(year, month, day, years);
  if (!('day' in written) || !groups.zone?.trim()) return written;
  const hour = Number(groups.hour);
  const minute = Number(groups.minute);
  const second = Number(groups.second ?? 0);
  if (hour > 23 || minute > 59 || second > 60) return { problem: `${written.day} ${groups.hour}:${groups.minute} is not a time of day` };
  const offset = zoneOffsetMinutes(groups.zone.trim());
  return localDay(Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000, zone, years);
}

function zoneOffsetMinutes(zone: string): number {
  const signed = /([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
  if (!signed) return 0;
  const minutes = Number(signed[2]) * 60 + Number(signed[3] ?? 0);
  return signed[1] === '-' ? -minutes : minutes;
}

/**
 * The day a whole value names: a meta tag's content, a front-matter date, a JSON-LD string, a
 * script's timestamp (seconds or milliseconds since 1970). Undefined when the value holds no date.
 */
export function readDateValue(value: unknown, zone: string, years: YearRange): DateReading | undefined {
  if (value instanceof Date) {
    const time = value.getTime();
    if (Number.isNaN(time)) return { problem: 'the date is not a day of the calendar', text: String(value), index: 0 };
    // A YAML timestamp without a time is a day, whatever zone the parser put it in.
    const midnight = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0;
    const result = midnight
      ? calendarDay(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), years)
      : localDay(time, zone, years);
    return { ...result, text: value.toISOString(), index: 0, ...('day' in result ? { hasTime: !midnight } : {}) } as DateReading;
  }
  if (typeof value === 'number' || (typeof value === 'string' && /^\s*\d{10}(\d{3})?\s*$/.test(value))) {
    const number = Number(value);
    const digits = String(Math.trunc(Math.abs(number))).length;
    if (digits !== 10 && digits !== 13) return undefined;
    const result = localDay(digits === 10 ? number * 1000 : number, zone, years);
    return { ...result, text: String(value).trim(), index: 0, ...('day' in result ? { hasTime: true } : {}) } as DateReading;
  }
  if (typeof value !== 'string') return undefined;
  return findDates(value, zone, years)[0] ?? unreadable(value);
}

/** A value shaped like a date that findDates could not read at all (2021-13-45T99, 20211-1-1x). */
function unreadable(value: string): DateReading | undefined {
  const text = value.trim();
  if (!/^\d{4,}\s*[-/.年]\s*\d{1,2}/.test(asciiDigits(text))) return undefined;
  return { problem: `${text.slice(0, 40)} is not a date`, text, index: 0 };
}
