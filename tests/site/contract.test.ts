import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { parseFrontMatter } from '../../src/site/contract.ts';

const sample = () =>
  matter(readFileSync('tests/fixtures/sample-content/articles/2021-07-28-hunan-covid-dispatch-meeting.md', 'utf8')).data as Record<string, unknown>;

describe('front matter contract', () => {
  it('reads a well-formed article', () => {
    const front = parseFrontMatter(sample(), 'sample');
    expect(front.slug).toBe('hunan-covid-dispatch-meeting');
    expect(front.people).toContain('许达哲');
    expect(front.captures).toHaveLength(1);
  });

  it('names the file and the field when a required field is missing or malformed', () => {
    const { slug, ...withoutSlug } = sample();
    expect(slug).toBeDefined();
    expect(() => parseFrontMatter(withoutSlug, 'a.md')).toThrow(/a\.md: `slug`/);
    expect(() => parseFrontMatter({ ...sample(), date: '2021/07/28' }, 'b.md')).toThrow(/b\.md: `date`/);
    expect(() => parseFrontMatter({ ...sample(), slug: '许达哲' }, 'c.md')).toThrow(/slug/);
    expect(() => parseFrontMatter({ ...sample(), people: undefined }, 'd.md')).toThrow(/`people` is required/);
  });

  it('keeps only web URLs as source URLs', () => {
    expect(parseFrontMatter({ ...sample(), sourceUrl: 'javascript:alert(1)' }, 'e.md').sourceUrl).toBeUndefined();
    expect(parseFrontMatter({ ...sample(), sourceUrl: 'https://finance.sina.com.cn/x.shtml' }, 'f.md').sourceUrl).toBe(
      'https://finance.sina.com.cn/x.shtml',
    );
  });
});
