import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateExtraction } from '../../src/bench/extraction.ts';
import { readabilityArticle } from '../../src/bench/readability.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('extraction evaluation', { timeout: 120_000 }, () => {
  it('gives the peer the article paragraphs of a page, one per line', () => {
    const paragraphs = Array.from({ length: 6 }, (_, index) => `会议第${index + 1}项议程要求，各级各部门要压实责任，确保各项疫情防控措施落实到位，坚决守住不发生规模性疫情的底线。`);
    const article = readabilityArticle(`<html><head><title>会议召开</title></head><body><div class="nav"><a href="/">首页</a></div><div class="content">${paragraphs.map((text) => `<p>${text}</p>`).join('')}</div></body></html>`);
    expect(article?.text.split('\n')).toEqual(paragraphs);
  });

  it('scores ingest at F1 0.97 or more of body text on the capture cases, ahead of Readability', () => {
    const results = evaluateExtraction(join(ROOT, 'tests', 'fixtures', 'captures'), join(ROOT, 'content', 'data'));
    expect(results.length).toBeGreaterThanOrEqual(16);
    const mean = (pick: (result: (typeof results)[number]) => number) => results.reduce((sum, result) => sum + pick(result), 0) / results.length;
    expect(mean((result) => result.ingest.f1)).toBeGreaterThanOrEqual(0.97);
    expect(mean((result) => result.ingest.f1)).toBeGreaterThan(mean((result) => result.readability.f1));
    expect(results.filter((result) => result.refused)).toEqual([]);
  });
});
