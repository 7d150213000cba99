import { addDays, calendarDay, type DateVocabulary, findDates, hanNumber, isDay, weekdayOf } from './dates.ts';

/**
 * The day of the event an article reports (its `date`), as a reader finds it: the day the
 * headline names (8月8日南京市…), else the day the lead opens with (12月11日，省委书记…, 12月11日晚,
 * 记者12月11日从…获悉), else a relative day of the lead (今天下午, 昨天, 周一) counted from the
 * dateline's day or the publication day, else the dateline's day, else the publication day. A
 * date further into the text (传达学习7月28日会议精神, 自去年3月14日以来) never wins over these.
 */
export interface EventInput {
  title?: string;
  /** The first body paragraphs (after the dateline has been taken out). */
  leads: string[];
  published?: string;
  dateline?: { month: number; day: number };
  datelineLostDigits?: boolean;
}

export interface EventDay {
  day?: string;
  /** A fidelity note when the day was inferred from a relative word. */
  note?: string;
}

/** How far into the lead's first sentence a date may start and still be the lead's day. */
const LEAD_REACH = 20;
/** How far into the lead's first sentence a relative day word may be. */
const RELATIVE_REACH = 40;

export function eventDay(input: EventInput, vocabulary: DateVocabulary): EventDay {
  const reference = input.published
    ? input.dateline
      ? (dayInYear(input.dateline.month, input.dateline.day, input.published, vocabulary) ?? input.published)
      : input.published
    : undefined;

  const titled = input.title ? namedDay(input.title, input.published, vocabulary, Infinity) : undefined;
  if (titled) return { day: titled };

  for (const lead of input.leads.slice(0, 2)) {
    const sentence = firstSentence(lead);
    const named = namedDay(sentence, input.published, vocabulary, LEAD_REACH);
    if (named) return { day: named };
    if (!reference) continue;
    const relative = relativeDay(sentence.slice(0, RELATIVE_REACH), reference, vocabulary);
    if (relative) {
      if (input.dateline) return { day: relative.day };
      return {
        day: relative.day,
        note: input.datelineLostDigits
          ? `电头的日期数字在采集时丢失；会议日期按正文“${relative.word}”从发布日期推定为 ${relative.day}。`
          : `会议日期按正文“${relative.word}”从发布日期推定为 ${relative.day}。`,
      };
    }
  }
  return reference ? { day: reference } : {};
}

function firstSentence(text: string): string {
  const end = text.search(/[。！？]/u);
  return end < 0 ? text : text.slice(0, end + 1);
}

/**
 * The day a text names near its start: a full date (2021年8月8日), or a month and day
 * (8月8日, 8月8号) in the year of publication (or the one before, when that day would come after
 * publication), that is not the edge of a period (自7月20日以来, 截至8月8日24时, 8月1日起).
 */
function namedDay(whole: string, published: string | undefined, vocabulary: DateVocabulary, reach: number): string | undefined {
  // Only a date within reach counts: the rest of a long sentence need not be searched.
  const text = Number.isFinite(reach) ? whole.slice(0, reach + 40) : whole;
  const full = findDates(text, 'UTC', vocabulary.years).find((reading) => opensClause(text, reading.index, reach, vocabulary) && !inPeriod(text, reading.index, reading.text.length, vocabulary));
  if (full && isDay(full)) return full.day;
  const monthDay = /(?<![\d年])(\d{1,2}|[一二三四五六七八九十]{1,2})月(\d{1,2}|[一二三四五六七八九十]{1,3})[日号]/gu;
  for (const match of text.matchAll(monthDay)) {
    if (!opensClause(text, match.index, reach, vocabulary)) continue;
    if (inPeriod(text, match.index, match[0].length, vocabulary)) continue;
    if (!published) return undefined;
    return dayInYear(hanNumber(match[1]!), hanNumber(match[2]!), published, vocabulary);
  }
  if (monthDay.test(text)) return undefined;
  // A day without its month (上海市27日晚间召开…): the day of the act only with a part of a day or
  // a word of the act after it (dayOnlyBefore); 14日内 or 连续7日 is a count of days.
  for (const match of text.matchAll(/(?<![\d月年第近连续每数余多])(\d{1,2})日(?![\d])/gu)) {
    if (match.index > reach) break;
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 4);
    if (![...vocabulary.dayParts, ...vocabulary.dayOnlyBefore].some((word) => after.startsWith(word))) continue;
    if (inPeriod(text, match.index, match[0].length, vocabulary)) continue;
    if (!published) return undefined;
    return dayInMonth(Number(match[1]), published, vocabulary);
  }
  return undefined;
}

/** A day without its month belongs to the month of publication, or the one before. */
function dayInMonth(day: number, published: string, vocabulary: DateVocabulary): string | undefined {
  const year = Number(published.slice(0, 4));
  const month = Number(published.slice(5, 7));
  const candidate = calendarDay(year, month, day, vocabulary.years);
  if ('day' in candidate && candidate.day <= published) return candidate.day;
  const before = month === 1 ? calendarDay(year - 1, 12, day, vocabulary.years) : calendarDay(year, month - 1, day, vocabulary.years);
  return 'day' in before ? before.day : undefined;
}

/**
 * Whether a date at `index` is the day a lead is about: it opens the text or a clause of it
 * (12月11日，…; 据悉，12月11日…), or follows a word that introduces the day of the act (于, 记者),
 * within `reach` characters of the start. A date after a verb (传达学习12月8日会议精神) is one
 * mentioned in passing.
 */
function opensClause(text: string, index: number, reach: number, vocabulary: DateVocabulary): boolean {
  // The page chrome's day (今天是：2023年3月15日), where extraction left it, is not the event's.
  if (vocabulary.chromeMarkers.some((word) => text.slice(Math.max(0, index - word.length - 2), index).includes(word))) return false;
  if (index === 0) return true;
  if (index > reach) return false;
  const before = text.slice(0, index).replace(/\s+$/u, '');
  return /[，,：:；（(]$/u.test(before) || vocabulary.eventDateAfter.some((word) => before.endsWith(word));
}

/** Whether the date at `index` is the start or end of a period, by the words around it. */
function inPeriod(text: string, index: number, length: number, vocabulary: DateVocabulary): boolean {
  const before = text.slice(Math.max(0, index - 3), index);
  let after = text.slice(index + length, index + length + 6);
  for (const part of vocabulary.dayParts) if (after.startsWith(part)) after = after.slice(part.length);
  return vocabulary.periodBefore.some((word) => before.endsWith(word)) || vocabulary.periodAfter.some((word) => after.startsWith(word));
}

/** A month and day without a year belong to the year of publication, or the one before. */
export function dayInYear(month: number, day: number, published: string, vocabulary: DateVocabulary): string | undefined {
  const year = Number(published.slice(0, 4));
  const candidate = calendarDay(year, month, day, vocabulary.years);
  if (!('day' in candidate)) return undefined;
  if (candidate.day <= published) return candidate.day;
  const before = calendarDay(year - 1, month, day, vocabulary.years);
  return 'day' in before ? before.day : undefined;
}

/**
 * A day named relative to `reference`: 今天, 昨天, 前天 (relativeDays), or a day of the week
 * (周一, 星期三, 上周五, 本周二). A weekday is the last such day on or before the reference; with
 * 上周, the one of the week before the reference's week (weeks start on Monday).
 */
const patterns = new WeakMap<DateVocabulary, { relative: RegExp; weekday: RegExp }>();

/** The patterns of relative days and weekdays of a vocabulary, made once. */
function relativePatterns(vocabulary: DateVocabulary): { relative: RegExp; weekday: RegExp } {
  let made = patterns.get(vocabulary);
  if (!made) {
    const words = Object.keys(vocabulary.relativeDays).sort((a, b) => b.length - a.length);
    const names = [...vocabulary.weekdayNames, ...vocabulary.weekdaySunday].join('');
    made = {
      relative: new RegExp(`(${words.map(escape).join('|')})`, 'u'),
      weekday: new RegExp(
        `(?<![每一二两三几多数至到—-])(${[...vocabulary.lastWeek, ...vocabulary.thisWeek].map(escape).join('|')})?(${vocabulary.weekdayPrefixes.map(escape).join('|')})([${names}])(?![${names}次遍年岁至到—-])`,
        'u',
      ),
    };
    patterns.set(vocabulary, made);
  }
  return made;
}

function relativeDay(text: string, reference: string, vocabulary: DateVocabulary): { day: string; word: string } | undefined {
  const { relative: relativePattern, weekday } = relativePatterns(vocabulary);
  const relative = relativePattern.exec(text);
  const week = weekday.exec(text);
  if (relative && (!week || relative.index <= week.index)) {
    return { day: addDays(reference, vocabulary.relativeDays[relative[1]!]!), word: relative[1]! };
  }
  if (!week) return undefined;
  // A range of weekdays (周一至周五) is a schedule, not a day.
  if (/^[至到—-]/u.test(text.slice(week.index + week[0].length))) return undefined;
  const named = vocabulary.weekdayNames.indexOf(week[3]!);
  const target = named >= 0 ? named : 6;
  const offset = weekdayOf(reference);
  const monday = addDays(reference, -offset);
  let day: string;
  if (week[1] && vocabulary.lastWeek.includes(week[1])) day = addDays(monday, target - 7);
  else if (week[1] && vocabulary.thisWeek.includes(week[1])) day = addDays(monday, target);
  else day = target <= offset ? addDays(monday, target) : addDays(monday, target - 7);
  return { day, word: week[0] };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
