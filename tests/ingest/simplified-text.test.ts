import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { variantCharacters } from '../../src/ingest/script-variants.ts';
import { ingest, RAW } from './helpers.ts';

/**
 * No Traditional or variant character may remain in the Simplified text of an article, whatever
 * script or region the capture was in: checked over every capture case and every seed capture.
 */
const CASES = join(import.meta.dirname, '..', 'fixtures', 'captures');
const captures = [
  ...readdirSync(CASES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const file = readdirSync(join(CASES, entry.name)).find((name) => name.startsWith('capture.'))!;
      return { name: `case ${entry.name}`, path: join(CASES, entry.name, file) };
    }),
  ...readdirSync(RAW).map((name) => ({ name: `seed ${name}`, path: join(RAW, name) })),
];

describe.each(captures)('$name', ({ path }) => {
  it('has no Traditional or variant character in its Simplified text', () => {
    const { meta, markdown } = ingest(readFileSync(path), `content/raw/${path.split('/').pop()}`);
    const text = [meta.title, meta.subtitle, meta.originalTitle, meta.dateline, meta.publisher, ...meta.people, ...meta.places, ...meta.authors, ...meta.editors, markdown].join('\n');
    expect(variantCharacters(text)).toEqual([]);
  });
});
