import type { CreditLabel } from './data.ts';

/**
 * Credit lines (来源：湖南日报; 记者 陈家豪; 记者 王佳编辑：李晓; 来源：成都日报 阅读：0), read with
 * the labels of content/data/credits.yaml: a line is split at its labels, so that each value ends
 * where the next label begins, whether the page spaced its credits or glued them together. Used by
 * the furniture step, which moves each value into the front matter.
 */

export interface CreditPart {
  label: CreditLabel;
  /** The label as the line wrote it (spaces inside it removed). */
  word: string;
  value: string;
}

/** A credit line is short and holds no sentence's end. */
const LINE_MAX = 160;
const VALUE_MAX = 80;
const SENTENCE_END = /[。！？!?]/u;
const SEPARATOR = /\s*[:：|｜丨]\s*/uy;
const SPACE = /[\s\u3000]/u;
const GLUED_LABEL_MIN = 3;
/** Personal names: two to four Chinese characters each, separated by spaces or 、. */
const NAMES = /^\p{Script=Han}{2,4}(?:[\s\u3000、]+\p{Script=Han}{2,4})*$/u;

interface CompiledLabels {
  /** Any label at a position (sticky), longest first; spaces allowed between its characters. */
  pattern: RegExp;
  byWord: Map<string, CreditLabel>;
  /** First characters of the labels: a line starting with none of them is no credit line. */
  starts: Set<string>;
}

const compiled = new WeakMap<CreditLabel[], CompiledLabels>();

function compile(labels: CreditLabel[]): CompiledLabels {
  let found = compiled.get(labels);
  if (!found) {
    const byWord = new Map<string, CreditLabel>();
    for (const label of labels) for (const word of label.words) if (!byWord.has(word)) byWord.set(word, label);
    const words = [...byWord.keys()].sort((a, b) => [...b].length - [...a].length || (a < b ? -1 : 1));
    const source = words.map((word) => [...word].map(escape).join('[\\s\\u3000]*')).join('|');
    found = { pattern: new RegExp(`(?:${source})`, 'uy'), byWord, starts: new Set(words.map((word) => [...word][0]!)) };
    compiled.set(labels, found);
  }
  return found;
}

/**
 * The credits of a line, or undefined when the line is not a credit line: it must start with a
 * label, be made of labels and their values only, give at least one value that fills a field,
 * and hold no sentence's end. A label starts a new part when a separator (: ： | ｜ 丨) follows
 * it, or, for a label of two characters or more, when spaces stand on both sides of it; the
 * line's first label may be followed by a space alone when it has two characters or more, and by
 * the names themselves when it has three or more.
 */
export function readCreditLine(line: string, labels: CreditLabel[]): CreditPart[] | undefined {
  const text = line.trim();
  if (!text || text.length > LINE_MAX || SENTENCE_END.test(text)) return undefined;
  const { pattern, byWord, starts } = compile(labels);
  if (!starts.has(String.fromCodePoint(text.codePointAt(0)!))) return undefined;

  const labelAt = (at: number): { word: string; end: number } | undefined => {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    return match ? { word: match[0].replace(/[\s\u3000]+/gu, ''), end: at + match[0].length } : undefined;
  };
  const separatorAt = (at: number): number | undefined => {
    SEPARATOR.lastIndex = at;
    const match = SEPARATOR.exec(text);
    return match ? at + match[0].length : undefined;
  };

  const first = labelAt(0);
  if (!first) return undefined;
  let valueStart = separatorAt(first.end) ?? ([...first.word].length >= 2 && SPACE.test(text[first.end] ?? '') ? first.end : undefined);
  // A long label may run into the names it introduces (责任编辑王珊珊, 本报记者王佳); a short one
  // may not, since it begins ordinary words too (编辑推荐, 记者手记).
  if (valueStart === undefined && [...first.word].length >= GLUED_LABEL_MIN && NAMES.test(text.slice(first.end))) valueStart = first.end;
  if (valueStart === undefined) return undefined;
  let current = first.word;
  const parts: CreditPart[] = [];
  const close = (end: number): boolean => {
    const value = text.slice(valueStart!, end).trim();
    if (!value || [...value].length > VALUE_MAX) return false;
    parts.push({ label: byWord.get(current)!, word: current, value });
    return true;
  };
  for (let at = valueStart + 1; at < text.length; at++) {
    if (!starts.has(text[at]!)) continue;
    const next = labelAt(at);
    if (!next) continue;
    const separated = separatorAt(next.end);
    const spaced = [...next.word].length >= 2 && SPACE.test(text[at - 1] ?? '') && SPACE.test(text[next.end] ?? '');
    if (separated === undefined && !spaced) continue;
    if (!close(at)) return undefined;
    current = next.word;
    valueStart = separated ?? next.end;
    at = valueStart;
  }
  if (!close(text.length)) return undefined;
  return parts.some((part) => part.label.field) ? parts : undefined;
}

/**
 * The credits of a line of page chrome, wherever they begin in it: a byline gives its date or
 * its time first (2022-04-10 20:15  来源：澎湃新闻 · 责任编辑：王佳), spaced or glued to it
 * (20:15来源：…). The credits are read from the first label that a separator follows, to the end
 * of the line.
 */
export function readChromeCredits(line: string, labels: CreditLabel[]): CreditPart[] | undefined {
  const text = line.trim();
  const whole = readCreditLine(text, labels);
  if (whole || text.length > LINE_MAX) return whole;
  const { pattern, starts } = compile(labels);
  for (let at = 1; at < text.length; at++) {
    if (!starts.has(text[at]!)) continue;
    pattern.lastIndex = at;
    const label = pattern.exec(text);
    if (!label) continue;
    SEPARATOR.lastIndex = at + label[0].length;
    if (!SEPARATOR.test(text)) continue;
    return readCreditLine(text.slice(at), labels);
  }
  return undefined;
}

/** The front-matter values of a credit line, by field: the values of one field joined by spaces. */
export function creditFields(parts: CreditPart[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const part of parts) {
    const field = part.label.field;
    if (field) fields[field] = fields[field] ? `${fields[field]} ${part.value}` : part.value;
  }
  return fields;
}

/** The rule a credit line is recorded under: its one kind of credit's, or `credits/line`. */
export function creditRule(parts: CreditPart[]): { id: string; label: string } {
  const kinds = new Set(parts.map((part) => part.label));
  if (kinds.size === 1) {
    const only = parts[0]!.label;
    return { id: only.id, label: only.label };
  }
  return { id: 'credits/line', label: '署名与发布信息行' };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
