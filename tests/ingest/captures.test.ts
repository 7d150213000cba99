import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { comparable, scoreExtraction } from '../../src/bench/extraction-score.ts';
import { blocks, isBody, isHeading, textOf } from '../../src/ingest/blocks.ts';
import { ingest } from './helpers.ts';

/**
 * Capture cases: saved pages in the shapes of common Chinese CMSs and platforms, written for these
 * tests (never collected from other projects), each with what a person reading the page sees as
 * its article, in `expected.yaml`, checked by hand against the capture:
 *   title, date (the meeting or event day; null when the page gives none), published, province
 *   body        the article's paragraphs and section headings, in Simplified
 *   captions    optional; photo captions, each kept as a caption (never as body text)
 *   photos      optional; how many photographs the article shows (each becomes a placeholder;
 *               QR codes, logos, banners and dividers are none)
 *   furniture   strings of the page that must not reach the article
 *   people, places, originalScript   optional; people and places must all be found
 */
const CASES = join(import.meta.dirname, '..', 'fixtures', 'captures');

interface Expected {
  title: string;
  date: string | null;
  published: string | null;
  province: string;
  body: string;
  captions?: string[];
  photos?: number;
  furniture?: string[];
  people?: string[];
  places?: string[];
  originalScript?: string;
}

const cases = readdirSync(CASES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

it('has capture cases to check', () => {
  expect(cases.length).toBeGreaterThan(0);
});

describe.each(cases)('capture case %s', (name) => {
  const folder = join(CASES, name);
  const capture = readdirSync(folder).find((file) => file.startsWith('capture.'))!;
  const expected = parse(readFileSync(join(folder, 'expected.yaml'), 'utf8')) as Expected;
  // One ingest per case, read by each check.
  let result: ReturnType<typeof ingest> | undefined;
  const run = () => (result ??= ingest(readFileSync(join(folder, capture)), `content/raw/${name}-${capture}`));

  it('keeps every sentence of the article and nothing else', () => {
    const result = run();
    const body = blocks(result.tree).filter((block) => isBody(block) || isHeading(block)).map(textOf).join('\n');
    const score = scoreExtraction(expected.body, body);
    expect({ recall: score.recall, precision: score.precision }).toEqual({ recall: 1, precision: 1 });
    const captions = blocks(result.tree).filter((block) => block.tagName === 'figure').map((block) => comparable(textOf(block)));
    for (const caption of expected.captions ?? []) expect(captions).toContain(comparable(caption));
    if (expected.photos !== undefined) expect(captions).toHaveLength(expected.photos);
  });

  it('removes the page furniture', () => {
    const result = run();
    const text = comparable(`${result.markdown}\n${result.meta.title ?? ''}\n${result.meta.subtitle ?? ''}`);
    for (const furniture of expected.furniture ?? []) expect(text).not.toContain(comparable(furniture));
  });

  it('reads the title, dates and province', () => {
    const { meta } = run();
    expect({ title: meta.title, date: meta.date ?? null, published: meta.published ?? null, province: meta.province }).toEqual({
      title: expected.title,
      date: expected.date,
      published: expected.published,
      province: expected.province,
    });
    for (const person of expected.people ?? []) expect(meta.people).toContain(person);
    for (const place of expected.places ?? []) expect(meta.places).toContain(place);
    if (expected.originalScript) expect(run().state.originalScript).toBe(expected.originalScript);
  });
});
