import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { describe, expect, it } from 'vitest';
import { simplified } from '../../src/ingest/steps/script.ts';
import { ingest } from './helpers.ts';

const CASES = join(import.meta.dirname, '..', 'fixtures', 'captures');
const normal = (text: string) => simplified(text).replace(/[\s\p{P}\p{S}]/gu, '');

/**
 * Nothing is lost silently on the capture cases either: every clause a page shows (its text with
 * the tags, scripts and styles taken out) is in the article, its front matter or its audit
 * report, whatever the main-content and furniture steps removed.
 */
describe('accounting for every clause of the capture cases', () => {
  const cases = readdirSync(CASES, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();

  it.each(cases)('%s', (name) => {
    const capture = readdirSync(join(CASES, name)).find((file) => file.startsWith('capture.'))!;
    const raw = readFileSync(join(CASES, name, capture), 'utf8');
    const result = ingest(raw, `content/raw/${name}-${capture}`);
    const accounted = normal([result.markdown, JSON.stringify(result.meta), JSON.stringify(result.state.frontMatter), result.state.page.title ?? '', ...result.state.ledger.flatMap((entry) => [entry.text ?? '', entry.after ?? ''])].join('\n'));
    // What a reader is shown: no front matter (its keys are accounted for in the report as such),
    // no code, no link targets or template tags of a Markdown post.
    const shown = raw
      .replace(/^\s*---\n[^]*?\n---\n/u, '\n')
      .replace(/<(script|style)\b[^>]*>[^]*?<\/\1>/giu, '\n')
      .replace(/\]\([^)\s]*\)/gu, ']')
      .replace(/\{\{[<%][^]*?[>%]\}\}/gu, '\n');
    const clauses = decodeHTML(shown.replace(/<[^>]*>/gu, '\n'))
      // A space between Chinese words parts phrases as punctuation does (a dateline and its lead: 某某网讯 1月10日晚).
      .split(/[\s。！？，；：、“”（）()!?,;:|｜]/u)
      .map(normal)
      .filter((clause) => clause.length >= 4);
    expect(clauses.length).toBeGreaterThan(10);
    expect(clauses.filter((clause) => !accounted.includes(clause))).toEqual([]);
  });
});
