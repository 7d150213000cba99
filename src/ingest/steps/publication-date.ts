import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { blocks, isProse, textOf } from '../blocks.ts';
import type { ArchiveData } from '../data.ts';
import { type DateReading, type DateVocabulary, findDates, isDay, readDateValue } from '../dates.ts';
import { frontMatterText } from '../front-matter-text.ts';
import { outletTimeZone } from '../outlet.ts';
import { simplified } from '../script-variants.ts';
import type { IngestState, PublicationSource } from '../types.ts';

/**
 * Reads the day the capture was published, from every place Chinese pages put it, and chooses
 * by a fixed order of trust (the README's *Dates*):
 *   1. the visible byline: a line under the headline (发布时间：2020年03月09日 10:30,
 *      2021-12-13 09:41  来源：…, 时间：/日期：), or at the foot of the page (发布日期：… only)
 *   2. the front matter of a Hexo, Jekyll or Hugo post (date, published …)
 *   3. the page's <meta> tags (article:published_time, PubDate, publishdate …)
 *   4. its JSON-LD (datePublished)
 *   5. a timestamp in its scripts (var publishTime = "…")
 * The page chrome's date of the day it was viewed (今天是2024年5月17日 星期五) is never taken: it
 * is `retrieved`. An instant is dated on the outlet's local day (Beijing time; Hong Kong or
 * Taipei time for their outlets, regions.yaml); a time without a zone is the outlet's own. A
 * date that names no real day (2021-02-30, 0099-01-01, a five-digit year) is not taken: the
 * fidelity notes and a warning say so, and the next source is used. The choice is kept for the
 * metadata step (state.hints.publication), which runs once credit lines have been read.
 */
export const readPublicationDate: Plugin<[ArchiveData], Root> = (data) => (tree, file) => {
  const state = file.data.ingest!;
  const vocabulary = data.dates;
  const zone = outletTimeZone(state, data.regions);
  const found: { source: PublicationSource; day: string; text: string }[] = [];
  const problems: { source: PublicationSource; problem: string }[] = [];
  const take = (source: PublicationSource, reading: DateReading | undefined) => {
    if (!reading) return false;
    if (isDay(reading)) found.push({ source, day: reading.day, text: reading.text });
    else problems.push({ source, problem: reading.problem });
    return isDay(reading);
  };

  for (const reading of bylineDates(state, tree, vocabulary, zone)) take('byline', reading);
  for (const key of vocabulary.frontMatterKeys) {
    if (state.frontMatter[key] === undefined) continue;
    if (take('front-matter', readDateValue(frontMatterText(state, key) ?? state.frontMatter[key], zone, vocabulary.years))) break;
  }
  for (const name of vocabulary.metaNames) {
    const entry = state.page.meta.find((meta) => meta.name === name && meta.content);
    if (entry && take('meta', readDateValue(entry.content, zone, vocabulary.years))) break;
  }
  jsonLd: for (const key of vocabulary.jsonLdKeys) {
    for (const item of state.page.jsonLd) {
      if (typeof item[key] === 'string' && take('json-ld', readDateValue(item[key], zone, vocabulary.years))) break jsonLd;
    }
  }
  const scripted = scriptDate(state.page.scripts, vocabulary, zone);
  if (scripted) take('script', scripted);

  const chosen = found[0];
  for (const { source, problem } of problems) {
    const instead = chosen ? `；采用${SOURCE_LABEL[chosen.source]}的 ${chosen.day}` : '';
    state.fidelity.push(`${SOURCE_LABEL[source]}的日期无法使用（${problem}）${instead}。`);
    state.warnings.push(`${SOURCE_WORDS[source]} date not used: ${problem}${chosen ? `; used the ${SOURCE_WORDS[chosen.source]}'s ${chosen.day}` : ''}`);
  }
  if (!chosen) return;
  state.hints.publication = { day: chosen.day, source: chosen.source, text: chosen.text };
  const disagreeing = [...new Set(found.filter((other) => other.day !== chosen.day && other.source !== chosen.source).map((other) => `${SOURCE_LABEL[other.source]}为 ${other.day}`))];
  if (disagreeing.length) state.fidelity.push(`页面各处的发布日期不一致：采用${SOURCE_LABEL[chosen.source]}的 ${chosen.day}（${disagreeing.join('，')}）。`);
  if (chosen.source !== 'byline' && chosen.source !== 'front-matter') {
    state.ledger.push({ step: 'metadata', action: 'inferred', field: 'published', label: `发布日期（${SOURCE_LABEL[chosen.source]}）`, text: chosen.text });
  }
};

const SOURCE_LABEL: Record<PublicationSource, string> = {
  byline: '署名行',
  'front-matter': '文件开头的文章属性',
  meta: '页面元数据',
  'json-ld': 'JSON-LD 数据',
  script: '页面脚本',
};

const SOURCE_WORDS: Record<PublicationSource, string> = {
  byline: 'byline',
  'front-matter': 'front matter',
  meta: 'meta tag',
  'json-ld': 'JSON-LD',
  script: 'script',
};

/** Blocks of the top of a page (before its prose starts) and of its foot that a byline may be. */
const TOP_BLOCKS = 15;
const FOOT_BLOCKS = 8;
const LINE_MAX = 120;

/**
 * Dates of the visible byline, in the order of the page: the lines under an HTML page's
 * headline (steps/byline.ts), then the short lines at the top of the capture's blocks, then
 * those at its foot with a strong marker (发布日期, never a bare 时间: that is a meeting's time) or
 * alone on their line (a signature date).
 */
export function bylineDates(state: IngestState, tree: Root, vocabulary: DateVocabulary, zone: string): DateReading[] {
  const list = blocks(tree).filter((block) => block.tagName !== 'figure');
  const top: string[] = [];
  let proseAt = list.length;
  for (let index = 0; index < list.length && index < TOP_BLOCKS; index++) {
    const text = textOf(list[index]!).trim();
    if (isProse(text)) {
      proseAt = index;
      break;
    }
    top.push(text);
  }
  const foot = list.slice(Math.max(proseAt + 1, list.length - FOOT_BLOCKS)).map((block) => textOf(block).trim());
  const readings: DateReading[] = [];
  for (const line of [...(state.page.byline ?? []).map((text) => simplified(text)), ...top]) readings.push(...lineDates(line, vocabulary, zone, false));
  for (const line of foot) readings.push(...lineDates(line, vocabulary, zone, true));
  return readings;
}

/**
 * The publication dates a line gives: a date after a byline marker (发布时间：…), or, in the byline
 * only, a date with its time (2021-12-13 09:41), a line that is nothing but a date, or a date
 * beside a source or a hit counter. A date in the page chrome (今天是…, 2024年3月2日 星期六) is not
 * one: that is the day the page was viewed.
 */
export function lineDates(line: string, vocabulary: DateVocabulary, zone: string, footOnly: boolean): DateReading[] {
  if (line.length > LINE_MAX) return [];
  const out: DateReading[] = [];
  for (const reading of findDates(line, zone, vocabulary.years)) {
    const before = line.slice(0, reading.index);
    const after = line.slice(reading.index + reading.text.length);
    const marker = markerBefore(before, vocabulary);
    if (vocabulary.chromeMarkers.some((word) => before.slice(-12).includes(word))) continue;
    if (marker === 'strong') {
      out.push(reading);
      continue;
    }
    // At the foot, a date alone on its line (with its weekday) is the day the text was signed and
    // issued, as press releases and notices end (2022年3月2日（星期三）).
    if (footOnly) {
      if (!before.trim() && weekdayAlone(vocabulary).test(after)) out.push(reading);
      continue;
    }
    if (marker === 'weak') {
      out.push(reading);
      continue;
    }
    // The page chrome's day: a date followed by its weekday and nothing else.
    if (weekdayOnly(vocabulary).test(after)) continue;
    const rest = (before + after).replace(/[\s|｜/·•:：\-—_]+/gu, '');
    const credit = /来源|作者|编辑|记者|浏览|点击|阅读|访问|字号|稿源|出处/u.test(before + after);
    if (('hasTime' in reading && reading.hasTime) || rest.length === 0 || credit) out.push(reading);
  }
  return out;
}

const weekdayPatterns = new WeakMap<DateVocabulary, RegExp>();

/** A weekday alone (星期六, 周日): what follows the chrome's date of the day the page was viewed. */
function weekdayOnly(vocabulary: DateVocabulary): RegExp {
  let pattern = weekdayPatterns.get(vocabulary);
  if (!pattern) {
    pattern = new RegExp(`^\\s*(?:${vocabulary.weekdayPrefixes.join('|')})[${vocabulary.weekdayNames.join('')}${vocabulary.weekdaySunday.join('')}]\\s*$`, 'u');
    weekdayPatterns.set(vocabulary, pattern);
  }
  return pattern;
}

const weekdayAlonePatterns = new WeakMap<DateVocabulary, RegExp>();

/** Nothing, or a weekday alone, bare or in brackets (星期三, （星期三）). */
function weekdayAlone(vocabulary: DateVocabulary): RegExp {
  let pattern = weekdayAlonePatterns.get(vocabulary);
  if (!pattern) {
    const weekday = `(?:${vocabulary.weekdayPrefixes.join('|')})[${vocabulary.weekdayNames.join('')}${vocabulary.weekdaySunday.join('')}]`;
    pattern = new RegExp(`^\\s*(?:[（(]\\s*${weekday}\\s*[）)]|${weekday})?\\s*$`, 'u');
    weekdayAlonePatterns.set(vocabulary, pattern);
  }
  return pattern;
}

/** Whether the words just before a date are a byline marker (发布时间：, 时间：), and which kind. */
function markerBefore(before: string, vocabulary: DateVocabulary): 'strong' | 'weak' | undefined {
  const tail = before.replace(/[\s:：\]】)）]+$/u, '');
  if (vocabulary.bylineMarkers.strong.some((marker) => tail.endsWith(marker))) return 'strong';
  if (vocabulary.bylineMarkers.weak.some((marker) => tail.endsWith(marker))) return 'weak';
  return undefined;
}

/** The first publication timestamp a page script keeps under one of the known names. */
const scriptPatterns = new WeakMap<DateVocabulary, RegExp[]>();

export function scriptDate(scripts: string[], vocabulary: DateVocabulary, zone: string): DateReading | undefined {
  if (!scripts.length) return undefined;
  let patterns = scriptPatterns.get(vocabulary);
  if (!patterns) {
    patterns = vocabulary.scriptKeys.map((key) => new RegExp(`(?<![\\w$])["']?${escape(key)}["']?\\s*[:=]\\s*(?:new\\s+Date\\(\\s*)?["']?([^"',;)}\\n]{6,40})`, 'iu'));
    scriptPatterns.set(vocabulary, patterns);
  }
  for (const pattern of patterns) {
    for (const script of scripts) {
      const match = pattern.exec(script.length > 200_000 ? script.slice(0, 200_000) : script);
      if (!match) continue;
      const reading = readDateValue(match[1]!.trim(), zone, vocabulary.years);
      if (reading) return reading;
    }
  }
  return undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
