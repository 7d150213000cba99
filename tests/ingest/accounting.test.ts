import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { simplified } from '../../src/ingest/steps/script.ts';
import { ROOT } from './helpers.ts';

interface Entry {
  action: string;
  text?: string;
  before?: string;
  after?: string;
}

const PINYIN = /(?<=\p{Script=Han})\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,7}\)/gu;
const normal = (text: string) => simplified(text.replace(PINYIN, '')).replace(/[\s\p{P}\p{S}]/gu, '');

/**
 * Nothing is lost silently: every clause of a raw capture is in its article (body or front
 * matter) or in the audit report, which records what was removed as furniture and what was
 * repaired. The clauses are checked after applying the report's own repairs to the raw text.
 */
describe('accounting for every clause of the seed captures', () => {
  const articles = readFileSync(join(ROOT, 'content', 'articles', '.ingest-manifest.json'), 'utf8');
  // The manifest names its files relative to the articles folder.
  const files = Object.keys(JSON.parse(articles).files as Record<string, string>).filter((file) => file.endsWith('.md'));

  it.each(files)('%s', (file) => {
    const article = matter(readFileSync(join(ROOT, 'content', 'articles', file), 'utf8'));
    const report = JSON.parse(readFileSync(join(ROOT, article.data.report as string), 'utf8')) as { captures: { raw: string; entries: Entry[] }[] };
    const [capture] = report.captures;
    let raw = readFileSync(join(ROOT, capture!.raw), 'utf8');
    for (const entry of capture!.entries) {
      if (entry.action === 'repaired' && entry.before && entry.after !== undefined) raw = raw.split(entry.before).join(entry.after);
    }
    raw = raw.replace(/[\uE000-\uF8FF]/gu, '').replace(PINYIN, '');
    const accounted = normal(
      [article.content, JSON.stringify(article.data), ...capture!.entries.flatMap((entry) => [entry.text ?? '', entry.after ?? ''])].join('\n'),
    );
    const clauses = raw
      .replace(/<[^>]*>/gu, '\n')
      .split(/[\n。！？，；：、“”（）()!?,;:]/u)
      .map(normal)
      .filter((clause) => clause.length >= 4);
    expect(clauses.length).toBeGreaterThan(20);
    // A capture that lost its line breaks runs headline, deck and dateline into the first clause;
    // each went to its own front-matter field.
    const heads = ['title', 'subtitle', 'dateline', 'originalTitle'].map((key) => normal(String(article.data[key] ?? ''))).filter(Boolean);
    const unaccounted = clauses.filter((clause) => {
      if (accounted.includes(clause)) return false;
      const rest = heads.reduce((remaining, head) => remaining.split(head).join('\n'), clause);
      return rest.split('\n').some((piece) => piece.length >= 4 && !accounted.includes(piece));
    });
    expect(unaccounted).toEqual([]);
  });
});
