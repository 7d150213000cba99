/**
 * Lets a query typed in either script find articles in the edition being read.
 *
 * The search index holds the Simplified text, so the search page looks a Traditional query up
 * in its Simplified forms too. Shipping OpenCC to the browser would cost a megabyte; instead the
 * build derives, from its own conversion of the archive, which characters differ between the two
 * editions.
 * Characters absent from the archive cannot match anything, so nothing is lost by leaving
 * them out, and the table stays bounded by the archive's character set.
 *
 * The counting is done per article (scriptTally), so that the build cache can keep each
 * article's tally with its rendered body; the table is then a sum of small tallies.
 */
import { toTraditional } from './editions.ts';

export interface ScriptMap {
  /** Traditional → Simplified, for the Simplified edition. */
  toHans: Record<string, string>;
  /** Simplified → Traditional, for the Traditional edition. */
  toHant: Record<string, string>;
  /**
   * Traditional → every Simplified character the build wrote it for, most frequent first (著 →
   * 着著 where both occur): a query in Traditional is looked up in each form (search-engine.js).
   */
  hansCounterparts: Record<string, string>;
}

/** How often each Simplified character became each Traditional one (only characters that change). */
export type ScriptTally = Record<string, Record<string, number>>;

/** A text in both scripts, as the site converted it. */
export type ScriptPair = readonly [simplified: string, traditional: string];

type Counts = Map<string, Map<string, number>>;

function add(counts: Counts, from: string, to: string, count: number): void {
  const targets = counts.get(from) ?? new Map<string, number>();
  targets.set(to, (targets.get(to) ?? 0) + count);
  counts.set(from, targets);
}

const SURROGATE = /[\ud800-\udfff]/;
/** Per Simplified code unit, its first Traditional counterpart and how often; reset after each tally. */
const firstTarget = new Uint16Array(0x10000);
const firstCount = new Uint32Array(0x10000);

export function scriptTally(pairs: Iterable<ScriptPair>): ScriptTally {
  // Counted in maps first: objects keyed by thousands of characters are slow to update.
  const counts: Counts = new Map();
  const count = (char: string, converted: string) => add(counts, char, converted, 1);
  const pairCounts = new Map<number, number>();
  const touched: number[] = [];
  for (const [hans, hant] of pairs) {
    if (hans === hant) continue;
    // OpenCC's cn→tw conversion maps character for character; should a dictionary ever
    // change the length, this text simply contributes nothing. Texts without characters
    // outside the Basic Multilingual Plane (nearly all) are compared code unit by code unit.
    if (!SURROGATE.test(hans) && !SURROGATE.test(hant)) {
      if (hans.length !== hant.length) continue;
      for (let index = 0; index < hans.length; index += 1) {
        const from = hans.charCodeAt(index);
        const to = hant.charCodeAt(index);
        if (from === to) continue;
        // A body has thousands of changed characters, nearly each with one counterpart: that one
        // is counted in arrays indexed by code unit, any other in a map.
        if (firstCount[from] === 0) {
          firstTarget[from] = to;
          firstCount[from] = 1;
          touched.push(from);
        } else if (firstTarget[from] === to) {
          firstCount[from]! += 1;
        } else {
          pairCounts.set(from * 0x10000 + to, (pairCounts.get(from * 0x10000 + to) ?? 0) + 1);
        }
      }
      continue;
    }
    const simplified = [...hans];
    const traditional = [...hant];
    if (simplified.length !== traditional.length) continue;
    simplified.forEach((char, index) => {
      if (traditional[index] !== char) count(char, traditional[index]!);
    });
  }
  for (const from of touched) {
    add(counts, String.fromCharCode(from), String.fromCharCode(firstTarget[from]!), firstCount[from]!);
    firstCount[from] = 0;
  }
  for (const [pair, pairCount] of pairCounts) {
    add(counts, String.fromCharCode(Math.floor(pair / 0x10000)), String.fromCharCode(pair % 0x10000), pairCount);
  }
  const tally: ScriptTally = {};
  for (const [char, targets] of counts) tally[char] = Object.fromEntries(targets);
  return tally;
}

function mostFrequent(counts: Counts): Record<string, string> {
  const map: Record<string, string> = {};
  for (const from of [...counts.keys()].sort()) {
    const targets = [...counts.get(from)!].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1));
    map[from] = targets[0]![0];
  }
  return map;
}

function allByFrequency(counts: Counts): Record<string, string> {
  const map: Record<string, string> = {};
  for (const from of [...counts.keys()].sort()) {
    const targets = [...counts.get(from)!].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1));
    map[from] = targets.map(([to]) => to).join('');
  }
  return map;
}

/** Sums tallies as they come (an archive's would take hundreds of megabytes together); `map` gives the table. */
export class ScriptTallySum {
  private readonly toHant: Counts = new Map();
  private readonly toHans: Counts = new Map();

  add(tally: ScriptTally): void {
    for (const [from, targets] of Object.entries(tally)) {
      for (const [to, count] of Object.entries(targets)) {
        add(this.toHant, from, to, count);
        add(this.toHans, to, from, count);
      }
    }
  }

  /** Each direction takes the most frequent counterpart; hansCounterparts lists them all. */
  map(): ScriptMap {
    return { toHans: mostFrequent(this.toHans), toHant: mostFrequent(this.toHant), hansCounterparts: allByFrequency(this.toHans) };
  }
}

/** Sums the tallies of the archive's texts; each direction takes the most frequent counterpart. */
export function scriptMapFromTallies(tallies: Iterable<ScriptTally>): ScriptMap {
  const sum = new ScriptTallySum();
  for (const tally of tallies) sum.add(tally);
  return sum.map();
}

/** The table for texts given in Simplified, converted here. */
export function buildScriptMap(simplifiedTexts: Iterable<string>): ScriptMap {
  const pairs = [...simplifiedTexts].map((text): ScriptPair => [text, toTraditional(text)]);
  return scriptMapFromTallies([scriptTally(pairs)]);
}

