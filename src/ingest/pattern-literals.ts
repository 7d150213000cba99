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

const literals = new WeakMap<RegExp, string[] | null>();

/** False only when the text lacks every word the pattern requires, so that the pattern cannot match it. */
export function mayMatch(pattern: RegExp, text: string): boolean {
  let words = literals.get(pattern);
  if (words === undefined) {
    words = requiredLiterals(pattern) ?? null;
    literals.set(pattern, words);
  }
  return !words || words.some((word) => text.includes(word));
}
