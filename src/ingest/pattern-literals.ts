import { RegExpParser } from '@eslint-community/regexpp';
import type { Alternative, Element } from '@eslint-community/regexpp/ast';

/**
 * The words a text must hold for a pattern to match it: a set of strings such that every match of
 * the pattern contains one of them (版权所有 for `(?<name>[^\s]{2,40}?)\s*版权所有`, 主办 or 主管单位
 * for `(?:主办|主管单位)[:：]`), or undefined when the pattern requires no such word (`\d{4}年`).
 * A data file's pattern that starts with a class and a lazy count (a name before 版权所有) is
 * tried by the regular-expression engine at every position of every line, while a search for its
 * word is one pass: `mayMatch` answers "no" for most lines at the cost of that pass, and "yes"
 * whenever the pattern could match, so the pattern's answers are never changed.
 *
 * The pattern is read with regexpp (the parser ESLint uses) rather than guessed from its source.
 * Anything whose words cannot be told for sure (case-insensitive matching, lookarounds, sets of
 * strings) requires no word, so a pattern the analysis does not understand is always run.
 */
export function requiredLiterals(pattern: RegExp): string[] | undefined {
  if (pattern.flags.includes('i') || pattern.flags.includes('v')) return undefined;
  let parsed;
  try {
    parsed = new RegExpParser().parsePattern(pattern.source, 0, pattern.source.length, { unicode: pattern.flags.includes('u') });
  } catch {
    return undefined;
  }
  return ofAlternatives(parsed.alternatives);
}

/** Literals longer than this add little selectivity; a set of more than MAX_SET costs more to search than it saves. */
const MAX_SET = 8;

/** A match of one of the alternatives contains one of the words of that alternative. */
function ofAlternatives(alternatives: Alternative[]): string[] | undefined {
  const all = new Set<string>();
  for (const alternative of alternatives) {
    const words = ofSequence(alternative.elements);
    if (!words) return undefined;
    for (const word of words) all.add(word);
  }
  return all.size && all.size <= MAX_SET ? [...all] : undefined;
}

/**
 * A match of a sequence contains the words of every element it requires; the most telling of
 * them is kept: the set whose shortest word is longest. Consecutive characters make one word.
 */
function ofSequence(elements: Element[]): string[] | undefined {
  let best: string[] | undefined;
  const consider = (words: string[] | undefined) => {
    if (!words?.length) return;
    if (!best || shortest(words) > shortest(best) || (shortest(words) === shortest(best) && words.length < best.length)) best = words;
  };
  let run = '';
  for (const element of elements) {
    if (element.type === 'Character') {
      run += String.fromCodePoint(element.value);
      continue;
    }
    if (run) consider([run]);
    run = '';
    consider(ofElement(element));
  }
  if (run) consider([run]);
  return best;
}

function ofElement(element: Element): string[] | undefined {
  switch (element.type) {
    case 'Character':
      return [String.fromCodePoint(element.value)];
    case 'CapturingGroup':
      return ofAlternatives(element.alternatives);
    case 'Group':
      return element.modifiers ? undefined : ofAlternatives(element.alternatives);
    case 'Quantifier':
      return element.min >= 1 ? ofElement(element.element) : undefined;
    case 'CharacterClass': {
      if (element.negate || element.unicodeSets || element.elements.length > MAX_SET) return undefined;
      const words: string[] = [];
      for (const item of element.elements) {
        if (item.type !== 'Character') return undefined;
        words.push(String.fromCodePoint(item.value));
      }
      return words.length ? words : undefined;
    }
    default:
      // Assertions take no characters; sets (\d, ., \p{…}) and backreferences name no word.
      return undefined;
  }
}

function shortest(words: string[]): number {
  return Math.min(...words.map((word) => word.length));
}

/**
 * Whether the engine has work to do at many positions of a text before it can rule the text out:
 * a pattern that starts with a lookaround or a run of any characters (`^.{0,40}…`, `[^\s]{2,40}?`),
 * or that is not anchored and may start anywhere (`\s*(版权所有…)`). A pattern anchored at the
 * start of a fixed word (`^(来源|发布)`), or starting with a character it can scan for, fails
 * faster than a search for its words: it is left to the engine.
 */
export function slowToRuleOut(pattern: RegExp): boolean {
  let parsed;
  try {
    parsed = new RegExpParser().parsePattern(pattern.source, 0, pattern.source.length, { unicode: pattern.flags.includes('u') || pattern.flags.includes('v'), unicodeSets: pattern.flags.includes('v') });
  } catch {
    return false;
  }
  return startsSlowly(parsed.alternatives, pattern.flags.includes('m'), false);
}

function startsSlowly(alternatives: Alternative[], multiline: boolean, anchored: boolean): boolean {
  return alternatives.some((alternative) => {
    const [first, ...rest] = alternative.elements;
    const anchor = !multiline && first?.type === 'Assertion' && first.kind === 'start';
    return slowStart(anchor ? rest[0] : first, anchored || anchor, multiline);
  });
}

function slowStart(element: Element | undefined, anchored: boolean, multiline: boolean): boolean {
  if (!element) return false;
  switch (element.type) {
    case 'Character':
      return false;
    case 'CharacterClass':
      return !anchored && broad(element);
    case 'CapturingGroup':
    case 'Group':
      return startsSlowly(element.alternatives, multiline, anchored);
    case 'Quantifier':
      if (broad(element.element) && element.max > 1) return true;
      if (element.min === 0 && !anchored) return true;
      return slowStart(element.element, anchored, multiline);
    case 'CharacterSet':
      return !anchored;
    default:
      return true;
  }
}

/** An element that matches a wide range of characters: `.`, a negated class or set, a class with ranges. */
function broad(element: Element): boolean {
  if (element.type === 'CharacterSet') return element.kind === 'any' || ('negate' in element && element.negate) || element.kind === 'property';
  if (element.type === 'CharacterClass') return element.negate || element.elements.some((item) => item.type !== 'Character');
  return false;
}

const prefilters = new WeakMap<RegExp, string[] | null>();

/**
 * The words to look for in a text before trying the pattern on it (see requiredLiterals), or
 * undefined when the pattern is better tried at once: it requires no word, or it fails fast
 * (slowToRuleOut). Made once per pattern.
 */
export function prefilterWords(pattern: RegExp): string[] | undefined {
  let words = prefilters.get(pattern);
  if (words === undefined) {
    words = (slowToRuleOut(pattern) && requiredLiterals(pattern)) || null;
    prefilters.set(pattern, words);
  }
  return words ?? undefined;
}

/** False only when the text lacks every word the pattern requires, so that the pattern cannot match it. */
export function mayMatch(pattern: RegExp, text: string): boolean {
  return mayHold(text, prefilterWords(pattern));
}

/** mayMatch with the pattern's prefilterWords looked up beforehand, for a loop over many texts. */
export function mayHold(text: string, words: string[] | undefined): boolean {
  return !words || words.some((word) => text.includes(word));
}
