/**
 * Lets a query typed in either script find articles in the edition being read.
 *
 * Each edition's search index holds that edition's text only, so the search page converts the
 * query first. Shipping OpenCC to the browser would cost a megabyte; instead the build derives,
 * from its own conversion of the archive, which characters differ between the two editions.
 * Characters absent from the archive cannot match anything, so nothing is lost by leaving
 * them out, and the table stays bounded by the archive's character set.
 */
import { toTraditional } from './editions.ts';

export interface ScriptMap {
  /** Traditional → Simplified, for the Simplified edition. */
  toHans: Record<string, string>;
  /** Simplified → Traditional, for the Traditional edition. */
  toHant: Record<string, string>;
}

type Tally = Map<string, Map<string, number>>;

function count(tally: Tally, from: string, to: string): void {
  const targets = tally.get(from) ?? new Map<string, number>();
  targets.set(to, (targets.get(to) ?? 0) + 1);
  tally.set(from, targets);
}

function mostFrequent(tally: Tally): Record<string, string> {
  const map: Record<string, string> = {};
  for (const from of [...tally.keys()].sort()) {
    const targets = [...tally.get(from)!].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1));
    map[from] = targets[0]![0];
  }
  return map;
}

export function buildScriptMap(simplifiedTexts: Iterable<string>): ScriptMap {
  const toHant: Tally = new Map();
  const toHans: Tally = new Map();
  for (const text of simplifiedTexts) {
    const simplified = [...text];
    const traditional = [...toTraditional(text)];
    // OpenCC's cn→tw conversion maps character for character; should a dictionary ever
    // change the length, this text simply contributes nothing.
    if (simplified.length !== traditional.length) continue;
    simplified.forEach((char, index) => {
      const converted = traditional[index]!;
      if (converted !== char) {
        count(toHant, char, converted);
        count(toHans, converted, char);
      }
    });
  }
  return { toHans: mostFrequent(toHans), toHant: mostFrequent(toHant) };
}
