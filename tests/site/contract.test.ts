import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { parse } from 'yaml';
import { parseFrontMatter, parseOfficials } from '../../src/site/contract.ts';

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

describe('officials.yaml', () => {
  it('gives each official the roles the archive records, with the years held', () => {
    const [official] = parseOfficials([
      { name: '许达哲', province: '湖南', roles: [{ title: '湖南省委书记、省人大常委会主任', from: 2020 }, { title: '湖南省委副书记、省长', to: 2020 }, '省领导'] },
    ]);
    expect(official).toMatchObject({ name: '许达哲', province: '湖南', roles: ['湖南省委书记、省人大常委会主任（2020–）', '湖南省委副书记、省长（–2020）', '省领导'] });
  });

  it('reads the archive’s own officials.yaml with a role for every official', () => {
    const officials = parseOfficials(parse(readFileSync(new URL('../../content/data/officials.yaml', import.meta.url), 'utf8')));
    expect(officials.length).toBeGreaterThan(30);
    expect(officials.filter((official) => official.roles.length === 0)).toEqual([]);
  });
});
