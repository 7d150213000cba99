import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ingest } from './helpers.ts';

/**
 * The metadata of every capture case (tests/fixtures/captures/<case>/expected.yaml, checked by
 * hand), apart from the headline and the body, which captures.test.ts checks with them: the
 * event day, the publication day, the province, the people and places with their paths, and the
 * original script. A case that gives `placePaths` lists every place the article must have, in
 * order of first mention, and no other.
 */
const CASES = join(import.meta.dirname, '..', 'fixtures', 'captures');

interface Expected {
  date: string | null;
  published: string | null;
  province: string;
  people?: string[];
  places?: string[];
  placePaths?: string[];
  originalScript?: string;
}

const cases = readdirSync(CASES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe.each(cases)('capture case %s', (name) => {
  const folder = join(CASES, name);
  const capture = readdirSync(folder).find((file) => file.startsWith('capture.'))!;
  // YAML 1.2's core schema keeps 2021-08-09 a string, as the article's front matter has it.
  const expected = parse(readFileSync(join(folder, 'expected.yaml'), 'utf8')) as Expected;

  it('reads the event day, the publication day, the province, people, places and script', () => {
    const { meta, state } = ingest(readFileSync(join(folder, capture)), `content/raw/${name}-${capture}`);
    expect({ date: meta.date ?? null, published: meta.published ?? null, province: meta.province }).toEqual({
      date: expected.date,
      published: expected.published,
      province: expected.province,
    });
    for (const person of expected.people ?? []) expect(meta.people).toContain(person);
    if (expected.placePaths) {
      expect(meta.placePaths).toEqual(expected.placePaths);
      expect(meta.places).toEqual(expected.places);
    } else {
      for (const place of expected.places ?? []) expect(meta.places).toContain(place);
    }
    if (expected.originalScript) expect(state.originalScript).toBe(expected.originalScript);
  });
});
