/**
 * How well an extractor kept an article's text, the way trafilatura's evaluation measures it:
 * recall is the share of the article's sentences that the output keeps, precision the share of
 * the output that is article text rather than furniture, both weighted by the sentences' length
 * (characters other than white space and punctuation), and F1 their harmonic mean.
 *
 * Used by the capture cases (tests/ingest/captures.test.ts) and by the benchmark, which scores
 * ingest and Mozilla Readability on the same pages.
 */

export interface ExtractionScore {
  precision: number;
  recall: number;
  f1: number;
}

/** A sentence as compared: no white space or punctuation, so line breaks and spacing do not count. */
export function comparable(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Sentences of a text: split at sentence-final punctuation and line breaks; fragments under two characters dropped. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[。！？!?；;])|\n+/u)
    .map(comparable)
    .filter((sentence) => sentence.length >= 2);
}

export function scoreExtraction(expectedBody: string, extracted: string): ExtractionScore {
  const gold = sentences(expectedBody);
  const got = sentences(extracted);
  const goldText = gold.join('\n');
  const gotText = got.join('\n');
  const weight = (list: string[]) => list.reduce((sum, sentence) => sum + sentence.length, 0);
  // A sentence counts as kept when the other side holds it whole: an extractor may join or split paragraphs.
  const kept = weight(gold.filter((sentence) => gotText.includes(sentence)));
  const relevant = weight(got.filter((sentence) => goldText.includes(sentence)));
  const recall = gold.length ? kept / weight(gold) : 0;
  const precision = got.length ? relevant / weight(got) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
